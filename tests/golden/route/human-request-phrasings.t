# A batch of asks written after the phrase list, 43 of 60 honoured before it
# grew: a lone "agent" or "operator" between stops, live or human support,
# "can a human help", and in Chinese 不想跟机器说话, 叫你们客服出来, asking
# for 你们的负责人, 店长 or 上级, 和客服通话, 换人, 找个人跟我说, a call back
# from 客服, 联系你们的客服, 客服呢. Look-alikes stay bots: "I am a real
# person", 不用转人工了, a past 客服联系我说, 已经联系你们客服, 换人送. A second
# batch (20 of 30 honoured before): a human being, is anyone there, "agent
# agent agent", help from a human, support staff, not a bot please, 找个客服,
# 客服在哪, 和你们的工作人员说; "I'm not a bot" and 我已经跟客服说了 ask for no one.
# Traditional asks as Simplified does (轉人工客服, 我要找真人). A third batch
# (13 of 20 before): common misspellings (agnet, humen, real persn),
# escalating to a manager, 转个客服, 不想和智能客服聊了, 跟你们负责人谈; a past
# talk with a representative and a store's supervisor ask for no one.
# Cantonese, as Hong Kong customers write it (Traditional, read as
# Simplified): 搵客服, 搵個人, 同客服傾, 唔要機械人; 機械人回覆得幾好 and 搵唔到訂單
# ask for no one.
--- cmd
cs-route --field text | jq -c '[.text, .route.human_requested]'
--- stdin
{"text":"Can I speak to someone please"}
{"text":"I need to talk to a real person about my bill"}
{"text":"Agent."}
{"text":"representative"}
{"text":"Talk to human"}
{"text":"get me a human"}
{"text":"Please transfer me to an agent"}
{"text":"I want to speak with a supervisor"}
{"text":"let me talk to a person"}
{"text":"Is there anyone I can actually talk to?"}
{"text":"this bot is useless, I want a human"}
{"text":"HUMAN"}
{"text":"speak to agent"}
{"text":"can i talk to someone from your team"}
{"text":"I'd rather talk to a real person"}
{"text":"Stop. Operator."}
{"text":"you're a bot, get me a real agent"}
{"text":"live support please"}
{"text":"Put me through to a manager"}
{"text":"Let me chat with a live agent"}
{"text":"Can a human help me with this?"}
{"text":"talk to rep"}
{"text":"I need a human being"}
{"text":"Could you connect me to a live representative"}
{"text":"Need to speak to someone in billing"}
{"text":"please have someone call me"}
{"text":"human support"}
{"text":"i want to talk to customer care"}
{"text":"speak with a human now!!"}
{"text":"menu, agent"}
{"text":"转人工客服"}
{"text":"人工！！"}
{"text":"我要投诉，给我转人工"}
{"text":"能不能让人工来处理"}
{"text":"找个真人跟我说"}
{"text":"我不想跟机器说话"}
{"text":"请帮我转接人工"}
{"text":"你们有没有人工"}
{"text":"叫你们客服出来"}
{"text":"让你们负责人联系我"}
{"text":"我要和客服通话"}
{"text":"麻烦转一下人工"}
{"text":"转人工服务"}
{"text":"客服电话多少，我要找人工"}
{"text":"机器人听不懂，换人"}
{"text":"我要跟真人沟通"}
{"text":"人工人工人工"}
{"text":"能找个人跟我说吗"}
{"text":"请安排客服回电"}
{"text":"我需要人工帮助"}
{"text":"找你们店长"}
{"text":"给我接人工"}
{"text":"联系一下你们的客服人员"}
{"text":"别自动回复了，找个人来"}
{"text":"你是机器人吗？我要找真人"}
{"text":"要人工服务"}
{"text":"喊个人工过来"}
{"text":"转接人工坐席"}
{"text":"我要投诉你们，叫你们上级来"}
{"text":"在线客服呢？"}
{"text":"The human resources department sent me a letter"}
{"text":"My agent said the policy covers this"}
{"text":"I spoke to a person yesterday and they said it would be refunded"}
{"text":"The delivery person left the package at the wrong door"}
{"text":"Someone used my card without permission"}
{"text":"I am a real person, not a bot, why is my account flagged?"}
{"text":"Can you tell me the agent fee?"}
{"text":"Where is my travel agent booking?"}
{"text":"My manager needs an invoice"}
{"text":"Who is the contact person for returns?"}
{"text":"the chat bot already answered, thanks"}
{"text":"How many people can the table seat?"}
{"text":"人工智能产品怎么退货"}
{"text":"人工费怎么算"}
{"text":"我不需要人工，自己能搞定"}
{"text":"客服已经处理好了，谢谢"}
{"text":"这个是人工养殖的吗"}
{"text":"人工合成的香料安全吗"}
{"text":"请问你们的人工草坪多少钱一平"}
{"text":"我朋友想应聘你们的客服岗位"}
{"text":"这个客服机器人挺聪明的"}
{"text":"不用转人工了，问题解决了"}
{"text":"上次客服联系我说会退款"}
{"text":"我已经联系你们客服了，还没回复"}
{"text":"能不能换人送货"}
{"text":"Thanks for the help, my travel agent, Sam, booked it"}
{"text": "can i get a real person on the line"}
{"text": "I want to speak to someone real"}
{"text": "human being please"}
{"text": "is anyone there?"}
{"text": "hello?? anyone there??"}
{"text": "HUMAN PLEASE"}
{"text": "I want a human!!!"}
{"text": "transfer to agent"}
{"text": "agent agent agent"}
{"text": "representative!!"}
{"text": "I need assistance from a human"}
{"text": "let me speak to your manager"}
{"text": "Connect me to support staff"}
{"text": "i would like to talk to an actual human being"}
{"text": "not a bot please"}
{"text": "I'd like to chat with a real agent please"}
{"text": "转人工啊"}
{"text": "人工服务在哪"}
{"text": "怎么转人工"}
{"text": "能转人工吗"}
{"text": "人工客服电话"}
{"text": "麻烦人工处理一下"}
{"text": "我要人工"}
{"text": "给我转个人工"}
{"text": "找个客服"}
{"text": "你们客服在哪里"}
{"text": "在吗？有人吗"}
{"text": "我不要机器回复"}
{"text": "请让真人回复我"}
{"text": "我要和你们的工作人员说"}
{"text": "The agent on the phone yesterday was very helpful"}
{"text": "Is this product made by humans or machines?"}
{"text": "My husband is the account holder"}
{"text": "I want to know the human readable format of my invoice"}
{"text": "人工成本为什么这么高"}
{"text": "这款机器人吸尘器怎么样"}
{"text": "你们的人工智能客服挺好用的"}
{"text": "我想知道人工费多少"}
{"text": "I'm not a bot"}
{"text": "我已经跟客服说了"}
{"text":"轉人工客服"}
{"text":"我要找真人"}
{"text":"人工智慧產品怎麼退貨"}
{"text": "agnet please"}
{"text": "talk to a humen"}
{"text": "real persn please"}
{"text": "can i talk to somebody"}
{"text": "I need to speak with a live person"}
{"text": "I want to talk to a representative now"}
{"text": "get me someone who can help"}
{"text": "speak to a supervisor please"}
{"text": "escalate to a manager"}
{"text": "Need human help"}
{"text": "找人工"}
{"text": "要人工"}
{"text": "人工客服在吗"}
{"text": "你好人工"}
{"text": "能不能给我转个客服"}
{"text": "我要找你们的人工客服"}
{"text": "不想和智能客服聊了"}
{"text": "叫个真人来"}
{"text": "我要跟你们负责人谈"}
{"text": "请问怎么联系人工"}
{"text": "Can somebody explain the fees on my statement?"}
{"text": "The supervisor at the store was rude"}
{"text": "My manager approved the expense"}
{"text": "I talked to a representative last week about this"}
{"text": "人工费包含在内吗"}
{"text": "智能客服回答得很好"}
{"text": "我要搵真人"}
{"text": "幫我轉人工"}
{"text": "可唔可以搵客服同我傾"}
{"text": "唔要機械人，我要真人"}
{"text": "我想同真人傾"}
{"text": "搵個人同我講"}
{"text": "機械人回覆得幾好"}
{"text": "我搵唔到訂單號碼"}
--- stdout
["Can I speak to someone please",true]
["I need to talk to a real person about my bill",true]
["Agent.",true]
["representative",true]
["Talk to human",true]
["get me a human",true]
["Please transfer me to an agent",true]
["I want to speak with a supervisor",true]
["let me talk to a person",true]
["Is there anyone I can actually talk to?",true]
["this bot is useless, I want a human",true]
["HUMAN",true]
["speak to agent",true]
["can i talk to someone from your team",true]
["I'd rather talk to a real person",true]
["Stop. Operator.",true]
["you're a bot, get me a real agent",true]
["live support please",true]
["Put me through to a manager",true]
["Let me chat with a live agent",true]
["Can a human help me with this?",true]
["talk to rep",true]
["I need a human being",true]
["Could you connect me to a live representative",true]
["Need to speak to someone in billing",true]
["please have someone call me",true]
["human support",true]
["i want to talk to customer care",true]
["speak with a human now!!",true]
["menu, agent",true]
["转人工客服",true]
["人工！！",true]
["我要投诉，给我转人工",true]
["能不能让人工来处理",true]
["找个真人跟我说",true]
["我不想跟机器说话",true]
["请帮我转接人工",true]
["你们有没有人工",true]
["叫你们客服出来",true]
["让你们负责人联系我",true]
["我要和客服通话",true]
["麻烦转一下人工",true]
["转人工服务",true]
["客服电话多少，我要找人工",true]
["机器人听不懂，换人",true]
["我要跟真人沟通",true]
["人工人工人工",true]
["能找个人跟我说吗",true]
["请安排客服回电",true]
["我需要人工帮助",true]
["找你们店长",true]
["给我接人工",true]
["联系一下你们的客服人员",true]
["别自动回复了，找个人来",true]
["你是机器人吗？我要找真人",true]
["要人工服务",true]
["喊个人工过来",true]
["转接人工坐席",true]
["我要投诉你们，叫你们上级来",true]
["在线客服呢？",true]
["The human resources department sent me a letter",false]
["My agent said the policy covers this",false]
["I spoke to a person yesterday and they said it would be refunded",false]
["The delivery person left the package at the wrong door",false]
["Someone used my card without permission",false]
["I am a real person, not a bot, why is my account flagged?",false]
["Can you tell me the agent fee?",false]
["Where is my travel agent booking?",false]
["My manager needs an invoice",false]
["Who is the contact person for returns?",false]
["the chat bot already answered, thanks",false]
["How many people can the table seat?",false]
["人工智能产品怎么退货",false]
["人工费怎么算",false]
["我不需要人工，自己能搞定",false]
["客服已经处理好了，谢谢",false]
["这个是人工养殖的吗",false]
["人工合成的香料安全吗",false]
["请问你们的人工草坪多少钱一平",false]
["我朋友想应聘你们的客服岗位",false]
["这个客服机器人挺聪明的",false]
["不用转人工了，问题解决了",false]
["上次客服联系我说会退款",false]
["我已经联系你们客服了，还没回复",false]
["能不能换人送货",false]
["Thanks for the help, my travel agent, Sam, booked it",false]
["can i get a real person on the line",true]
["I want to speak to someone real",true]
["human being please",true]
["is anyone there?",true]
["hello?? anyone there??",true]
["HUMAN PLEASE",true]
["I want a human!!!",true]
["transfer to agent",true]
["agent agent agent",true]
["representative!!",true]
["I need assistance from a human",true]
["let me speak to your manager",true]
["Connect me to support staff",true]
["i would like to talk to an actual human being",true]
["not a bot please",true]
["I'd like to chat with a real agent please",true]
["转人工啊",true]
["人工服务在哪",true]
["怎么转人工",true]
["能转人工吗",true]
["人工客服电话",true]
["麻烦人工处理一下",true]
["我要人工",true]
["给我转个人工",true]
["找个客服",true]
["你们客服在哪里",true]
["在吗？有人吗",true]
["我不要机器回复",true]
["请让真人回复我",true]
["我要和你们的工作人员说",true]
["The agent on the phone yesterday was very helpful",false]
["Is this product made by humans or machines?",false]
["My husband is the account holder",false]
["I want to know the human readable format of my invoice",false]
["人工成本为什么这么高",false]
["这款机器人吸尘器怎么样",false]
["你们的人工智能客服挺好用的",false]
["我想知道人工费多少",false]
["I'm not a bot",false]
["我已经跟客服说了",false]
["轉人工客服",true]
["我要找真人",true]
["人工智慧產品怎麼退貨",false]
["agnet please",true]
["talk to a humen",true]
["real persn please",true]
["can i talk to somebody",true]
["I need to speak with a live person",true]
["I want to talk to a representative now",true]
["get me someone who can help",true]
["speak to a supervisor please",true]
["escalate to a manager",true]
["Need human help",true]
["找人工",true]
["要人工",true]
["人工客服在吗",true]
["你好人工",true]
["能不能给我转个客服",true]
["我要找你们的人工客服",true]
["不想和智能客服聊了",true]
["叫个真人来",true]
["我要跟你们负责人谈",true]
["请问怎么联系人工",true]
["Can somebody explain the fees on my statement?",false]
["The supervisor at the store was rude",false]
["My manager approved the expense",false]
["I talked to a representative last week about this",false]
["人工费包含在内吗",false]
["智能客服回答得很好",false]
["我要搵真人",true]
["幫我轉人工",true]
["可唔可以搵客服同我傾",true]
["唔要機械人，我要真人",true]
["我想同真人傾",true]
["搵個人同我講",true]
["機械人回覆得幾好",false]
["我搵唔到訂單號碼",false]
--- stderr
--- exit
0
