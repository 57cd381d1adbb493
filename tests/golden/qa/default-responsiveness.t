# Responsiveness: on calls no silence of 10 seconds or more; in chat a first reply
# within 60 seconds and every reply within 120 seconds of the oldest unanswered
# customer message. Without times it is unknown, so not applicable. A private
# note ("internal": true) is no reply: the customer did not see it (as cs-roi's
# ASA and Zendesk's reply times count it).
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "responsiveness" or .id == "speech_rate" and "responsiveness" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"chat-fast","channel":"chat","customer":{"id":"cust-chat-fast"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:40Z","message_count":4,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Hello!"},{"id":"m3","ts":"2026-03-02T01:00:40Z","role":"customer","text":"my order?"},{"id":"m4","ts":"2026-03-02T01:01:40Z","role":"agent","text":"Arrives today."}]}
{"kind":"conversation","id":"chat-slow-first","channel":"chat","customer":{"id":"cust-chat-slow-first"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:30Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T01:01:30Z","role":"agent","text":"Hello!"}]}
{"kind":"conversation","id":"chat-slow-next","channel":"chat","customer":{"id":"cust-chat-slow-next"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:03:20Z","message_count":5,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Hello!"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"my order?"},{"id":"m4","ts":"2026-03-02T01:01:40Z","role":"customer","text":"hello??"},{"id":"m5","ts":"2026-03-02T01:03:20Z","role":"agent","text":"Arrives today."}]}
{"kind":"conversation","id":"call-dead-air","channel":"phone","customer":{"id":"cust-call-dead-air"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Thank you for calling.","start_ms":0,"end_ms":2000},{"id":"m2","ts":"2026-03-02T01:00:03Z","role":"customer","text":"Where is my order?","start_ms":3000,"end_ms":5000},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"It arrives today.","start_ms":20000,"end_ms":22000}]}
{"kind":"conversation","id":"chat-internal-note","channel":"chat","customer":{"id":"A"},"started":"2026-03-02T10:00:00Z","ended":"2026-03-02T10:06:00Z","messages":[{"id":"m1","role":"customer","ts":"2026-03-02T10:00:00Z","text":"Where is my order?"},{"id":"m2","role":"agent","internal":true,"ts":"2026-03-02T10:00:05Z","text":"note: check warehouse"},{"id":"m3","role":"agent","ts":"2026-03-02T10:05:00Z","text":"Hello, your order ships today. Anything else?"},{"id":"m4","role":"customer","ts":"2026-03-02T10:06:00Z","text":"no thanks"}]}
{"kind":"conversation","id":"untimed","channel":"chat","messages":[{"id":"m1","role":"customer","text":"hi"},{"id":"m2","role":"agent","text":"hello"}]}
--- stdout
["chat-fast",[true,true,5,[["first_response_s",20],["max_response_s",60]]]]
["chat-slow-first",[true,false,0,[["first_response_s",90]]]]
["chat-slow-next",[true,false,0,[["max_response_s",180]]]]
["call-dead-air",[true,false,0,[["max_silence_s",15]]]]
["chat-internal-note",[true,false,0,[["first_response_s",300],["max_response_s",300]]]]
["untimed",[false,null,0,[]]]
--- stderr
--- exit
0
