# --max-open emits the oldest conversation early, with one notice, counted in --stats.
--- cmd
cs-ingest --max-open 1 --stats=json - | jq -c '[.id, .message_count]'
--- stdin
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}
--- stdout
["c-ffdc580523a4e837",1]
["c-983f5d010283c2ad",1]
["c-f1fed4e3fad867dd",1]
["c-44eb1b88c0ee042d",1]
["c-28fc2d5c2fe6341a",1]
--- stderr
cs-ingest: more than 1 open conversations (--max-open): closing the oldest early; --stats counts them
{"kind":"stats","program":"cs-ingest","read":5,"written":5,"messages":5,"conversations":5,"duplicates":0,"rejected":0,"passed":0,"skipped":0,"closed_early":3,"replaced":0}
--- exit
0
