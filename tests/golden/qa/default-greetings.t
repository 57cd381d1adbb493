# More greetings of the default scorecard: hey, good day, welcome, what can I
# do for you, how may I assist, 早上好, 需要什么帮助, and a first turn that opens
# with 亲 or 在的 (e-commerce chat); 亲自 (personally) opens no greeting.
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
--- stdout
["Hey, what can I do for you?",true]
["Good day! What can I do for you today?",true]
["Welcome! How may I assist you?",true]
["亲，在的~",true]
["早上好，请问需要什么帮助",true]
["亲自给您处理",false]
["Your order shipped.",false]
--- stderr
--- exit
0
