# --map decides the fields a message's duplicate key and time are read from: the mapped id and ts count, not the ones the record came with. CS_TEST_AHEAD_SHARE=0 makes the reading thread look at every record early, as read: that look must not be used for a record --map changed.
--- cmd
CS_TEST_AHEAD_SHARE=0 cs-ingest --messages --map 'id=msg_id' --map 'ts=sent_at' --stats=json -
--- stdin
{"kind":"message","id":"raw-1","msg_id":"m1","ts":"2020-01-01T00:00:00Z","sent_at":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"text":"first"}
{"kind":"message","id":"raw-1","msg_id":"m2","ts":"2020-01-01T00:00:00Z","sent_at":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u1"},"text":"same raw id, another message"}
{"kind":"message","id":"raw-2","msg_id":"m1","ts":"2020-01-01T00:00:00Z","sent_at":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"text":"first again"}
--- stdout
{"kind":"message","id":"m1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"},"text":"first","conversation_id":"c-4668aad1e3e0f2f4"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u1"},"text":"same raw id, another message","conversation_id":"c-4668aad1e3e0f2f4"}
--- stderr
{"kind":"stats","program":"cs-ingest","read":3,"written":2,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":2,"conversations":0,"duplicates":1,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
