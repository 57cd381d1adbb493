# Chinese sentiment: longest match first (不错, 没问题 whole; 差 not found in 出差),
# negators within the clause with parity (不是不好 is positive), degree words,
# contrast (what follows 但是 weighs more), full-width exclamation marks; mixed text.
# 没那么, 不算 and 没(有)想象中 negate (NTUSD has the first two as negative words):
# 没那么差 and 不算贵 are positive, 没有想象中的那么好 negative, 比想象中好 positive.
# Review words: 有待提高 (needs improving) is no praise, 别买 a warning, 无限回购
# (would buy again and again) no negation of 回购.
--- cmd
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, .qa.sentiment.label, .text] | @tsv'
--- stdin
服务很好
服务不好
服务不太好
不是不好
不错
没问题
我下周出差
质量太差了！！！
房间很干净，但是服务太差了
服务太差，但是房间很干净
快递很快，没有延误
客服态度一点也不好
别担心，马上为您处理
OK，谢谢！
没那么差
不算贵
没有想象中的那么好
比想象中好
服务有待提高
劝大家别买
无限回购
--- stdout
0.5106	positive	服务很好
-0.4404	negative	服务不好
-0.4023	negative	服务不太好
0.3412	positive	不是不好
0.4404	positive	不错
0.3612	positive	没问题
0	neutral	我下周出差
-0.6884	negative	质量太差了！！！
-0.6314	negative	房间很干净，但是服务太差了
0.4097	positive	服务太差，但是房间很干净
0.6103	positive	快递很快，没有延误
-0.3412	negative	客服态度一点也不好
0.25	positive	别担心，马上为您处理
0.4199	positive	OK，谢谢！
0.357	positive	没那么差
0.2235	positive	不算贵
-0.3865	negative	没有想象中的那么好
0.4404	positive	比想象中好
-0.296	negative	服务有待提高
-0.4588	negative	劝大家别买
0.5423	positive	无限回购
--- stderr
--- exit
0
