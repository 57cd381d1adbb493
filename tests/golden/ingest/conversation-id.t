# Messages with conversation_id group by it, ordered by ts; the conversation record carries started/ended.
--- cmd
cs-ingest -
--- stdin
{"id":"b","conversation_id":"T-9","ts":"2026-03-01T09:05:00.250Z","channel":"email","customer":{"id":"u"},"text":"second"}
{"id":"a","conversation_id":"T-9","ts":"2026-03-01T09:00:00Z","channel":"email","customer":{"id":"u"},"text":"first"}
{"id":"c","conversation_id":12345678901234567890,"ts":"2026-03-01T09:00:00Z","customer":{"id":"u"},"text":"numeric id"}
--- stdout
{"kind":"conversation","id":"T-9","channel":"email","customer":{"id":"u"},"started":"2026-03-01T09:00:00Z","ended":"2026-03-01T09:05:00.250Z","message_count":2,"messages":[{"kind":"message","id":"a","conversation_id":"T-9","ts":"2026-03-01T09:00:00Z","channel":"email","customer":{"id":"u"},"text":"first"},{"kind":"message","id":"b","conversation_id":"T-9","ts":"2026-03-01T09:05:00.250Z","channel":"email","customer":{"id":"u"},"text":"second"}]}
{"kind":"conversation","id":"12345678901234567890","customer":{"id":"u"},"started":"2026-03-01T09:00:00Z","ended":"2026-03-01T09:00:00Z","message_count":1,"messages":[{"kind":"message","id":"c","conversation_id":12345678901234567890,"ts":"2026-03-01T09:00:00Z","customer":{"id":"u"},"text":"numeric id"}]}
--- stderr
--- exit
0
