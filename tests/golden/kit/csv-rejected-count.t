# CSV rows the reader rejects are counted like bad NDJSON lines.
--- cmd
printf 'a,b\n1,2\n3\n4,5\n"x,6\n' | cs-ingest -f csv --messages --map conversation_id=a --skip-bad --stats -
--- stdout
{"kind":"message","b":"2","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"1"}
{"kind":"message","b":"5","source":{"format":"csv","file":"<stdin>","line":4},"conversation_id":"4"}
--- stderr
cs-ingest: <stdin>:3: row has 1 fields but the header has 2
cs-ingest: <stdin>:5: unterminated quoted field (opened at line 5)
cs-ingest: 2 bad records left out
cs-ingest: stats: read 4, written 2, blank 0, rejected 2, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 2, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
1
