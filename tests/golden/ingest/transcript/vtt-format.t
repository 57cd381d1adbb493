# A WebVTT call read with --format vtt: NOTE and STYLE blocks skipped, one message a <v> voice, tags dropped, entities decoded, a "Name:" prefix after a <c> tag, exact offsets.
--- cmd
cd "$REPO" && cs-ingest --format vtt -m tests/data/transcript/call-1042.vtt
--- stdout
{"kind":"message","id":"call-1042#0","conversation_id":"call-1042","channel":"phone","role":"agent","text":"Thank you for calling Northwind support, this is Dana. How can I help?","start_ms":500,"end_ms":4250,"speaker":"Agent","source":{"format":"vtt","file":"tests/data/transcript/call-1042.vtt","line":12,"id":"call-1042#0"}}
{"kind":"message","id":"call-1042#1","conversation_id":"call-1042","channel":"phone","role":"customer","text":"Hi, my order #5531 arrived damaged & I'd like a refund.","start_ms":4900,"end_ms":9075,"speaker":"Maria Lopez","source":{"format":"vtt","file":"tests/data/transcript/call-1042.vtt","line":17,"id":"call-1042#1"}}
{"kind":"message","id":"call-1042#2","conversation_id":"call-1042","channel":"phone","role":"agent","text":"I’m sorry to hear that.","start_ms":9075,"end_ms":11000,"speaker":"Agent","source":{"format":"vtt","file":"tests/data/transcript/call-1042.vtt","line":21,"id":"call-1042#2"}}
{"kind":"message","id":"call-1042#3","conversation_id":"call-1042","channel":"phone","role":"customer","text":"Yeah <sigh>.","start_ms":9075,"end_ms":11000,"speaker":"Maria Lopez","source":{"format":"vtt","file":"tests/data/transcript/call-1042.vtt","line":21,"id":"call-1042#3"}}
{"kind":"message","id":"call-1042#4","conversation_id":"call-1042","channel":"phone","role":"agent","text":"Let me pull up the order for you.","start_ms":11400,"end_ms":14020,"speaker":"Agent","source":{"format":"vtt","file":"tests/data/transcript/call-1042.vtt","line":24,"id":"call-1042#4"}}
{"kind":"message","id":"call-1042#5","conversation_id":"call-1042","channel":"phone","role":"customer","text":"Thanks.","start_ms":15000,"end_ms":17310,"speaker":"Maria Lopez","source":{"format":"vtt","file":"tests/data/transcript/call-1042.vtt","line":28,"id":"call-1042#5"}}
--- stderr
--- exit
0
