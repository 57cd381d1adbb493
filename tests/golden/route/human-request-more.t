# More ways to ask for a person, each honoured on the first ask: is there a
# human, not wanting a bot, customer service, a manager or supervisor, someone
# to call back, escalating to a human, and in
# Chinese 不要机器人, 找你们领导, 接线员, 客服在吗, 人呢, 跟人说话, a lone 客服,
# 换个客服, 别用AI, 联系客服, 工作人员联系我. Sentences that only mention a bot
# or customer service, say they contacted it already, or ask to find someone
# to sign for a parcel (我要找人代收) do not count.
--- cmd
cs-route --field text | jq -c '[.text, .route.human_requested]'
--- stdin
{"text":"is there a human I can talk to"}
{"text":"I don't want to talk to a bot"}
{"text":"connect me with customer service"}
{"text":"please get me a manager"}
{"text":"customer service please"}
{"text":"我不要机器人"}
{"text":"别让机器人回答我"}
{"text":"叫你们经理出来"}
{"text":"我要投诉，找你们领导"}
{"text":"接线员"}
{"text":"客服在吗"}
{"text":"人呢"}
{"text":"我要跟人说话"}
{"text":"你是机器人吗，我要找人"}
{"text":"the bot said my refund is pending"}
{"text":"is there a fee for returns"}
{"text":"I don't want this product anymore"}
{"text":"这个机器人很好用"}
{"text":"我要找人代收快递"}
{"text":"give me someone who can actually help"}
{"text":"can someone call me"}
{"text":"please have an agent contact me"}
{"text":"are there any humans working there"}
{"text":"escalate this to a human"}
{"text":"is there any fee"}
{"text":"are there any discounts"}
{"text":"someone stole my card"}
{"text":"the agent called me yesterday"}
{"text":"客服！"}
{"text":"我要和客服说话"}
{"text":"叫个人来"}
{"text":"换个客服"}
{"text":"别用AI回答我"}
{"text":"帮我联系客服"}
{"text":"请安排工作人员联系我"}
{"text":"我已经联系客服了，还是没解决"}
{"text":"客服态度很好"}
{"text":"AI客服很方便"}
--- stdout
["is there a human I can talk to",true]
["I don't want to talk to a bot",true]
["connect me with customer service",true]
["please get me a manager",true]
["customer service please",true]
["我不要机器人",true]
["别让机器人回答我",true]
["叫你们经理出来",true]
["我要投诉，找你们领导",true]
["接线员",true]
["客服在吗",true]
["人呢",true]
["我要跟人说话",true]
["你是机器人吗，我要找人",true]
["the bot said my refund is pending",false]
["is there a fee for returns",false]
["I don't want this product anymore",false]
["这个机器人很好用",false]
["我要找人代收快递",false]
["give me someone who can actually help",true]
["can someone call me",true]
["please have an agent contact me",true]
["are there any humans working there",true]
["escalate this to a human",true]
["is there any fee",false]
["are there any discounts",false]
["someone stole my card",false]
["the agent called me yesterday",false]
["客服！",true]
["我要和客服说话",true]
["叫个人来",true]
["换个客服",true]
["别用AI回答我",true]
["帮我联系客服",true]
["请安排工作人员联系我",true]
["我已经联系客服了，还是没解决",false]
["客服态度很好",false]
["AI客服很方便",false]
--- stderr
--- exit
0
