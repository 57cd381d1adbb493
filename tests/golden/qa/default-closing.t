# Closing: in the agent's last two turns, English or Chinese.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "closing" or .id == "speech_rate" and "closing" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:30Z","message_count":4,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"thanks"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Is there anything else I can help with?"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"no"},{"id":"m4","ts":"2026-03-02T01:00:30Z","role":"agent","text":"Have a great day!"}]}
{"kind":"conversation","id":"en-fail","channel":"chat","customer":{"id":"cust-en-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:40Z","message_count":5,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"thanks"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Have a great day!"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"wait, one more thing"},{"id":"m4","ts":"2026-03-02T01:00:30Z","role":"agent","text":"Yes?"},{"id":"m5","ts":"2026-03-02T01:00:40Z","role":"agent","text":"It is done."}]}
{"kind":"conversation","id":"zh-pass","channel":"chat","customer":{"id":"cust-zh-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"好的谢谢"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"感谢您的咨询，祝您生活愉快，再见"}]}
{"kind":"conversation","id":"zh-fail","channel":"chat","customer":{"id":"cust-zh-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"好的谢谢"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"嗯"}]}
--- stdout
["en-pass",[true,true,5,["Is there anything else","Have a great day"]]]
["en-fail",[true,false,0,["Have a great day!","Yes?","It is done."]]]
["zh-pass",[true,true,5,["感谢您的咨询","祝您生活愉快"]]]
["zh-fail",[true,false,0,["嗯"]]]
--- stderr
--- exit
0
