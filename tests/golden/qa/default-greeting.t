# The default scorecard's greeting: a greeting in the agent's first two turns, English
# or Chinese; not applicable when no agent took part.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "greeting" or .id == "speech_rate" and "greeting" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:30Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"my parcel is late"},{"id":"m2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Good morning, thanks for contacting Acme!"},{"id":"m3","ts":"2026-03-02T01:00:30Z","role":"customer","text":"ok"}]}
{"kind":"conversation","id":"en-late","channel":"chat","customer":{"id":"cust-en-late"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:50Z","message_count":5,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"my parcel is late"},{"id":"m2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Order number?"},{"id":"m3","ts":"2026-03-02T01:00:30Z","role":"customer","text":"55120"},{"id":"m4","ts":"2026-03-02T01:00:40Z","role":"agent","text":"It ships today."},{"id":"m5","ts":"2026-03-02T01:00:50Z","role":"agent","text":"Hello again, anything else?"}]}
{"kind":"conversation","id":"zh-pass","channel":"chat","customer":{"id":"cust-zh-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"在吗"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"您好，很高兴为您服务"}]}
{"kind":"conversation","id":"zh-fail","channel":"chat","customer":{"id":"cust-zh-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"在吗"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"说"}]}
{"kind":"conversation","id":"bot-only","channel":"chat","customer":{"id":"cust-bot-only"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:01Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T01:00:01Z","role":"bot","text":"Hello! I am the Acme bot."}]}
--- stdout
["en-pass",[true,true,5,["Good morning"]]]
["en-late",[true,false,0,["Order number?","It ships today.","Hello again, anything else?"]]]
["zh-pass",[true,true,5,["您好"]]]
["zh-fail",[true,false,0,["说"]]]
["bot-only",[false,null,0,[]]]
--- stderr
--- exit
0
