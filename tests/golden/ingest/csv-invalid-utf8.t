# Invalid UTF-8 in a CSV cell names line and column. It makes its row one
# bad record, as in NDJSON: with --skip-bad the rows after it are read.
# In the header row it leaves the file unread (no hint about quotes).
--- cmd
printf 'a,b\n1,caf\351\n2,fine\n' > latin1.csv
cs-ingest -f csv --messages --map conversation_id=a - < latin1.csv; echo "exit $?"
cs-ingest -f csv --messages --map conversation_id=a --skip-bad latin1.csv
printf 'a,caf\351\n1,x\n' > header.csv
cs-ingest -f csv --messages --map conversation_id=a --skip-bad header.csv
--- stdout
exit 1
{"kind":"message","b":"fine","source":{"format":"csv","file":"latin1.csv","line":3},"conversation_id":"2"}
--- stderr
cs-ingest: <stdin>:2:6: invalid UTF-8 (byte 0xe9)
cs-ingest: <stdin>: if the file is not UTF-8, name its encoding with --encoding
cs-ingest: latin1.csv:2:6: invalid UTF-8 (byte 0xe9)
cs-ingest: latin1.csv: if the file is not UTF-8, name its encoding with --encoding
cs-ingest: 1 bad record left out
cs-ingest: header.csv:1:6: invalid UTF-8 (byte 0xe9)
cs-ingest: header.csv: if the file is not UTF-8, name its encoding with --encoding
cs-ingest: header.csv: the 1 line after that error is not read
cs-ingest: 1 bad record left out
--- exit
1
