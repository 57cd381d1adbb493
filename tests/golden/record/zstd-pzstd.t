# pzstd (the parallel zstd that ships with zstd) starts every file with a
# skippable frame: its output is read as zstd by the programs and by
# cs-ingest's format detection (here a CSV), not as binary data or text.
--- requires
/usr/bin/pzstd
--- cmd
printf '{"kind":"event","id":"1"}\n{"kind":"event","id":"2"}\n' > ev.ndjson
printf 'conversation_id,role,text\nc1,customer,hello\nc1,agent,hi\n' > msgs.csv
pzstd -q ev.ndjson msgs.csv
cs-qa ev.ndjson.zst
cs-ingest --messages msgs.csv.zst
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
{"kind":"message","conversation_id":"c1","role":"customer","text":"hello","source":{"format":"csv","file":"msgs.csv.zst","line":2}}
{"kind":"message","conversation_id":"c1","role":"agent","text":"hi","source":{"format":"csv","file":"msgs.csv.zst","line":3}}
--- stderr
--- exit
0
