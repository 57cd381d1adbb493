# A 20-digit integer id, number formatting and key order survive a pass byte for byte.
--- cmd
cs-ingest --messages -
--- stdin
{"kind":"message","id":12345678901234567890,"conversation_id":"c1","ts":"2026-03-01T09:00:00Z","amount":1.50,"big":1e400,"z":{"b":2,"a":1},"text":"x"}
--- stdout
{"kind":"message","id":12345678901234567890,"conversation_id":"c1","ts":"2026-03-01T09:00:00Z","amount":1.50,"big":1e400,"z":{"b":2,"a":1},"text":"x"}
--- stderr
--- exit
0
