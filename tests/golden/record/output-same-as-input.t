# -o FILE may name an input: it is read whole before the rename.
--- cmd
printf '{"kind":"event","id":"1"}\n{"kind":"event","id":"2"}\n' > t.ndjson; cs-ingest -o t.ndjson t.ndjson; cat t.ndjson
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
--- stderr
--- exit
0
