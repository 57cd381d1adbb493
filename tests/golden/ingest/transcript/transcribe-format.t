# Amazon Transcribe standard output with --format transcribe: turns are runs of one speaker_label, punctuation attached; and channel identification, the channels merged by time, ch_0 the agent.
--- cmd
cd "$REPO" && cs-ingest --format transcribe -m tests/data/transcript/call-4471.json tests/data/transcript/call-6003.json
--- stdout
{"kind":"message","id":"call-4471#0","conversation_id":"call-4471","channel":"phone","role":"agent","text":"Thanks for calling Litware, how can I help?","start_ms":40,"end_ms":2500,"speaker":"spk_0","source":{"format":"transcribe","file":"tests/data/transcript/call-4471.json","line":21,"id":"call-4471#0"}}
{"kind":"message","id":"call-4471#1","conversation_id":"call-4471","channel":"phone","role":"customer","text":"My router keeps dropping.","start_ms":3100,"end_ms":4920,"speaker":"spk_1","source":{"format":"transcribe","file":"tests/data/transcript/call-4471.json","line":31,"id":"call-4471#1"}}
{"kind":"message","id":"call-4471#2","conversation_id":"call-4471","channel":"phone","role":"agent","text":"Okay.","start_ms":5305,"end_ms":5810,"speaker":"spk_0","source":{"format":"transcribe","file":"tests/data/transcript/call-4471.json","line":36,"id":"call-4471#2"}}
{"kind":"message","id":"call-6003#0","conversation_id":"call-6003","channel":"phone","role":"customer","text":"I've been on hold for an hour.","start_ms":4860,"end_ms":6870,"speaker":"ch_1","source":{"format":"transcribe","file":"tests/data/transcript/call-6003.json","line":15,"id":"call-6003#0"}}
{"kind":"message","id":"call-6003#1","conversation_id":"call-6003","channel":"phone","role":"agent","text":"Sorry about that.","start_ms":8500,"end_ms":9370,"speaker":"ch_0","source":{"format":"transcribe","file":"tests/data/transcript/call-6003.json","line":9,"id":"call-6003#1"}}
--- stderr
--- exit
0
