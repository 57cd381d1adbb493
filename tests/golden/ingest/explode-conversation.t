# --messages turns conversation records into their messages, each given the conversation's id, channel and customer.
--- cmd
cs-ingest -q - | cs-ingest --messages -
--- stdin
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}
--- stdout
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello","conversation_id":"c-0e4b2ec68ed49eea"}
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi","conversation_id":"c-4668aad1e3e0f2f4"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?","conversation_id":"c-4668aad1e3e0f2f4"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again","conversation_id":"c-fd5fe95c00aa1eee"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail","conversation_id":"c-500efb40f471bce3"}
--- stderr
--- exit
0
