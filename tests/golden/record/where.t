# --where processes only matching records; the rest pass through unchanged.
--- cmd
cs-ingest --messages --where '.channel == "chat"' -
--- stdin
{"kind":"message","id":"1","customer":{"id":"u"},"channel":"chat","text":"a"}
{"kind":"message","id":"2","customer":{"id":"u"},"channel":"email","text":"b"}
--- stdout
{"kind":"message","id":"1","customer":{"id":"u"},"channel":"chat","text":"a","conversation_id":"c-bb11b4e65fddc998"}
{"kind":"message","id":"2","customer":{"id":"u"},"channel":"email","text":"b"}
--- stderr
--- exit
0
