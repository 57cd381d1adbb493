# Resolution (a proxy, marked for review by a person): an agent deflection ("I don't
# know", 不清楚, 没办法) fails the item unless the agent commits to a next step after it.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "resolution" or .id == "speech_rate" and "resolution" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"why was I charged twice?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Sorry about that, I refunded the second charge."}]}
{"kind":"conversation","id":"en-deflect","channel":"chat","customer":{"id":"cust-en-deflect"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"why was I charged twice?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I don't know, nothing I can do."}]}
{"kind":"conversation","id":"en-deflect-then-commit","channel":"chat","customer":{"id":"cust-en-deflect-then-commit"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"why was I charged twice?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I don't know yet."},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"I have escalated it and will get back to you by tomorrow."}]}
{"kind":"conversation","id":"zh-deflect","channel":"chat","customer":{"id":"cust-zh-deflect"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"为什么扣了两次钱"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"这个我也不清楚"}]}
{"kind":"conversation","id":"zh-commit","channel":"chat","customer":{"id":"cust-zh-commit"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"为什么扣了两次钱"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"这个我暂时不清楚"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"我已经帮您反馈，我们会在24小时内给您答复"}]}
--- stdout
["en-pass",[true,true,20,[]]]
["en-deflect",[true,false,0,["I don't know"]]]
["en-deflect-then-commit",[true,true,20,["I have escalated"]]]
["zh-deflect",[true,false,0,["我也不清楚"]]]
["zh-commit",[true,true,20,["帮您反馈"]]]
--- stderr
--- exit
0
