# --max-record limits a CSV row (line ends not counted), reported where the row starts.
--- cmd
printf 'conversation_id,text\nc1,short\nc1,"a long\ncell that goes on"\nc1,never read\n' > long.csv; cs-ingest -f csv --messages --max-record 20 long.csv
--- stdout
{"kind":"message","conversation_id":"c1","text":"short","source":{"format":"csv","file":"long.csv","line":2}}
--- stderr
cs-ingest: long.csv:3: row longer than 20 bytes (--max-record)
cs-ingest: long.csv: the 1 line after that error is not read (--csv-quotes lenient reads a stray quote as text)
--- exit
1
