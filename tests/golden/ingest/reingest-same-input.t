# Re-ingesting the same input in one run never duplicates a message.
--- cmd
cat > in.ndjson; cs-ingest --stats in.ndjson in.ndjson | jq -c '[.id, .message_count]'
--- stdin
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}
--- stdout
["c-0e4b2ec68ed49eea",1]
["c-4668aad1e3e0f2f4",2]
["c-fd5fe95c00aa1eee",1]
["c-500efb40f471bce3",1]
--- stderr
cs-ingest: stats: read 10, written 4, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 5, conversations 4, duplicates 5, passed 0, closed_early 0, dedup_forgotten 0
--- exit
0
