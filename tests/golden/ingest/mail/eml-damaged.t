# A file without a header and a message cut inside its header are bad; with
# --skip-bad the good file is still read.
--- cmd
o=$PWD; cd "$REPO" && cs-ingest -m --skip-bad --stats --format eml tests/data/mail/not-mail.eml tests/data/mail/cut.eml tests/data/mail/order.eml > "$o/out.ndjson"; s=$?; jq -c "{id, role}" "$o/out.ndjson"; exit $s
--- stdout
{"id":"CAF4471.claire@example.fr","role":"customer"}
--- stderr
cs-ingest: tests/data/mail/not-mail.eml:1: not a mail message: no header field at the start
cs-ingest: tests/data/mail/cut.eml:1: the message ends inside its header (no blank line before the body)
cs-ingest: 2 bad records left out
cs-ingest: stats: read 3, written 1, blank 0, rejected 2, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 1, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
1
