# Discovery: a question or a paraphrase from the agent; "anything else?" at the end
# does not count.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "discovery" or .id == "speech_rate" and "discovery" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"the app crashes"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"When did it start?"}]}
{"kind":"conversation","id":"en-paraphrase","channel":"chat","customer":{"id":"cust-en-paraphrase"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"the app crashes"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"So you are saying it closes on start."}]}
{"kind":"conversation","id":"en-fail","channel":"chat","customer":{"id":"cust-en-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"the app crashes"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Reinstall it."},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Anything else?"}]}
{"kind":"conversation","id":"zh-pass","channel":"chat","customer":{"id":"cust-zh-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"打不开"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"请问是哪个页面打不开？"}]}
{"kind":"conversation","id":"zh-fail","channel":"chat","customer":{"id":"cust-zh-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"打不开"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"重启一下"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"还有什么可以帮您？"}]}
--- stdout
["en-pass",[true,true,10,["When did","?"]]]
["en-paraphrase",[true,true,10,["So you are saying"]]]
["en-fail",[true,false,0,["Reinstall it.","Anything else?"]]]
["zh-pass",[true,true,10,["请问","？"]]]
["zh-fail",[true,false,0,["重启一下","还有什么可以帮您？"]]]
--- stderr
--- exit
0
