# A GB18030 spreadsheet export is read with --encoding.
--- cmd
printf 'conversation_id,text\nc1,退款什么时候到账\n' | iconv -f UTF-8 -t GB18030 > gb.csv; cs-ingest -f csv --messages gb.csv; echo "exit $?"; cs-ingest -f csv --messages --encoding GB18030 gb.csv
--- stdout
exit 1
{"kind":"message","conversation_id":"c1","text":"退款什么时候到账","source":{"format":"csv","file":"gb.csv","line":2}}
--- stderr
cs-ingest: gb.csv:2:4: invalid UTF-8 (byte 0xcd)
cs-ingest: gb.csv: if the file is not UTF-8, name its encoding with --encoding
--- exit
0
