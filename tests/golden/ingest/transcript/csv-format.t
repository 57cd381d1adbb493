# A transcript CSV read with --format transcript-csv: times in seconds (digits past the millisecond rounded) and hh:mm:ss.ttt, a quoted text with a comma, quotes and a line break, sentiment lower-cased, spk_0 speaking first is the agent.
--- cmd
cd "$REPO" && cs-ingest --format transcript-csv -m tests/data/transcript/call-3310.csv
--- stdout
{"kind":"message","id":"call-3310#0","conversation_id":"call-3310","channel":"phone","role":"agent","text":"Hello, you've reached Fabrikam billing.","start_ms":0,"end_ms":2450,"speaker":"spk_0","sentiment":"neutral","source":{"format":"transcript-csv","file":"tests/data/transcript/call-3310.csv","line":2,"id":"call-3310#0"}}
{"kind":"message","id":"call-3310#1","conversation_id":"call-3310","channel":"phone","role":"customer","text":"Hi, I was charged twice for March, \"double billing\" basically.","start_ms":2900,"end_ms":7125,"speaker":"spk_1","sentiment":"negative","source":{"format":"transcript-csv","file":"tests/data/transcript/call-3310.csv","line":3,"id":"call-3310#1"}}
{"kind":"message","id":"call-3310#2","conversation_id":"call-3310","channel":"phone","role":"agent","text":"Let me check that.\nOne moment please.","start_ms":7500,"end_ms":12001,"speaker":"spk_0","sentiment":"neutral","source":{"format":"transcript-csv","file":"tests/data/transcript/call-3310.csv","line":4,"id":"call-3310#2"}}
{"kind":"message","id":"call-3310#3","conversation_id":"call-3310","channel":"phone","role":"customer","text":"Sure.","start_ms":12800,"end_ms":13900,"speaker":"spk_1","source":{"format":"transcript-csv","file":"tests/data/transcript/call-3310.csv","line":6,"id":"call-3310#3"}}
--- stderr
--- exit
0
