# Data handling: a card number (Luhn-valid, grouped or not) or a PRC ID number written by
# the agent fails the item and the whole score; the customer's own are not the agent's
# fault.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "data_handling" or .id == "speech_rate" and "data_handling" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"agent-card","channel":"chat","customer":{"id":"cust-agent-card"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"which card did I use?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"The card 4111 1111 1111 1111."}]}
{"kind":"conversation","id":"agent-id","channel":"chat","customer":{"id":"cust-agent-id"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"我的身份证号对吗"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"您的身份证号是11010519491231002X"}]}
{"kind":"conversation","id":"customer-card","channel":"chat","customer":{"id":"cust-customer-card"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"my card is 4111-1111-1111-1111"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Thanks, I will not repeat it."}]}
{"kind":"conversation","id":"order-number","channel":"chat","customer":{"id":"cust-order-number"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"order?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Your order number is 2026030212345678."}]}
--- stdout
["agent-card",[true,false,0,"auto_fail",["4111 1111 1111 1111"]]]
["agent-id",[true,false,0,"auto_fail",["11010519491231002X"]]]
["customer-card",[true,true,5,[]]]
["order-number",[true,true,5,[]]]
--- stderr
--- exit
0
