# A CSV column named kind sets the record's kind (here an event that passes through);
# a --set kind wins over the column.
--- cmd
cs-ingest -f csv --messages --map conversation_id=c -; printf 'kind,c\nevent,x\n' | cs-ingest -f csv --set kind=alert -
--- stdin
kind,c,text
event,c1,page view
message,c1,hello
--- stdout
{"kind":"event","c":"c1","text":"page view","source":{"format":"csv","file":"<stdin>","line":2}}
{"kind":"message","text":"hello","source":{"format":"csv","file":"<stdin>","line":3},"conversation_id":"c1"}
{"kind":"alert","c":"x","source":{"format":"csv","file":"<stdin>","line":2}}
--- stderr
--- exit
0
