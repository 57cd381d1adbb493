# A line that is not a JSON object is a bad record: file, line and reason; exit 1; the run stops there.
--- cmd
printf '%s\n' '{"kind":"event","id":"a"}' '[1,2]' '{"kind":"event","id":"b"}' > in.ndjson; cs-ingest in.ndjson
--- stdout
{"kind":"event","id":"a"}
--- stderr
cs-ingest: in.ndjson:2: not a JSON object
--- exit
1
