# A zstd file whose decompressed size is an exact multiple of 128 KiB (the
# read buffer) is read whole: it is not reported as a truncated frame, and
# a last record without a final newline is kept, from a file and from stdin.
# The second file is two such frames, so the end of a frame that fills the
# buffer is followed by another frame.
--- cmd
pad() { head -c "$1" /dev/zero | tr '\0' x; }
{ printf '{"kind":"event","id":"e1"}\n{"kind":"event","id":"e2","pad":"'; pad 131009; printf '"}\n'; } > a.ndjson
{ printf '{"kind":"event","id":"e1"}\n{"kind":"event","id":"e2","pad":"'; pad 131010; printf '"}'; } > b.ndjson
wc -c < a.ndjson; wc -c < b.ndjson
zstd -q a.ndjson b.ndjson; cat a.ndjson.zst b.ndjson.zst > ab.zst
cs-qa a.ndjson.zst | cut -c1-30
cs-qa b.ndjson.zst | cut -c1-30
cs-qa < b.ndjson.zst | cut -c1-30
cs-qa ab.zst | wc -l
--- stdout
131072
131072
{"kind":"event","id":"e1"}
{"kind":"event","id":"e2","pad
{"kind":"event","id":"e1"}
{"kind":"event","id":"e2","pad
{"kind":"event","id":"e1"}
{"kind":"event","id":"e2","pad
4
--- stderr
--- exit
0
