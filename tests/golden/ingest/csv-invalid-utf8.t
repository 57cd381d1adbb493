# Invalid UTF-8 in a CSV cell names line and column.
--- cmd
printf 'a,b\n1,caf\351\n' | cs-ingest -f csv --messages --map conversation_id=a -
--- stdout
--- stderr
cs-ingest: <stdin>:2:6: invalid UTF-8 (byte 0xe9)
cs-ingest: <stdin>: if the file is not UTF-8, name its encoding with --encoding
--- exit
1
