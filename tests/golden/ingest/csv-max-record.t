# --max-record limits a CSV row (line ends not counted), reported where the
# row starts. The row is one bad record, as an over-long NDJSON line is:
# the run stops there, and with --skip-bad it goes on at the next row (the
# long row's quoted newline and stray quote do not throw it off).
--- cmd
printf 'conversation_id,text\nc1,short\nc1,"a long\ncell that "goes" on"\nc1,after it\n' > long.csv
cs-ingest -f csv --messages --max-record 20 long.csv; echo "exit $?"
cs-ingest -f csv --messages --max-record 20 --skip-bad long.csv
--- stdout
{"kind":"message","conversation_id":"c1","text":"short","source":{"format":"csv","file":"long.csv","line":2}}
exit 1
{"kind":"message","conversation_id":"c1","text":"short","source":{"format":"csv","file":"long.csv","line":2}}
{"kind":"message","conversation_id":"c1","text":"after it","source":{"format":"csv","file":"long.csv","line":5}}
--- stderr
cs-ingest: long.csv:3: row longer than 20 bytes (--max-record)
cs-ingest: long.csv:3: row longer than 20 bytes (--max-record)
cs-ingest: 1 bad record left out
--- exit
1
