# Invalid JSON is reported with line and column.
--- cmd
cs-ingest -
--- stdin
{"kind":"event"}
{"kind":"event","id":01}
--- stdout
{"kind":"event"}
--- stderr
cs-ingest: <stdin>:2:23: invalid JSON: expected ',' or '}'
--- exit
1
