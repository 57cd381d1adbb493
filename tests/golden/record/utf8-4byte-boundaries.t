# 4-byte UTF-8 characters across read-buffer boundaries come out byte-identical at every buffer size.
--- cmd
printf '{"kind":"event","t":"\360\237\230\200\360\240\200\200x\360\237\230\200"}\n{"kind":"event","t":"\344\270\255\360\237\230\200"}\n' > in.ndjson
for n in 1 2 3 4 5 7 11; do CS_TEST_READ_SIZE=$n cs-ingest in.ndjson | cmp - in.ndjson && echo "size $n ok"; done
--- stdout
size 1 ok
size 2 ok
size 3 ok
size 4 ok
size 5 ok
size 7 ok
size 11 ok
--- stderr
--- exit
0
