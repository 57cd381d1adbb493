# A record over --max-record is a located error; with --skip-bad the next record is still read.
--- cmd
printf '{"kind":"event","id":"1"}\n{"kind":"event","pad":"%s"}\n{"kind":"event","id":"3"}\n' $(printf 'x%.0s' $(seq 1 200)) | cs-ingest --max-record 100 --skip-bad -
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"3"}
--- stderr
cs-ingest: <stdin>:2: record longer than 100 bytes (--max-record)
cs-ingest: 1 bad record left out
--- exit
1
