# A truncated .zst is an I/O error (exit 4), never a silent short read.
--- cmd
seq 1 2000 | sed 's/.*/{"kind":"event","id":"&"}/' | zstd -q > in.zst; head -c $(($(wc -c < in.zst) - 10)) in.zst > cut.zst; cs-ingest cut.zst > out.ndjson; echo "exit $?"
--- stdout
exit 4
--- stderr
cs-ingest: cut.zst: truncated zstd frame (unexpected end of input)
cs-ingest: 1 input could not be read to the end
--- exit
0
