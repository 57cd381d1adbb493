# Talking over the customer on calls (talk_over) and the pace (speech_rate): the agent talks over the customer (more than two interruptions, or one
# of three seconds or more) or talks too fast (over 180 words or 280 Chinese characters
# a minute, judged on at least 20 seconds of agent talk); needs call offsets, so chat
# is not applicable.
--- cmd
cs-qa --no-message-sentiment | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "talk_over" or .id == "speech_rate" and "talk_over" == "talk_over") | [.applicable, .passed, .points] + (if .auto_fail then ["auto_fail"] else [] end) + [(.evidence | map(.text // [.metric, .value]))])]'
--- stdin
{"kind":"conversation","id":"calm","channel":"phone","customer":{"id":"cust-calm"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:09Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Thank you for calling, how can I help you today?","start_ms":0,"end_ms":4000},{"id":"m2","ts":"2026-03-02T01:00:05Z","role":"customer","text":"My order is late.","start_ms":5000,"end_ms":8000},{"id":"m3","ts":"2026-03-02T01:00:09Z","role":"agent","text":"I am sorry, let me check it for you.","start_ms":9000,"end_ms":13000}]}
{"kind":"conversation","id":"talk-over","channel":"phone","customer":{"id":"cust-talk-over"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:06Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Thank you for calling.","start_ms":0,"end_ms":2000},{"id":"m2","ts":"2026-03-02T01:00:03Z","role":"customer","text":"My order is late and I want to know where it is right now","start_ms":3000,"end_ms":12000},{"id":"m3","ts":"2026-03-02T01:00:06Z","role":"agent","text":"Yes yes I know.","start_ms":6000,"end_ms":8000}]}
{"kind":"conversation","id":"too-fast","channel":"phone","customer":{"id":"cust-too-fast"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:26Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Thank you for calling Acme support my name is Sam and I will help you with your order today Thank you for calling Acme support my name is Sam and I will help you with your order today Thank you for calling Acme support my name is Sam and I will help you with your order today Thank you for calling Acme support my name is Sam and I will help you with your order today Thank you for calling Acme support my name is Sam and I will help you with your order today","start_ms":0,"end_ms":25000},{"id":"m2","ts":"2026-03-02T01:00:26Z","role":"customer","text":"55120","start_ms":26000,"end_ms":28000}]}
{"kind":"conversation","id":"zh-too-fast","channel":"phone","customer":{"id":"cust-zh-too-fast"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:22Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"您好欢迎致电我是客服小王请问有什么可以帮您的如果是订单问题请提供订单号如果是退款问题请提供手机号后四位我们会尽快为您处理您好欢迎致电我是客服小王请问有什么可以帮您的如果是订单问题请提供订单号如果是退款问题请提供手机号后四位我们会尽快为您处理您好欢迎致电我是客服小王请问有什么可以帮您的如果是订单问题请提供订单号如果是退款问题请提供手机号后四位我们会尽快为您处理","start_ms":0,"end_ms":21000},{"id":"m2","ts":"2026-03-02T01:00:22Z","role":"customer","text":"好的","start_ms":22000,"end_ms":23000}]}
{"kind":"conversation","id":"chat","channel":"chat","customer":{"id":"cust-chat"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:05Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"agent","text":"Hello"},{"id":"m2","ts":"2026-03-02T01:00:05Z","role":"customer","text":"hi"}]}
--- stdout
["calm",[true,true,2,[["interruptions",0],["max_overlap_s",0]]],[false,null,0,[]]]
["talk-over",[true,false,0,[["max_overlap_s",6]]],[false,null,0,[]]]
["too-fast",[true,true,2,[["interruptions",0],["max_overlap_s",0]]],[true,false,0,[["agent_wpm",228]]]]
["zh-too-fast",[true,true,2,[["interruptions",0],["max_overlap_s",0]]],[true,false,0,[["agent_cpm",514.286]]]]
["chat",[false,null,0,[]],[false,null,0,[]]]
--- stderr
--- exit
0
