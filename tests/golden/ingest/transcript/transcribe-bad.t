# A failed job without results, and an item without its times (reported, the rest read with --skip-bad).
--- cmd
cd "$REPO" && cs-ingest -f transcribe -m tests/data/transcript/no-results.json; echo "exit $?"; cs-ingest -m --skip-bad tests/data/transcript/bad-items.json
--- stdout
exit 1
{"kind":"message","id":"call-7002#0","conversation_id":"call-7002","channel":"phone","role":"agent","text":"Hello.","start_ms":100,"end_ms":400,"speaker":"spk_0","source":{"format":"transcribe","file":"tests/data/transcript/bad-items.json","line":6,"id":"call-7002#0"}}
{"kind":"message","id":"call-7002#1","conversation_id":"call-7002","channel":"phone","role":"customer","text":"Hi.","start_ms":1200,"end_ms":1500,"speaker":"spk_1","source":{"format":"transcribe","file":"tests/data/transcript/bad-items.json","line":9,"id":"call-7002#1"}}
--- stderr
cs-ingest: tests/data/transcript/no-results.json:1: a Transcribe job without "results" (or a Call Analytics "Transcript")
cs-ingest: tests/data/transcript/bad-items.json:7: an item without alternatives[0].content, start_time and end_time
cs-ingest: 1 bad record left out
--- exit
1
