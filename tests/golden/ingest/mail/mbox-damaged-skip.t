# With --skip-bad the broken header and the message cut inside its header are
# reported, left out and counted; the rest is read.
--- cmd
o=$PWD; cd "$REPO" && cs-ingest -m --skip-bad --stats tests/data/mail/damaged.mbox > "$o/out.ndjson"; s=$?; jq -c "{id, conversation_id, role}" "$o/out.ndjson"; exit $s
--- stdout
{"id":"d1@example.com","conversation_id":"d1@example.com","role":"customer"}
{"id":"d2@shop.example","conversation_id":"d1@example.com","role":"agent"}
--- stderr
cs-ingest: tests/data/mail/damaged.mbox:12: a line in the message's header is no header field
cs-ingest: tests/data/mail/damaged.mbox:27: the message ends inside its header (no blank line before the body)
cs-ingest: 2 bad records left out
cs-ingest: stats: read 4, written 2, blank 0, rejected 2, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 2, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
1
