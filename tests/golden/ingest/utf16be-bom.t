# A UTF-16BE file with its byte-order mark is recognised by itself, as a
# UTF-16LE one is: a WebVTT transcript, and a CSV export.
--- cmd
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>hello\n' | iconv -t UTF-16BE | { printf '\376\377'; cat; } > call-be.vtt
cs-ingest -m call-be.vtt
printf '\376\377' > be.csv; printf 'conversation_id,text\nc1,订单 ok\n' | iconv -f UTF-8 -t UTF-16BE >> be.csv
cs-ingest -m be.csv
--- stdout
{"kind":"message","id":"call-be#0","conversation_id":"call-be","channel":"phone","role":"agent","text":"hello","start_ms":1000,"end_ms":2000,"speaker":"Agent","source":{"format":"vtt","file":"call-be.vtt","line":3,"id":"call-be#0"}}
{"kind":"message","conversation_id":"c1","text":"订单 ok","source":{"format":"csv","file":"be.csv","line":2}}
--- stderr
--- exit
0
