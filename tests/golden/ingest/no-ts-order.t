# A message without a timestamp keeps its arrival order, after its predecessor.
--- cmd
cs-ingest -
--- stdin
{"id":"1","conversation_id":"c","ts":"2026-03-01T09:00:02Z","text":"b"}
{"id":"2","conversation_id":"c","text":"after b"}
{"id":"3","conversation_id":"c","ts":"2026-03-01T09:00:01Z","text":"a"}
--- stdout
{"kind":"conversation","id":"c","started":"2026-03-01T09:00:01Z","ended":"2026-03-01T09:00:02Z","message_count":3,"messages":[{"kind":"message","id":"3","conversation_id":"c","ts":"2026-03-01T09:00:01Z","text":"a"},{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:00:02Z","text":"b"},{"kind":"message","id":"2","conversation_id":"c","text":"after b"}]}
--- stderr
--- exit
0
