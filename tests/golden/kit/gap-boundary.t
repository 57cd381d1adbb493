# A conversation ends after more than --gap of silence, in both places that
# decide it: exactly --gap later is the same conversation (closing by stream
# time, and the customer's own next message), one millisecond more is not.
--- cmd
cs-ingest --gap 30m - <<'X' | jq -c '[.customer.id, .message_count]'
{"kind":"message","id":"1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"}}
{"kind":"message","id":"2","ts":"2026-03-01T09:30:00Z","channel":"chat","customer":{"id":"u2"}}
{"kind":"message","id":"3","ts":"2026-03-01T09:30:00Z","channel":"chat","customer":{"id":"u1"}}
X
echo --
cs-ingest --gap 30m - <<'X' | jq -c '[.customer.id, .message_count]'
{"kind":"message","id":"1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"}}
{"kind":"message","id":"3","ts":"2026-03-01T09:30:00.001Z","channel":"chat","customer":{"id":"u1"}}
X
echo --
cs-ingest --gap 30m - <<'X' | jq -c '[.customer.id, .message_count]'
{"kind":"message","id":"1","ts":"2026-03-01T09:00:00Z","channel":"chat","customer":{"id":"u1"}}
{"kind":"message","id":"2","ts":"2026-03-01T09:30:00.001Z","channel":"chat","customer":{"id":"u2"}}
{"kind":"message","id":"3","ts":"2026-03-01T09:30:00.001Z","channel":"chat","customer":{"id":"u1"}}
X
--- stdout
["u2",1]
["u1",2]
--
["u1",1]
["u1",1]
--
["u1",1]
["u2",1]
["u1",1]
--- stderr
--- exit
0
