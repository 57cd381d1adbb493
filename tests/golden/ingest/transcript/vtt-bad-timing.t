# Damaged timing lines: no end time, seconds over 59, an end before the start; each is reported with its line, the run stops at the first; with --skip-bad the other cues are read and the bad ones counted.
--- cmd
cd "$REPO" && cs-ingest -m tests/data/transcript/bad-timing.vtt; echo "exit $?"; cs-ingest -m --skip-bad tests/data/transcript/bad-timing.vtt
--- stdout
exit 1
{"kind":"message","id":"bad-timing#0","conversation_id":"bad-timing","channel":"phone","role":"agent","text":"How can I help you today?","start_ms":3200,"end_ms":5900,"speaker":"Agent","source":{"format":"vtt","file":"tests/data/transcript/bad-timing.vtt","line":7,"id":"bad-timing#0"}}
{"kind":"message","id":"bad-timing#1","conversation_id":"bad-timing","channel":"phone","role":"customer","text":"On the evening flight, please.","start_ms":72000,"end_ms":74250,"speaker":"Passenger","source":{"format":"vtt","file":"tests/data/transcript/bad-timing.vtt","line":19,"id":"bad-timing#1"}}
--- stderr
cs-ingest: tests/data/transcript/bad-timing.vtt:4: a cue without an end time in the timing line '00:00:01.000 -->'
cs-ingest: tests/data/transcript/bad-timing.vtt:4: a cue without an end time in the timing line '00:00:01.000 -->'
cs-ingest: tests/data/transcript/bad-timing.vtt:12: seconds over 59 in the timing line '00:00:61.000 --> 00:00:63.500'
cs-ingest: tests/data/transcript/bad-timing.vtt:16: the cue ends before it starts in the timing line '00:01:10.000 --> 00:01:08.000'
cs-ingest: 3 bad records left out
--- exit
1
