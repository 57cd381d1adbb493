# A message seen again (same channel and id, no conversation_id) is dropped and counted; --no-dedup keeps it.
--- cmd
cs-ingest --messages --stats=json -; cs-ingest --messages --no-dedup -q - < /dev/null
--- stdin
{"id":"m1","ts":"2026-03-01T09:00:00Z","channel":"wechat","customer":{"id":"o1"},"text":"x"}
{"id":"m1","ts":"2026-03-01T09:00:00Z","channel":"wechat","customer":{"id":"o1"},"text":"x"}
{"id":"m1","ts":"2026-03-01T09:00:00Z","channel":"email","customer":{"id":"o1"},"text":"other channel"}
--- stdout
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"wechat","customer":{"id":"o1"},"text":"x","conversation_id":"c-1755d1525054bf56"}
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"email","customer":{"id":"o1"},"text":"other channel","conversation_id":"c-124841a33a883507"}
--- stderr
{"kind":"stats","program":"cs-ingest","read":3,"written":2,"messages":2,"conversations":0,"duplicates":1,"rejected":0,"passed":0,"skipped":0,"closed_early":0,"replaced":0}
--- exit
0
