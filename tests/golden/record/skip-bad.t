# --skip-bad reports each bad record, leaves it out, goes on, and exits 1.
--- cmd
cs-ingest --skip-bad -
--- stdin
{"kind":"event","id":"a"}
[1,2]
{"kind":"event",
"just a string"
{"kind":"event","id":"b"}
--- stdout
{"kind":"event","id":"a"}
{"kind":"event","id":"b"}
--- stderr
cs-ingest: <stdin>:2: not a JSON object
cs-ingest: <stdin>:3:17: invalid JSON: expected a string key
cs-ingest: <stdin>:4: not a JSON object
cs-ingest: 3 bad records left out
--- exit
1
