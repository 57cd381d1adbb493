# Invalid UTF-8 in a CSV cell names line and column.
--- cmd
printf 'a,b\n1,caf\351\n' | cs-ingest -f csv --messages --map conversation_id=a -
--- stdout
--- stderr
cs-ingest: <stdin>:2:6: invalid UTF-8 (byte 0xE9)
--- exit
1
