# A message seen again (same channel and id, no conversation_id) is dropped and counted; --no-dedup keeps it.
--- cmd
cs-ingest --messages --stats=json -; cs-ingest --messages --no-dedup -q - < /dev/null
--- stdin
{"id":"m1","ts":"2026-03-01T09:00:00Z","channel":"wechat","customer":{"id":"o1"},"text":"x"}
{"id":"m1","ts":"2026-03-01T09:00:00Z","channel":"wechat","customer":{"id":"o1"},"text":"x"}
{"id":"m1","ts":"2026-03-01T09:00:00Z","channel":"email","customer":{"id":"o1"},"text":"other channel"}
--- stdout
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"wechat","customer":{"id":"o1"},"text":"x","conversation_id":"c-3f69325d24011e66"}
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"email","customer":{"id":"o1"},"text":"other channel","conversation_id":"c-4b66d70106c1ffeb"}
--- stderr
{"kind":"stats","program":"cs-ingest","read":3,"written":2,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":2,"conversations":0,"duplicates":1,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
