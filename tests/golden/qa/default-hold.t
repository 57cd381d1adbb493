# Hold and transfer etiquette: applies when the agent puts the customer on hold, a hold
# or transfer event happens, or the agent transfers; passes when the agent thanks the
# customer for waiting after the hold, or transfers. A hold or transfer event in a
# conversation no agent took part in (a queue the customer left) is not the agent's
# to judge: not applicable, where it scored 0.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "hold_etiquette" or .id == "speech_rate" and "hold_etiquette" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:10Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"is my refund done?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Let me check, please hold."},{"id":"m3","ts":"2026-03-02T01:01:10Z","role":"agent","text":"Thanks for holding: yes, it is done."}]}
{"kind":"conversation","id":"en-fail","channel":"chat","customer":{"id":"cust-en-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:10Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"is my refund done?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"One moment please."},{"id":"m3","ts":"2026-03-02T01:01:10Z","role":"agent","text":"Yes, it is done."}]}
{"kind":"conversation","id":"event-fail","channel":"phone","customer":{"id":"cust-event-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:03:20Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"is my refund done?","start_ms":0,"end_ms":3000},{"id":"m2","ts":"2026-03-02T01:03:20Z","role":"agent","text":"Yes.","start_ms":200000,"end_ms":201000,"event":"hold"}]}
{"kind":"conversation","id":"zh-pass","channel":"chat","customer":{"id":"cust-zh-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:00Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"退款到了吗"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"请您稍等，我查一下"},{"id":"m3","ts":"2026-03-02T01:01:00Z","role":"agent","text":"感谢您的耐心等待，已经到账了"}]}
{"kind":"conversation","id":"zh-transfer","channel":"chat","customer":{"id":"cust-zh-transfer"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"我要投诉"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"好的，为您转接投诉专员"}]}
{"kind":"conversation","id":"no-hold","channel":"chat","customer":{"id":"cust-no-hold"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Hello!"}]}
{"kind":"conversation","id":"event-no-agent","channel":"chat","customer":{"id":"cust-event-no-agent"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"is my refund done?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"system","event":"transfer","text":"Transferred to the billing queue."}]}
--- stdout
["en-pass",[true,true,10,["Thanks for holding"]]]
["en-fail",[true,false,0,["One moment"]]]
["event-fail",[true,false,0,["Yes."]]]
["zh-pass",[true,true,10,["感谢您的耐心等待"]]]
["zh-transfer",[true,true,10,["转接"]]]
["no-hold",[false,null,0,[]]]
["event-no-agent",[false,null,0,[]]]
--- stderr
--- exit
0
