# A message whose header holds a line that is no header field stops the run
# with its line.
--- cmd
o=$PWD; cd "$REPO" && cs-ingest -m tests/data/mail/damaged.mbox > "$o/out.ndjson"; s=$?; jq -c "{id, conversation_id, role}" "$o/out.ndjson"; exit $s
--- stdout
{"id":"d1@example.com","conversation_id":"d1@example.com","role":"customer"}
--- stderr
cs-ingest: tests/data/mail/damaged.mbox:12: a line in the message's header is no header field
--- exit
1
