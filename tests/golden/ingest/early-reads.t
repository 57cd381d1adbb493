# A message's time, duplicate key and fields read early on the reading thread (CS_TEST_AHEAD_SHARE=0 makes it look at every record) give what the main thread finds: times without an offset are still counted once each for the notice, a null or epoch time and a duplicate as always; a record that gets its kind added is read again as changed.
--- cmd
CS_TEST_AHEAD_SHARE=0 cs-ingest --stats=json -
--- stdin
{"kind":"message","id":"1","conversation_id":"c1","ts":"2026-03-01 09:00:00","text":"no offset"}
{"kind":"message","id":"2","conversation_id":"c1","ts":"2026-03-01T09:01:00+08:00","text":"an offset"}
{"id":"3","conversation_id":"c1","ts":null,"text":"no time"}
{"kind":"message","id":"4","conversation_id":"c1","ts":1772326920,"text":"epoch seconds"}
{"kind":"message","id":"5","conversation_id":"c1","ts":"2026-03-01 09:03:00","text":"no offset again"}
{"kind":"message","id":"5","conversation_id":"c1","ts":"2026-03-01 09:03:00","text":"a duplicate"}
{"kind":"message","id":"6","conversation_id":"c1","ts":"2026-03-01T01:04:00Z","text":"kind given"}
--- stdout
{"kind":"conversation","id":"c1","started":"2026-03-01T01:01:00Z","ended":"2026-03-01T09:03:00Z","message_count":6,"messages":[{"kind":"message","id":"2","conversation_id":"c1","ts":"2026-03-01T09:01:00+08:00","text":"an offset"},{"kind":"message","id":"3","conversation_id":"c1","ts":null,"text":"no time"},{"kind":"message","id":"4","conversation_id":"c1","ts":1772326920,"text":"epoch seconds"},{"kind":"message","id":"6","conversation_id":"c1","ts":"2026-03-01T01:04:00Z","text":"kind given"},{"kind":"message","id":"1","conversation_id":"c1","ts":"2026-03-01 09:00:00","text":"no offset"},{"kind":"message","id":"5","conversation_id":"c1","ts":"2026-03-01 09:03:00","text":"no offset again"}]}
--- stderr
cs-ingest: 3 times without an offset (such as '2026-03-01 09:00:00') were read as UTC: name their zone with --tz
{"kind":"stats","program":"cs-ingest","read":7,"written":1,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":6,"conversations":1,"duplicates":1,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
