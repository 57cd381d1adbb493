# Overlong and surrogate encodings are invalid, not replaced.
--- cmd
printf '{"t":"\300\257"}\n{"t":"\355\240\200"}\n' | cs-ingest --skip-bad -q -
--- stdout
--- stderr
cs-ingest: <stdin>:1:7: invalid UTF-8 (byte 0xc0)
cs-ingest: <stdin>:2:7: invalid UTF-8 (byte 0xed)
cs-ingest: 2 bad records left out
--- exit
1
