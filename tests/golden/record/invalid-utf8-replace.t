# --invalid-utf8=replace substitutes U+FFFD and says how many it replaced.
--- cmd
printf '{"kind":"event","t":"a\377b\300\257c"}\n' | cs-ingest --invalid-utf8=replace -
--- stdout
{"kind":"event","t":"a�b��c"}
--- stderr
cs-ingest: replaced 3 invalid UTF-8 sequences with U+FFFD
--- exit
0
