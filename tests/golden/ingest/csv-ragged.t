# A row with the wrong number of fields is a bad record; --skip-bad goes on.
--- cmd
cs-ingest -f csv --messages --skip-bad --map conversation_id=a -
--- stdin
a,b,c
1,2,3
4,5
6,7,8
--- stdout
{"kind":"message","b":"2","c":"3","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"1"}
{"kind":"message","b":"7","c":"8","source":{"format":"csv","file":"<stdin>","line":4},"conversation_id":"6"}
--- stderr
cs-ingest: <stdin>:3: row has 2 fields but the header has 3
cs-ingest: 1 bad record left out
--- exit
1
