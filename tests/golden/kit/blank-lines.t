# Blank and white-space-only lines are skipped and counted, not errors.
--- cmd
printf '{"kind":"event","id":1}\n\n   \n\t\r\n{"kind":"event","id":2}\n\n' | cs-ingest --stats=json
--- stdout
{"kind":"event","id":1}
{"kind":"event","id":2}
--- stderr
{"kind":"stats","program":"cs-ingest","read":2,"written":2,"blank":4,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":0,"conversations":0,"duplicates":0,"passed":2,"closed_early":0,"dedup_forgotten":0}
