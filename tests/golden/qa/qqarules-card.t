# An order number the agent reads out is no card number, even when it passes
# Luhn's check: an Amazon order id (3-7-7 digits, no card network's prefix)
# and a Taobao-style 19-digit 订单号 keep a good conversation's score, where
# they failed data_handling and zeroed it. A card number the agent writes
# still does.
--- cmd
cs-qa | jq -c 'select(.kind == "conversation") | {id, score: .qa.score, auto_fail: .qa.auto_fail, ev: [.qa.items[] | select(.id == "data_handling") | .evidence[].text]}'
--- stdin
{"kind":"conversation","id":"amz","channel":"chat","messages":[{"id":"1","role":"customer","text":"Hi, where is my order?"},{"id":"2","role":"agent","text":"Hello! I found it: order 112-7034851-3920226 shipped today. Anything else?"},{"id":"3","role":"customer","text":"No, thanks"},{"id":"4","role":"agent","text":"Have a nice day!"}]}
{"kind":"conversation","id":"tb","channel":"chat","messages":[{"id":"1","role":"customer","text":"你好，我的快递到哪了"},{"id":"2","role":"agent","text":"亲，您好，您的订单号 2314567890123456784 已经发货了"},{"id":"3","role":"customer","text":"好的谢谢"},{"id":"4","role":"agent","text":"不客气，祝您生活愉快"}]}
{"kind":"conversation","id":"card","channel":"chat","messages":[{"id":"1","role":"customer","text":"Hi, where is my order?"},{"id":"2","role":"agent","text":"Hello! You paid with 4111 1111 1111 1111 and it shipped today. Anything else?"},{"id":"3","role":"customer","text":"No, thanks"},{"id":"4","role":"agent","text":"Have a nice day!"}]}
--- stdout
{"id":"amz","score":80.4,"auto_fail":false,"ev":[]}
{"id":"tb","score":80.4,"auto_fail":false,"ev":[]}
{"id":"card","score":0,"auto_fail":true,"ev":["4111 1111 1111 1111"]}
--- stderr
--- exit
0
