# A CSV whose header names speaker, start, end and text is a transcript without --format; columns in any order, milliseconds by the column name, rows of two calls by call_id.
--- cmd
cs-ingest -m -
--- stdin
call_id;text;speaker;start_ms;end_ms
c-81;Hello, Woodgrove support.;Agent;0;1850
c-81;Hi, my card was declined.;Customer;2300;4875
c-82;Good morning.;Agent;0;900
--- stdout
{"kind":"message","id":"c-81#0","conversation_id":"c-81","channel":"phone","role":"agent","text":"Hello, Woodgrove support.","start_ms":0,"end_ms":1850,"speaker":"Agent","source":{"format":"transcript-csv","file":"<stdin>","line":2,"id":"c-81#0"}}
{"kind":"message","id":"c-81#1","conversation_id":"c-81","channel":"phone","role":"customer","text":"Hi, my card was declined.","start_ms":2300,"end_ms":4875,"speaker":"Customer","source":{"format":"transcript-csv","file":"<stdin>","line":3,"id":"c-81#1"}}
{"kind":"message","id":"c-82#2","conversation_id":"c-82","channel":"phone","role":"agent","text":"Good morning.","start_ms":0,"end_ms":900,"speaker":"Agent","source":{"format":"transcript-csv","file":"<stdin>","line":4,"id":"c-82#2"}}
--- stderr
--- exit
0
