# --messages takes a conversation record apart into messages that say they
# are ones: a message without "kind" gets "kind":"message" first, as a
# message record read alone does.
--- cmd
cs-ingest --messages -
--- stdin
{"kind":"conversation","id":"cv1","channel":"chat","customer":{"id":"u9"},"messages":[{"id":"1","ts":"2026-03-01T10:00:00Z","text":"hi"},{"kind":"message","id":"2","ts":"2026-03-01T10:01:00Z","text":"yo"},{ }]}
--- stdout
{"kind":"message","id":"1","ts":"2026-03-01T10:00:00Z","text":"hi","conversation_id":"cv1","channel":"chat","customer":{"id":"u9"}}
{"kind":"message","id":"2","ts":"2026-03-01T10:01:00Z","text":"yo","conversation_id":"cv1","channel":"chat","customer":{"id":"u9"}}
{"kind":"message","conversation_id":"cv1","channel":"chat","customer":{"id":"u9"}}
--- stderr
--- exit
0
