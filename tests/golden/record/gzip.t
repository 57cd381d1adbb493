# gzip input is detected by magic bytes, concatenated members included; a truncated one is exit 4.
--- cmd
printf '{"kind":"event","id":"1"}\n' | gzip > a.gz; printf '{"kind":"event","id":"2"}\n' | gzip >> a.gz; cs-ingest a.gz
seq 1 2000 | sed 's/.*/{"kind":"event","id":"&"}/' | gzip > b.gz; head -c 100 b.gz > cut.gz; cs-ingest cut.gz > /dev/null; echo "exit $?"
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
exit 4
--- stderr
cs-ingest: cut.gz: truncated gzip stream (unexpected end of input)
cs-ingest: 1 input could not be read to the end
--- exit
0
