# 欺诈 reported is no anger, 欺诈 said of the company is: a customer who
# reports 欺诈 on a card or asks about a 欺诈交易 shows no emotion and raises
# no qa.repeated_anger; "你们这是欺诈", "商家欺诈消费者" and "简直就是欺诈"
# show anger, as English "you are a fraud" does (qa/qqarules-fraud).
--- cmd
cat > conv.ndjson <<'EOF2'
{"kind":"conversation","id":"c1","channel":"chat","messages":[{"id":"1","role":"customer","text":"我的卡好像遇到欺诈了"},{"id":"2","role":"agent","text":"您好，请问是哪一笔交易？"},{"id":"3","role":"customer","text":"昨天那笔是欺诈交易，不是我刷的"},{"id":"4","role":"agent","text":"已为您冻结卡片并发起争议"},{"id":"5","role":"customer","text":"怎么向警方报告欺诈？"}]}
{"kind":"conversation","id":"c2","channel":"chat","messages":[{"id":"1","role":"customer","text":"扣了我两次钱，你们这是欺诈"},{"id":"2","role":"agent","text":"非常抱歉，我马上核实"},{"id":"3","role":"customer","text":"简直就是欺诈，商家欺诈消费者"}]}
EOF2
cs-qa --alerts only conv.ndjson | jq -c '[.type, .conversation_id, [.evidence[].text]]'
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -c '[.text, [.qa.sentiment.emotions[] | .emotion, .words]]'
--- stdin
我想举报一笔欺诈交易
如何防止信用卡欺诈？
我担心账户被欺诈
你们这是欺诈
商家欺诈消费者
简直就是欺诈
--- stdout
["qa.repeated_anger","c2",["你们这是欺诈","简直就是欺诈"]]
["我想举报一笔欺诈交易",[]]
["如何防止信用卡欺诈？",[]]
["我担心账户被欺诈",["anxiety",["担心"]]]
["你们这是欺诈",["anger",["你们这是欺诈"]]]
["商家欺诈消费者",["anger",["商家欺诈","欺诈消费者"]]]
["简直就是欺诈",["anger",["简直就是欺诈"]]]
--- stderr
--- exit
0
