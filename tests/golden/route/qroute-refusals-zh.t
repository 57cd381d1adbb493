# A Chinese refusal of a person (不要转人工, 我不想转人工, 无需人工客服,
# 不必转人工了, 不用找人工客服, 我没有要转人工, 不用联系客服了) asks for no one:
# the shipped not:re: pattern of a negator before (转 or 找 and) 人工, 真人
# or 客服 cancels it, Traditional as Simplified. Asks stay asks: 转人工, 要不要
# 转人工, 别的人工客服, and a refusal of the bot followed by an ask (不想和机器人
# 聊，转人工; 不用了，转人工吧).
--- cmd
cs-route --field text | jq -r '[.text, .route.human_requested, ((.route.reasons | map(select(test("asked"))))[0] // "-")] | @tsv'
--- stdin
{"text":"不要转人工，机器人就能解决"}
{"text":"我不想转人工"}
{"text":"无需人工客服"}
{"text":"不必转人工了"}
{"text":"不用找人工客服"}
{"text":"我没有要转人工"}
{"text":"不需要人工客服"}
{"text":"不用转人工"}
{"text":"不用联系客服了，已经解决"}
{"text":"不要再给我转人工了"}
{"text":"我不想轉人工"}
{"text":"转人工"}
{"text":"要不要转人工？"}
{"text":"我要找别的人工客服"}
{"text":"不想和机器人聊，转人工"}
{"text":"我不想等了，转人工"}
{"text":"不用了，转人工吧"}
{"text":"不要机器人回复，我要人工客服"}
--- stdout
不要转人工，机器人就能解决	false	-
我不想转人工	false	-
无需人工客服	false	-
不必转人工了	false	-
不用找人工客服	false	-
我没有要转人工	false	-
不需要人工客服	false	-
不用转人工	false	-
不用联系客服了，已经解决	false	-
不要再给我转人工了	false	-
我不想轉人工	false	-
转人工	true	tier: human, the customer asked for a person: "转人工"
要不要转人工？	true	tier: human, the customer asked for a person: "转人工"
我要找别的人工客服	true	tier: human, the customer asked for a person: "人工"
不想和机器人聊，转人工	true	tier: human, the customer asked for a person: "不想和机器"
我不想等了，转人工	true	tier: human, the customer asked for a person: "转人工"
不用了，转人工吧	true	tier: human, the customer asked for a person: "转人工"
不要机器人回复，我要人工客服	true	tier: human, the customer asked for a person: "不要机器"
--- stderr
--- exit
0
