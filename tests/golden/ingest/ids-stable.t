# Conversation ids made by grouping are deterministic, and the same with --messages.
--- cmd
cat > in.ndjson; cs-ingest in.ndjson | jq -r .id | sort > a; cs-ingest in.ndjson | jq -r .id | sort > b; cs-ingest --messages in.ndjson | jq -r .conversation_id | sort -u > c; cmp a b && cmp a c && cat a
--- stdin
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}
--- stdout
c-0e4b2ec68ed49eea
c-4668aad1e3e0f2f4
c-500efb40f471bce3
c-fd5fe95c00aa1eee
--- stderr
--- exit
0
