# --messages: messages that have a conversation_id pass byte for byte (still
# checked: a repeated id is a duplicate, a bad ts a bad record); the others
# get the id grouping gives them.
--- cmd
cs-ingest --messages --skip-bad --stats -
--- stdin
{"kind":"message", "id":"m1","conversation_id":"k1","ts":"2026-03-01T09:00:00.500+08:00","text":"a"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u1"},"text":"b"}
{"kind":"message", "id":"m1","conversation_id":"k1","ts":"2026-03-01T09:00:00.500+08:00","text":"a"}
{"kind":"message","id":"m3","conversation_id":"k1","ts":"yesterday","text":"c"}
{"kind":"message","id":"m4","conversation_id":7,"text":"d"}
--- stdout
{"kind":"message", "id":"m1","conversation_id":"k1","ts":"2026-03-01T09:00:00.500+08:00","text":"a"}
{"kind":"message","id":"m2","ts":"2026-03-01T09:01:00Z","channel":"chat","customer":{"id":"u1"},"text":"b","conversation_id":"c-f9228ee487724150"}
{"kind":"message","id":"m4","conversation_id":7,"text":"d"}
--- stderr
cs-ingest: <stdin>:4: unreadable time in ts: 'yesterday' (not a time format cs reads)
cs-ingest: 1 bad record left out
cs-ingest: stats: read 5, written 3, blank 0, rejected 1, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 3, conversations 0, duplicates 1, passed 0, closed_early 0, dedup_forgotten 0
--- exit
1
