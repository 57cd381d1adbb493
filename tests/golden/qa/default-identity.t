# Identity verification must come before the first account action (refund, cancel,
# password or address change; 退款, 注销, 修改密码 ...), in the same message or earlier;
# an action without it fails the item and the whole score (auto-fail).
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "identity_verification" or .id == "speech_rate" and "identity_verification" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:30Z","message_count":4,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"I want my money back"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Can you confirm your email so I can verify your account?"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"ana@example.com"},{"id":"m4","ts":"2026-03-02T01:00:30Z","role":"agent","text":"Thanks. I have issued the refund."}]}
{"kind":"conversation","id":"en-fail","channel":"chat","customer":{"id":"cust-en-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"I want my money back"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I have issued the refund."}]}
{"kind":"conversation","id":"zh-pass","channel":"chat","customer":{"id":"cust-zh-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:30Z","message_count":4,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"我要退款"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"好的，先核实一下您的身份，请提供手机号后四位"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"8821"},{"id":"m4","ts":"2026-03-02T01:00:30Z","role":"agent","text":"已为您退款"}]}
{"kind":"conversation","id":"zh-fail","channel":"chat","customer":{"id":"cust-zh-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"帮我改一下密码"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"已为您修改密码"}]}
{"kind":"conversation","id":"no-action","channel":"chat","customer":{"id":"cust-no-action"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"where is my parcel"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"It arrives today."}]}
--- stdout
["en-pass",[true,true,10,["confirm your email"]]]
["en-fail",[true,false,0,"auto_fail",["I have issued the refund"]]]
["zh-pass",[true,true,10,["核实"]]]
["zh-fail",[true,false,0,"auto_fail",["已为您修改密码"]]]
["no-action",[false,null,0,[]]]
--- stderr
--- exit
0
