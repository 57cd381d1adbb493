# A corrupted .zst fails with a frame or checksum error.
--- cmd
seq 1 200 | sed 's/.*/{"kind":"event","id":"&"}/' | zstd -q > in.zst; printf '\377\377\377\377' | dd of=in.zst bs=1 seek=20 conv=notrunc 2>/dev/null; cs-ingest in.zst > /dev/null; echo "exit $?"
--- stdout
exit 4
--- stderr
cs-ingest: in.zst: corrupt zstd data: Data corruption detected
cs-ingest: 1 input could not be read to the end
--- exit
0
