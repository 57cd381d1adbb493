# zstd input is detected by magic bytes; concatenated frames are all read.
# A file may start with a skippable frame (magic 0x184D2A50 to 0x184D2A5F,
# little-endian: pzstd and seekable zstd write one first), and one may lie
# between frames: both are zstd, not text. Text that starts like one is text.
--- cmd
printf '{"kind":"event","id":"1"}\n' | zstd -q > a.zst; printf '{"kind":"event","id":"2"}\n' | zstd -q >> a.zst; cs-ingest a.zst
{ printf 'P*M\030\004\000\000\000abcd'; printf '{"kind":"event","id":"3"}\n' | zstd -q; printf '_*M\030\000\000\000\000'; cat a.zst; } > skip.zst
cs-ingest skip.zst
cs-qa skip.zst
printf 'P*M\n' | cs-qa
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
{"kind":"event","id":"3"}
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
{"kind":"event","id":"3"}
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
--- stderr
cs-qa: <stdin>:1: not a JSON object
--- exit
1
