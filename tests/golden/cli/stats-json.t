# --stats=json prints one summable JSON object on stderr.
--- cmd
cs-ingest --stats=json - 2>&1 >/dev/null
--- stdin
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"hi"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u2"},"role":"customer","text":"hello"}
{"kind":"message","id":"m3","ts":"2026-03-01T09:02:00Z","channel":"chat","customer":{"id":"u1"},"role":"agent","text":"how can I help?"}
{"kind":"message","id":"m4","ts":"2026-03-01T10:00:00Z","channel":"chat","customer":{"id":"u1"},"role":"customer","text":"me again"}
{"kind":"message","id":"m5","ts":"2026-03-01T10:00:30Z","channel":"email","customer":{"id":"u1"},"role":"customer","text":"by mail"}
--- stdout
{"kind":"stats","program":"cs-ingest","read":5,"written":4,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":5,"conversations":4,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- stderr
--- exit
0
