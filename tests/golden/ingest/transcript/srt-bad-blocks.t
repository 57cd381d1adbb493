# A block without a timing line and a timing line with seconds over 59, each reported with its line; with --skip-bad the good cues are read.
--- cmd
cd "$REPO" && cs-ingest -f srt -m tests/data/transcript/bad-blocks.srt; echo "exit $?"; cs-ingest -f srt -m --skip-bad tests/data/transcript/bad-blocks.srt
--- stdout
exit 1
{"kind":"message","id":"bad-blocks#0","conversation_id":"bad-blocks","channel":"phone","role":"agent","text":"Thanks for holding.","start_ms":1000,"end_ms":3000,"speaker":"Agent","source":{"format":"srt","file":"tests/data/transcript/bad-blocks.srt","line":3,"id":"bad-blocks#0"}}
{"kind":"message","id":"bad-blocks#1","conversation_id":"bad-blocks","channel":"phone","role":"customer","text":"I need to change my address.","start_ms":5000,"end_ms":7500,"speaker":"Customer","source":{"format":"srt","file":"tests/data/transcript/bad-blocks.srt","line":11,"id":"bad-blocks#1"}}
--- stderr
cs-ingest: tests/data/transcript/bad-blocks.srt:1: a block without a timing line ('-->'): 'Recorded 2026-02-11, line 4'
cs-ingest: tests/data/transcript/bad-blocks.srt:1: a block without a timing line ('-->'): 'Recorded 2026-02-11, line 4'
cs-ingest: tests/data/transcript/bad-blocks.srt:8: seconds over 59 in the timing line '00:00:75,000 --> 00:00:76,000'
cs-ingest: 2 bad records left out
--- exit
1
