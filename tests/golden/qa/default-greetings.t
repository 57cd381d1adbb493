# More greetings of the default scorecard: hey, good day, welcome, what can I
# do for you, how may I assist, 早上好, 需要什么帮助, and a first turn that opens
# with 亲 or 在的 (e-commerce chat); 亲自 (personally) opens no greeting; 欢迎光临
# and an agent's number (工号1024为您服务) greet.
--- cmd
cs-qa | jq -c 'select(.kind == "conversation") | [.messages[1].text, (.qa.items[] | select(.id == "greeting") | .passed)]'
--- stdin
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"Hey, what can I do for you?"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"Good day! What can I do for you today?"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"Welcome! How may I assist you?"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"亲，在的~"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"早上好，请问需要什么帮助"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"亲自给您处理"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"Your order shipped."}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"欢迎光临本店"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"工号1024为您服务"}]}
--- stdout
["Hey, what can I do for you?",true]
["Good day! What can I do for you today?",true]
["Welcome! How may I assist you?",true]
["亲，在的~",true]
["早上好，请问需要什么帮助",true]
["亲自给您处理",false]
["Your order shipped.",false]
["欢迎光临本店",true]
["工号1024为您服务",true]
--- stderr
--- exit
0
