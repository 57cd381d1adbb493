# The README's demo pipeline (examples/demo.sh) on the bundled data, end to end.
--- cmd
CS_BIN=$(dirname "$(command -v cs-ingest)") sh "$REPO/examples/demo.sh"
--- stdout
== 1. cs-ingest: WeChat export (MsgId, CreateTime, FromUserName...) mapped to cs messages
{"kind":"message","MsgType":"text","id":"7262094405921456001","ts":"2026-03-02T02:40:00Z","customer":{"id":"oAbc123_openid"},"text":"请问怎么申请退款？","channel":"wechat","role":"customer","conversation_id":"c-18c1dd82100f4de3"}
{"kind":"message","MsgType":"text","id":"7262094405921456002","ts":"2026-03-02T02:41:00Z","customer":{"id":"oAbc123_openid"},"text":"订单号 88213","channel":"wechat","role":"customer","conversation_id":"c-18c1dd82100f4de3"}

== 2. cs-ingest: helpdesk CSV (quoted newlines, local times in Asia/Shanghai)
{"kind":"message","conversation_id":"T-500","ts":"2026-03-02T02:15:00Z","customer":{"id":"cust-88","email":"maria@example.com"},"channel":"email","role":"customer","text":"Hello,\nmy invoice shows the wrong VAT number. Can you fix it?"}
{"kind":"message","conversation_id":"T-500","ts":"2026-03-02T03:02:00Z","customer":{"id":"cust-88","email":"maria@example.com"},"channel":"email","role":"agent","text":"Hi Maria, corrected — the new invoice is attached."}
{"kind":"message","conversation_id":"T-501","ts":"2026-03-02T04:30:00Z","customer":{"id":"cust-42"},"channel":"phone","role":"customer","text":"Customer called about order #88213 delivery"}
{"kind":"message","conversation_id":"T-500","ts":"2026-03-02T03:20:00Z","customer":{"id":"cust-88","email":"maria@example.com"},"channel":"email","role":"customer","text":"Thank you, that's right now."}

== 3. cs-ingest: all channels grouped into conversations (30-minute gap), zstd on the way

== 4. the result: one line per conversation
conversation         channel  customer               started            msgs  first words
c-0075992a5e8b3e65   app      cust-7                 2026-03-02T01:02      3  I was charged twice for order 55120
c-ca4a8d82a630b7cb   chat     cust-42                2026-03-02T01:00      4  你好，我的订单 #88213 还没到
c-859a768dd4f2297c   app      cust-7                 2026-03-02T04:40      2  Hi again, the refund hasn't shown up yet
c-18c1dd82100f4de3   wechat   oAbc123_openid         2026-03-02T02:40      2  请问怎么申请退款？
T-501                phone    cust-42                2026-03-02T04:30      1  Customer called about order #88213 deliv
T-500                email    cust-88                2026-03-02T02:15      3  Hello, my invoice shows the wrong VAT nu

other records passed through untouched:
{"kind":"event","id":"e-9","ts":"2026-03-02T01:04:00Z","customer":{"id":"cust-7"},"type":"survey","survey":{"metric":"csat","score":5}}
--- stderr
cs-ingest: stats: read 3, written 2, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 2, conversations 0, duplicates 1, passed 0, closed_early 0, dedup_forgotten 0
cs-ingest: stats: read 17, written 7, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 15, conversations 6, duplicates 1, passed 1, closed_early 0, dedup_forgotten 0
--- exit
0
