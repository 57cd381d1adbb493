# --stats-file appends the one stats line to a file (shards share one file
# safely); the line is written also when a run stops at a bad record.
--- cmd
printf '{"kind":"event"}\n' | cs-ingest --stats=json --stats-file s.json
printf '{"kind":"event"}\nnot json\n{"kind":"event"}\n' | cs-ingest --stats=json --stats-file s.json; echo "exit $?"
cat s.json
--- stdout
{"kind":"event"}
{"kind":"event"}
exit 1
{"kind":"stats","program":"cs-ingest","read":1,"written":1,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":0,"conversations":0,"duplicates":0,"passed":1,"closed_early":0,"dedup_forgotten":0}
{"kind":"stats","program":"cs-ingest","read":2,"written":1,"blank":0,"rejected":1,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":1,"messages":0,"conversations":0,"duplicates":0,"passed":1,"closed_early":0,"dedup_forgotten":0}
--- stderr
cs-ingest: <stdin>:2: not a JSON object
--- exit
0
