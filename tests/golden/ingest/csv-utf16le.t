# A UTF-16LE export with a byte-order mark is recognised without --encoding.
--- cmd
printf '\377\376' > u.csv; printf 'conversation_id\ttext\nc1\t订单 ok\n' | iconv -f UTF-8 -t UTF-16LE >> u.csv; cs-ingest -f csv -d tab --messages u.csv
--- stdout
{"kind":"message","conversation_id":"c1","text":"订单 ok","source":{"format":"csv","file":"u.csv","line":2}}
--- stderr
--- exit
0
