# Invalid UTF-8 names file, line and the byte's column; exit 1.
--- cmd
printf '{"kind":"event","id":"1"}\n{"kind":"event","t":"ab\377c"}\n' > bad.ndjson; cs-ingest bad.ndjson
--- stdout
{"kind":"event","id":"1"}
--- stderr
cs-ingest: bad.ndjson:2:24: invalid UTF-8 (byte 0xff)
cs-ingest: bad.ndjson: if the file is not UTF-8, name its encoding with --encoding
--- exit
1
