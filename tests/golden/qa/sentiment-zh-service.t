# Chinese service chat: 麻烦 as a polite request (麻烦您, 麻烦帮) is no
# complaint and no frustration, while 太麻烦 and 烦死 are both; a question
# that ends in 吗 or 么 does not negate with 不是 (这不是骗人吗 says it is a
# scam), the same words without it do; service words NTUSD lacks (省心, 没回复);
# 别 in 别家 is no negator; service verbs neutral alone, negative negated (不通知);
# anger in 你们这是欺诈, 太坑, 气炸, 什么态度, anxiety in 来不及; 搞什么 is anger only in a
# negative message, and 搞什么活动 asks about a promotion. 好 before a
# sentiment word is a degree word (好贵 and 好担心 are negative, 好担心 anxious);
# 被扣 is a complaint, 欺人太甚 anger, 点个赞 praise. An agent's polite forms
# hold no complaint (烦请, 您慢走, 请慢用, 让您破费了), nor 快 as "hurry" praise
# (快给我处理), nor 臭豆腐 a bad smell. 根本 is a degree word before a negated
# word (根本不行, 根本不解决问题), 呵呵 is dismissive, 服了 fed up (佩服 and
# 舒服 stay praise), 很卡 laggy, 爱了 and 暖心 praise, and 不到 before a number
# is "less than", no negator (不到一周就坏了). 值了 (worth it) is not in 充值了,
# nor 好 in 装好 (installed); a device that stops working (不加热, 开不了机),
# 发成 (sent the wrong one), 钱扣了 are complaints; 没话说 and 辛苦啦 praise.
--- cmd
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -r '[.qa.sentiment.compound, .qa.sentiment.label, ([.qa.sentiment.emotions[].words[]] | join(",")), .text] | @tsv'
--- stdin
根本不行
根本不解决问题
呵呵，等了两个小时
我服了你们
佩服佩服
虽然便宜，但是用着真的很卡
买了不到一周就坏了，质量太次了
充值了没到账，钱扣了
空调装好第二天就不制冷了
我要的是黑色，你们发成白色了
你们的售后真的没话说
嗯嗯，明白了，辛苦啦
前台办入住磨磨蹭蹭，排了半小时队
每次都说记录下来了，然后就没有然后了
没有宣传的那么好，有点失望
不得不说，这次买得真值
虽然位置偏了点，但是服务真的没得挑
颜色很正，爱了
骑手小哥还提醒我趁热吃，暖心
麻烦您稍等一下，我帮您查询
麻烦帮我查一下订单
太麻烦了，要填这么多表
烦死了，电话打不通
这不是骗人吗？
这不是骗人
你不是说今天发货么，怎么还没发
退款秒到账，很省心
每次都等一个小时，客服也没回复
价格比别家贵了不少
支持七天无理由退货，买得放心
发货延迟也不通知一声
你们这是欺诈
太坑了
我要气炸了
你们这什么态度
怕来不及
你们最近搞什么活动吗
搞什么啊，又坏了
钱被扣了，我好担心
这也太贵了吧，好贵
你们简直欺人太甚
给你们点个赞
烦请您提供一下订单号
您慢走，欢迎下次光临
请慢用
让您破费了
快给我处理
臭豆腐很好吃
--- stdout
-0.4588	negative		根本不行
-0.5719	negative		根本不解决问题
-0.5106	negative		呵呵，等了两个小时
-0.3612	negative		我服了你们
0.6124	positive		佩服佩服
-0.4767	negative		虽然便宜，但是用着真的很卡
-0.6705	negative		买了不到一周就坏了，质量太次了
-0.5859	negative		充值了没到账，钱扣了
-0.4215	negative		空调装好第二天就不制冷了
-0.25	negative		我要的是黑色，你们发成白色了
0.5106	positive		你们的售后真的没话说
0.3612	positive		嗯嗯，明白了，辛苦啦
-0.3612	negative		前台办入住磨磨蹭蹭，排了半小时队
-0.3612	negative		每次都说记录下来了，然后就没有然后了
-0.6736	negative	失望	没有宣传的那么好，有点失望
0.3612	positive		不得不说，这次买得真值
0.6652	positive		虽然位置偏了点，但是服务真的没得挑
0.5423	positive		颜色很正，爱了
0.4588	positive		骑手小哥还提醒我趁热吃，暖心
0	neutral		麻烦您稍等一下，我帮您查询
0	neutral		麻烦帮我查一下订单
-0.3818	negative	太麻烦	太麻烦了，要填这么多表
-0.7096	negative	烦死	烦死了，电话打不通
-0.5574	negative		这不是骗人吗？
0.4449	positive		这不是骗人
-0.3612	negative	还没	你不是说今天发货么，怎么还没发
0.6997	positive		退款秒到账，很省心
-0.3612	negative		每次都等一个小时，客服也没回复
-0.296	negative		价格比别家贵了不少
0.1779	positive		支持七天无理由退货，买得放心
-0.5719	negative		发货延迟也不通知一声
-0.3612	negative	你们这是欺诈	你们这是欺诈
-0.5267	negative	太坑	太坑了
-0.5423	negative	气炸	我要气炸了
-0.3612	negative	什么态度	你们这什么态度
-0.25	negative	来不及	怕来不及
0	neutral		你们最近搞什么活动吗
-0.6705	negative	搞什么,又坏了	搞什么啊，又坏了
-0.624	negative	担心	钱被扣了，我好担心
-0.6478	negative		这也太贵了吧，好贵
-0.5423	negative	欺人太甚	你们简直欺人太甚
0.4939	positive	点个赞	给你们点个赞
0	neutral		烦请您提供一下订单号
0.3612	positive		您慢走，欢迎下次光临
0	neutral		请慢用
0	neutral		让您破费了
0	neutral		快给我处理
0.5106	positive	很好	臭豆腐很好吃
--- stderr
--- exit
0
