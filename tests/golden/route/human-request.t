# A customer asking for a person goes to a human on the first ask, in Chinese
# (人工, 转人工, 人工客服, 真人, full-width forms too) and English (talk to a real
# person, an agent, human please, a lone "agent"); words that hold such a
# phrase but ask for nothing (人工智能, 人工费, 不需要人工, travel agent,
# the human body) do not count; 活人 asks, a man-made lake (人工湖) and a
# lab-grown diamond (人工钻石) do not.
--- cmd
cs-route --field text | jq -c '[.text, .route.human_requested, .route.tier]'
--- stdin
{"text":"转人工"}
{"text":"人工"}
{"text":"人工客服在吗？"}
{"text":"我要人工服务"}
{"text":"找真人聊"}
{"text":"你们是人工智能吗"}
{"text":"人工费怎么算"}
{"text":"不需要人工，谢谢"}
{"text":"ＨＵＭＡＮ ＰＬＥＡＳＥ"}
{"text":"Can I talk to a real person?"}
{"text":"let me speak to an agent"}
{"text":"I want a human"}
{"text":"get me a representative now"}
{"text":"agent"}
{"text":"Agent!!"}
{"text":"transfer me to a live agent please"}
{"text":"connect me with someone"}
{"text":"My travel agent booked this"}
{"text":"the human body has 206 bones"}
{"text":"where is my order"}
{"text":"我要和活人说话"}
{"text":"人工湖附近有门店吗"}
{"text":"这是人工钻石吗"}
--- stdout
["转人工",true,"human"]
["人工",true,"human"]
["人工客服在吗？",true,"human"]
["我要人工服务",true,"human"]
["找真人聊",true,"human"]
["你们是人工智能吗",false,"human"]
["人工费怎么算",false,"human"]
["不需要人工，谢谢",false,"human"]
["ＨＵＭＡＮ ＰＬＥＡＳＥ",true,"human"]
["Can I talk to a real person?",true,"human"]
["let me speak to an agent",true,"human"]
["I want a human",true,"human"]
["get me a representative now",true,"human"]
["agent",true,"human"]
["Agent!!",true,"human"]
["transfer me to a live agent please",true,"human"]
["connect me with someone",true,"human"]
["My travel agent booked this",false,"human"]
["the human body has 206 bones",false,"human"]
["where is my order",false,"human"]
["我要和活人说话",true,"human"]
["人工湖附近有门店吗",false,"human"]
["这是人工钻石吗",false,"human"]
--- stderr
--- exit
0
