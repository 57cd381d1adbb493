# Professional language: a forbidden phrase from the agent (dismissive or abusive,
# English or Chinese) fails the item and the whole score; the evidence shows it.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "professionalism" or .id == "speech_rate" and "professionalism" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-fail","channel":"chat","customer":{"id":"cust-en-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"this is the third time!"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Calm down, that is not my problem."}]}
{"kind":"conversation","id":"zh-fail","channel":"chat","customer":{"id":"cust-zh-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"怎么还没到"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"这个不归我管，你自己查"}]}
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"this is the third time!"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I am sorry, let me fix it now."}]}
{"kind":"conversation","id":"customer-rude","channel":"chat","customer":{"id":"cust-customer-rude"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"you idiot"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I understand you are upset."}]}
--- stdout
["en-fail",[true,false,0,"auto_fail",["Calm down"]]]
["zh-fail",[true,false,0,"auto_fail",["不归我管"]]]
["en-pass",[true,true,6,[]]]
["customer-rude",[true,true,6,[]]]
--- stderr
--- exit
0
