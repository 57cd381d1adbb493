# -o writes atomically: a new file is mode 0600, no temp file is left, and a failed run leaves the old file untouched.
--- cmd
printf '{"kind":"event","id":"1"}\n' | cs-ingest -o out.ndjson -; stat -c %a out.ndjson; ls -A
printf 'old\n' > keep.ndjson; chmod 644 keep.ndjson; printf '{"kind":"event"}\n[]\n' | cs-ingest -o keep.ndjson -; cat keep.ndjson; ls -A
printf '{"kind":"event","id":"2"}\n' | cs-ingest -o keep.ndjson -; cat keep.ndjson; stat -c %a keep.ndjson
--- stdout
600
out.ndjson
old
keep.ndjson
out.ndjson
{"kind":"event","id":"2"}
644
--- stderr
cs-ingest: <stdin>:2: not a JSON object
--- exit
0
