# An empty end time, a start that is no time and a turn ending before it starts, each reported with its line.
--- cmd
cd "$REPO" && cs-ingest -m tests/data/transcript/bad-times.csv; echo "exit $?"; cs-ingest -m --skip-bad tests/data/transcript/bad-times.csv
--- stdout
exit 1
{"kind":"message","id":"bad-times#0","conversation_id":"bad-times","channel":"phone","role":"agent","text":"Good afternoon.","start_ms":0,"end_ms":1900,"speaker":"Agent","source":{"format":"transcript-csv","file":"tests/data/transcript/bad-times.csv","line":2,"id":"bad-times#0"}}
{"kind":"message","id":"bad-times#4","conversation_id":"bad-times","channel":"phone","role":"agent","text":"What is your account number?","start_ms":10250,"end_ms":12500,"speaker":"Agent","source":{"format":"transcript-csv","file":"tests/data/transcript/bad-times.csv","line":6,"id":"bad-times#4"}}
--- stderr
cs-ingest: tests/data/transcript/bad-times.csv:3: end time: empty ('')
cs-ingest: tests/data/transcript/bad-times.csv:3: end time: empty ('')
cs-ingest: tests/data/transcript/bad-times.csv:4: start time: not a time in seconds ('abc')
cs-ingest: tests/data/transcript/bad-times.csv:5: the turn ends before it starts
cs-ingest: 3 bad records left out
--- exit
1
