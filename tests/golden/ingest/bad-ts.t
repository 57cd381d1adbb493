# An unreadable ts is a bad record naming the value. A time in a form cs
# reads whose date or clock does not exist says so, naming that part (it
# was "not a time format cs reads", which sent one looking for a format).
--- cmd
cs-ingest --skip-bad -
--- stdin
{"id":"1","conversation_id":"c","ts":"yesterday","text":"x"}
{"id":"2","conversation_id":"c","ts":"2026-02-29T10:00:00Z","text":"x"}
{"id":"3","conversation_id":"c","ts":"2026-04-31","text":"x"}
{"id":"4","conversation_id":"c","ts":"2026-03-01T25:00:00Z","text":"x"}
--- stdout
--- stderr
cs-ingest: <stdin>:1: unreadable time in ts: 'yesterday' (not a time format cs reads)
cs-ingest: <stdin>:2: unreadable time in ts: '2026-02-29T10:00:00Z' (the date 2026-02-29 does not exist: February 2026 has 28 days)
cs-ingest: <stdin>:3: unreadable time in ts: '2026-04-31' (the date 2026-04-31 does not exist: April 2026 has 30 days)
cs-ingest: <stdin>:4: unreadable time in ts: '2026-03-01T25:00:00Z' (the time 25:00:00 does not exist: hours are 00 to 23)
cs-ingest: 4 bad records left out
--- exit
1
