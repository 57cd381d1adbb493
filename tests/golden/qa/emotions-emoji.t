# Emoji that show an emotion count as its words do (VADER's lexicon scores
# few emoji, so 😡 alone is neutral, and anger in it): 😡 🤬 anger, 🙄 😤
# frustration, 😰 😱 anxiety; 👍 🎉 satisfaction in a positive message only, so
# a lone 👍 (neutral) shows none. Evidence is the emoji as written.
--- cmd
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, ([.qa.sentiment.emotions[] | .emotion + ":" + (.words | join(","))] | join(" ")), .text] | @tsv'
--- stdin
差评😡
😡😡😡
什么破服务🤬
又坏了😭🙄
还没到😰
I am waiting 😱
好评👍
👍
谢谢，太棒了🎉
--- stdout
-0.5423	anger:😡	差评😡
0	anger:😡,😡,😡	😡😡😡
-0.34	anger:🤬	什么破服务🤬
-0.7269	frustration:又坏了,🙄	又坏了😭🙄
-0.5423	frustration:还没 anxiety:😰	还没到😰
-0.7003	anxiety:😱	I am waiting 😱
0.5106	satisfaction:好评,👍	好评👍
0		👍
0.8442	satisfaction:谢谢,太棒了,🎉	谢谢，太棒了🎉
--- stderr
--- exit
0
