# Ids numbered within each conversation (as in many exports) are not
# duplicates across conversations; within one they are, and a notice counts them.
--- cmd
cs-ingest --messages -
--- stdin
{"kind":"message","conversation_id":"d1","id":0,"text":"hi"}
{"kind":"message","conversation_id":"d1","id":1,"text":"hello"}
{"kind":"message","conversation_id":"d2","id":0,"text":"other dialogue"}
{"kind":"message","conversation_id":"d1","id":"1","text":"hello"}
--- stdout
{"kind":"message","conversation_id":"d1","id":0,"text":"hi"}
{"kind":"message","conversation_id":"d1","id":1,"text":"hello"}
{"kind":"message","conversation_id":"d2","id":0,"text":"other dialogue"}
--- stderr
cs-ingest: 1 duplicate message left out (--no-dedup keeps them)
--- exit
0
