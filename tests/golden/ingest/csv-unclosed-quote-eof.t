# An unclosed quote at the end of the file is an error at the line where it opened; exit 1.
--- cmd
cs-ingest -f csv --messages --map conversation_id=a -
--- stdin
a,b
1,2
3,"four
five
--- stdout
{"kind":"message","b":"2","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"1"}
--- stderr
cs-ingest: <stdin>:4: unterminated quoted field (opened at line 3)
--- exit
1
