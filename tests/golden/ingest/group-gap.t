# Messages group by customer and channel; 30 minutes of silence in stream time starts a new conversation.
--- cmd
cs-ingest -
--- stdin
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}
--- stdout
{"kind":"conversation","id":"c-0e4b2ec68ed49eea","channel":"chat","customer":{"id":"u2"},"started":"2026-03-01T09:01:00Z","ended":"2026-03-01T09:01:00Z","message_count":1,"messages":[{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c-4668aad1e3e0f2f4","channel":"chat","customer":{"id":"u1"},"started":"2026-03-01T09:00:00Z","ended":"2026-03-01T09:02:00Z","message_count":2,"messages":[{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"},{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}]}
{"kind":"conversation","id":"c-fd5fe95c00aa1eee","channel":"chat","customer":{"id":"u1"},"started":"2026-03-01T10:00:00Z","ended":"2026-03-01T10:00:00Z","message_count":1,"messages":[{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}]}
{"kind":"conversation","id":"c-500efb40f471bce3","channel":"email","customer":{"id":"u1"},"started":"2026-03-01T10:00:30Z","ended":"2026-03-01T10:00:30Z","message_count":1,"messages":[{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}]}
--- stderr
--- exit
0
