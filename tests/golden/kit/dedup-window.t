# The duplicate table is bounded: a copy within --dedup-window (stream time)
# of the first is caught; after it, it may not be; --dedup-max forgets older
# keys early, with a notice and a count. --dedup-window all keeps every key.
--- cmd
cat > in.ndjson <<'X'
{"kind":"message","id":"1","conversation_id":"k","ts":"2026-03-01T09:00:00Z"}
{"kind":"message","id":"2","conversation_id":"k","ts":"2026-03-01T09:30:00Z"}
{"kind":"message","id":"1","conversation_id":"k","ts":"2026-03-01T09:00:00Z"}
{"kind":"message","id":"3","conversation_id":"k","ts":"2026-03-01T12:00:00Z"}
{"kind":"message","id":"4","conversation_id":"k","ts":"2026-03-01T15:00:00Z"}
{"kind":"message","id":"1","conversation_id":"k","ts":"2026-03-01T09:00:00Z"}
X
cs-ingest --messages --dedup-window 1h in.ndjson | jq -r .id | tr '\n' ' '; echo
cs-ingest --messages --dedup-window all in.ndjson | jq -r .id | tr '\n' ' '; echo
cs-ingest --messages --dedup-max 4 --stats=json in.ndjson | jq -r .id | tr '\n' ' '; echo
--- stdout
1 2 3 4 1 
1 2 3 4 
1 2 3 4 1 
--- stderr
cs-ingest: 1 duplicate message left out (--no-dedup keeps them)
cs-ingest: 2 duplicate messages left out (--no-dedup keeps them)
cs-ingest: the duplicate table is full (--dedup-max 4): older message keys are forgotten early; --stats counts them
{"kind":"stats","program":"cs-ingest","read":6,"written":5,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":5,"conversations":0,"duplicates":1,"passed":0,"closed_early":0,"dedup_forgotten":2}
--- exit
0
