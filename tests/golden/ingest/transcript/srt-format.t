# A SubRip call read with --format srt: "Name:" and "[Name]" speakers, two dash lines in one cue as two messages, a cue not parted by a blank line, a blank line inside a cue, '.' for ',' in a timing; unnamed parts have no speaker and no role.
--- cmd
cd "$REPO" && cs-ingest --format srt -m tests/data/transcript/call-2087.srt
--- stdout
{"kind":"message","id":"call-2087#0","conversation_id":"call-2087","channel":"phone","role":"agent","text":"Good morning, Contoso Bank, you're speaking with Sam.","start_ms":800,"end_ms":3120,"speaker":"Representative","source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":1,"id":"call-2087#0"}}
{"kind":"message","id":"call-2087#1","conversation_id":"call-2087","channel":"phone","role":"customer","text":"I lost my card yesterday.","start_ms":3500,"end_ms":6000,"speaker":"Caller","source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":6,"id":"call-2087#1"}}
{"kind":"message","id":"call-2087#2","conversation_id":"call-2087","channel":"phone","role":"agent","text":"I can block it right away. Can you confirm your date of birth?","start_ms":6200,"end_ms":8950,"speaker":"Representative","source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":10,"id":"call-2087#2"}}
{"kind":"message","id":"call-2087#3","conversation_id":"call-2087","channel":"phone","text":"March 3rd, 1985.","start_ms":9300,"end_ms":11400,"source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":15,"id":"call-2087#3"}}
{"kind":"message","id":"call-2087#4","conversation_id":"call-2087","channel":"phone","text":"Thank you.","start_ms":9300,"end_ms":11400,"source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":15,"id":"call-2087#4"}}
{"kind":"message","id":"call-2087#5","conversation_id":"call-2087","channel":"phone","text":"Card blocked.","start_ms":12000,"end_ms":13500,"source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":19,"id":"call-2087#5"}}
{"kind":"message","id":"call-2087#6","conversation_id":"call-2087","channel":"phone","text":"Anything else I can help with?","start_ms":14000,"end_ms":16250,"source":{"format":"srt","file":"tests/data/transcript/call-2087.srt","line":23,"id":"call-2087#6"}}
--- stderr
--- exit
0
