# The recording disclosure: on calls (channel phone) in the first three agent, bot or
# system turns, English or Chinese; missing it is an auto-fail. Chat is not applicable.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "disclosure" or .id == "speech_rate" and "disclosure" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"phone","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:05Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Thank you for calling Acme, this call may be recorded for quality.","start_ms":0,"end_ms":4000},{"id":"m2","ts":"2026-03-02T01:00:05Z","role":"customer","text":"Hi, my order is late.","start_ms":5000,"end_ms":8000}]}
{"kind":"conversation","id":"en-fail","channel":"phone","customer":{"id":"cust-en-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:07Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Thank you for calling Acme.","start_ms":0,"end_ms":2000},{"id":"m2","ts":"2026-03-02T01:00:03Z","role":"customer","text":"Hi, my order is late.","start_ms":3000,"end_ms":6000},{"id":"m3","ts":"2026-03-02T01:00:07Z","role":"agent","text":"Let me check.","start_ms":7000,"end_ms":8000}]}
{"kind":"conversation","id":"zh-ivr","channel":"phone","customer":{"id":"cust-zh-ivr"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:06Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"bot","text":"您好，本次通话将被录音。","start_ms":0,"end_ms":3000},{"id":"m2","ts":"2026-03-02T01:00:04Z","role":"agent","text":"您好，请讲","start_ms":4000,"end_ms":5000},{"id":"m3","ts":"2026-03-02T01:00:06Z","role":"customer","text":"我的订单没到","start_ms":6000,"end_ms":8000}]}
{"kind":"conversation","id":"chat","channel":"chat","customer":{"id":"cust-chat"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:05Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Hello"},{"id":"m2","ts":"2026-03-02T01:00:05Z","role":"customer","text":"hi"}]}
--- stdout
["en-pass",[true,true,10,["may be recorded"]]]
["en-fail",[true,false,0,"auto_fail",["Thank you for calling Acme.","Let me check."]]]
["zh-ivr",[true,true,10,["本次通话将被录音"]]]
["chat",[false,null,0,[]]]
--- stderr
--- exit
0
