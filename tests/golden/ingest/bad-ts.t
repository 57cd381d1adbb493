# An unreadable ts is a bad record naming the value.
--- cmd
cs-ingest -
--- stdin
{"id":"1","conversation_id":"c","ts":"yesterday","text":"x"}
--- stdout
--- stderr
cs-ingest: <stdin>:1: unreadable time in ts: 'yesterday' (not a time format cs reads)
--- exit
1
