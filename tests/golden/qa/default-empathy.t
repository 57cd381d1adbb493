# Empathy: applies when a customer turn is clearly negative (compound at most -0.5),
# or negative with anger, frustration or anxiety in it (a polite "No thanks" is not
# distress, nor VADER's -0.57 for "No thanks. Appreciate the assist." or "My bad");
# passes with an empathy phrase in the agent's next two turns, and fails showing the
# negative turn and the agent turns that lacked it. With no agent turn after the
# negative one (a customer alone, as WeChat pushes answered elsewhere, or a last
# angry word) there is nothing to judge: not applicable, where it scored 0.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "empathy" or .id == "speech_rate" and "empathy" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"en-pass","channel":"chat","customer":{"id":"cust-en-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"This is ridiculous, my order is broken again!"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I am so sorry to hear that, let me fix it."}]}
{"kind":"conversation","id":"en-late","channel":"chat","customer":{"id":"cust-en-late"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:30Z","message_count":4,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"I am furious, the refund is still not here!"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Order number?"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Processing."},{"id":"m4","ts":"2026-03-02T01:00:30Z","role":"agent","text":"Sorry for the trouble."}]}
{"kind":"conversation","id":"en-polite-decline","channel":"chat","customer":{"id":"cust-en-polite-decline"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:30Z","message_count":4,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Can you book it?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Done. Anything else?"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"No thanks."},{"id":"m4","ts":"2026-03-02T01:00:30Z","role":"agent","text":"Have a nice day!"}]}
{"kind":"conversation","id":"zh-pass","channel":"chat","customer":{"id":"cust-zh-pass"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"太差了，东西又坏了，我很生气"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"非常抱歉给您带来不便，马上为您处理"}]}
{"kind":"conversation","id":"zh-fail","channel":"chat","customer":{"id":"cust-zh-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"快递太慢了，我很着急，还没到"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"请提供订单号"},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"agent","text":"已经催了"}]}
{"kind":"conversation","id":"en-no-thanks-assist","channel":"chat","customer":{"id":"cust-en-nta"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"No thanks. Appreciate the assist."},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Have a nice day."}]}
{"kind":"conversation","id":"en-my-bad","channel":"chat","customer":{"id":"cust-en-mb"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"My bad, I should have said the 9th."},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Changed to the 9th."}]}
{"kind":"conversation","id":"customer-alone","channel":"wechat","customer":{"id":"cust-alone"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:00Z","message_count":1,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"This is terrible, my order is late again and I am furious"}]}
{"kind":"conversation","id":"angry-last","channel":"chat","customer":{"id":"cust-angry-last"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Where is my order?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"It ships next week."},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"This is ridiculous, I am furious."}]}
{"kind":"conversation","id":"ticket-fail","channel":"email","customer":{"id":"cust-ticket-fail"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T02:00:00Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"The invoice is wrong again, this is really frustrating."},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"We corrected the invoice."}]}
--- stdout
["en-pass",[true,true,10,["so sorry"]]]
["en-late",[true,false,0,["I am furious, the refund is still not here!","furious","still not"]]]
["en-polite-decline",[false,null,0,[]]]
["zh-pass",[true,true,10,["非常抱歉"]]]
["zh-fail",[true,false,0,["快递太慢了，我很着急，还没到","还没","着急"]]]
["en-no-thanks-assist",[false,null,0,[]]]
["en-my-bad",[false,null,0,[]]]
["customer-alone",[false,null,0,[]]]
["angry-last",[false,null,0,[]]]
["ticket-fail",[true,false,0,["The invoice is wrong again, this is really frustrating.","frustrating","We corrected the invoice."]]]
--- stderr
--- exit
0
