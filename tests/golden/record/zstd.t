# zstd input is detected by magic bytes; concatenated frames are all read.
--- cmd
printf '{"kind":"event","id":"1"}\n' | zstd -q > a.zst; printf '{"kind":"event","id":"2"}\n' | zstd -q >> a.zst; cs-ingest a.zst
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
--- stderr
--- exit
0
