# Only a conversation's "messages" must be an array (cs-qa(1) EXIT STATUS).
# A record of another kind may carry a "messages" of its own: cs-ingest's
# stats record counts them, an analytics event may too. Such a record is
# not cs-qa's and passes through unchanged (with a "text" beside it, too),
# as cs-route and cs-signals pass it; before, it was a bad record and ended
# the run with status 1. A conversation, or a record of no kind, whose
# "messages" is not an array is still a bad record.
--- cmd
printf '%s\n' '{"kind":"event","id":"e1","ts":"2026-03-02T10:00:00Z","customer":{"id":"u1"},"type":"inbox_opened","messages":3}' '{"kind":"event","id":"e2","messages":"3","text":"I am happy"}' > ev.ndjson
cs-qa --stats ev.ndjson; echo "status $?"
cs-ingest -q --stats=json "$REPO/examples/chat.ndjson" 2>&1 >/dev/null | cs-qa; echo "status $?"
printf '%s\n' '{"kind":"conversation","id":"c1","messages":3}' '{"id":"c2","messages":{}}' | cs-qa --skip-bad; echo "status $?"
--- stdout
{"kind":"event","id":"e1","ts":"2026-03-02T10:00:00Z","customer":{"id":"u1"},"type":"inbox_opened","messages":3}
{"kind":"event","id":"e2","messages":"3","text":"I am happy"}
status 0
{"kind":"stats","program":"cs-ingest","read":11,"written":4,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":9,"conversations":3,"duplicates":1,"passed":1,"closed_early":0,"dedup_forgotten":0}
status 0
status 1
--- stderr
cs-qa: stats: read 2, written 2, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 0, messages_scored 0, texts 0, passed_through 2, auto_failed 0, alerts 0, alerts_replaced 0, regex_limit_hits 0
cs-qa: <stdin>:1: "messages" is not an array
cs-qa: <stdin>:2: "messages" is not an array
cs-qa: 2 bad records left out
--- exit
0
