# Several files are read in turn, - is stdin, errors name the right file and line.
--- cmd
printf '{"kind":"event","id":"f1"}\n' > a.ndjson; printf '{"kind":"event","id":"f3"}\nnope\n' > c.ndjson; cs-ingest a.ndjson - c.ndjson
--- stdin
{"kind":"event","id":"f2"}
--- stdout
{"kind":"event","id":"f1"}
{"kind":"event","id":"f2"}
{"kind":"event","id":"f3"}
--- stderr
cs-ingest: c.ndjson:2: not a JSON object
--- exit
1
