# English sentiment follows VADER: boosters, negation in the three words before,
# "but", capitals, exclamation and question marks, "least", "no", emoticons, emoji;
# compound in [-1, 1], labels at +-0.05.
--- cmd
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, .qa.sentiment.label, .text] | @tsv'
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
--- stderr
--- exit
0
