# NTUSD's words in Traditional, as cs reads them, are in the lexicon where
# they differ from NTUSD's Simplified spelling: 藉口, 乾燥 and 反覆 (藉, 乾 and
# 覆 stay as written) and 入帳 (帳 reads as 账, where NTUSD writes 入帐) score
# as 借口, 干燥, 反复 and 入帐 do, and 入账, as Simplified writes it now, too.
# Before, 入帳 and 入账 scored 0 (入帳 had read as 入帐 until 帳 became 账), and
# the other Traditional lines 0 or less than in Simplified.
--- cmd
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, .text] | @tsv'
--- stdin
又在找藉口
又在找借口
空氣太乾燥
空气太干燥
同樣的問題反覆出現
同样的问题反复出现
公司入帳了
公司入帐了
公司入账了
--- stdout
-0.3612	又在找藉口
-0.3612	又在找借口
-0.4404	空氣太乾燥
-0.4404	空气太干燥
-0.2263	同樣的問題反覆出現
-0.2263	同样的问题反复出现
0.3612	公司入帳了
0.3612	公司入帐了
0.3612	公司入账了
--- stderr
--- exit
0
