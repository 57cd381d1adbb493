# English sentiment follows VADER: boosters, negation in the three words before,
# "but", capitals, exclamation and question marks, "least", "no", emoticons, emoji;
# compound in [-1, 1], labels at +-0.05. Full-width forms (a CJK input method in
# full-width mode) read as their ASCII letters and marks, as NFKC has them: they
# scored 0, while the emotions and the scorecard phrases on the same text saw them.
# The evidence of the emotion stays a span of the raw text (the message's
# characters 31 to 38 are the full-width word).
--- cmd
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, .qa.sentiment.label, .text] | @tsv'
echo '{"kind":"conversation","id":"fw","channel":"chat","messages":[{"id":"1","role":"customer","text":"the service was ｔｅｒｒｉｂｌｅ！ I am ｆｕｒｉｏｕｓ"},{"id":"2","role":"agent","text":"Thanks for waiting."}]}' |
	cs-qa | jq -c '[.qa.sentiment.messages[0].compound, (.qa.items[] | select(.id == "empathy") | .evidence[] | [.span, .text])]'
--- stdin
The service was good.
The service was very good.
The service was not good.
The service was not very good.
The service was GOOD.
The service was good!!!
The app is fine, but support is terrible.
Support is terrible, but the app is fine.
At least it isn't a horrible delay.
There was no help at all.
Thanks :)
Thanks 😁
Is it shipped? Is it? Is it??
I have a question about my order.
the service was ｔｅｒｒｉｂｌｅ
terrible！！！
ＴＥＲＲＩＢＬＥ service
ｇｒｅａｔ ｊｏｂ
I　am ｆｕｒｉｏｕｓ
--- stdout
0.4404	positive	The service was good.
0.4927	positive	The service was very good.
-0.3412	negative	The service was not good.
-0.3865	negative	The service was not very good.
0.5622	positive	The service was GOOD.
0.5826	positive	The service was good!!!
-0.0516	negative	The app is fine, but support is terrible.
0.25	positive	Support is terrible, but the app is fine.
0.5875	positive	At least it isn't a horrible delay.
-0.3089	negative	There was no help at all.
0.7096	positive	Thanks :)
0.7096	positive	Thanks 😁
0	neutral	Is it shipped? Is it? Is it??
0	neutral	I have a question about my order.
-0.4767	negative	the service was ｔｅｒｒｉｂｌｅ
-0.6093	negative	terrible！！！
-0.5904	negative	ＴＥＲＲＩＢＬＥ service
0.6249	positive	ｇｒｅａｔ ｊｏｂ
-0.5719	negative	I　am ｆｕｒｉｏｕｓ
[-0.7959,[[0,38],"the service was ｔｅｒｒｉｂｌｅ！ I am ｆｕｒｉｏｕｓ"],[[31,38],"ｆｕｒｉｏｕｓ"],[[0,19],"Thanks for waiting."]]
--- stderr
--- exit
0
