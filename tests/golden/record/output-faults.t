# A failed write, fsync or rename of -o FILE (injected by build/fault.so) is
# an I/O error, exit 4, that names the file; the old FILE is kept as it was
# and no temporary file is left. A failed write to stdout redirected to a
# file is exit 4 too.
--- requires
build/fault.so
--- cmd
export LD_PRELOAD=$REPO/build/fault.so ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
echo old > out.ndjson
for fault in write:ENOSPC:1 fsync:EIO:1 rename:EXDEV:1; do
	echo '{"kind":"event"}' | CS_FAULT=$fault cs-ingest -o out.ndjson; echo "$fault: exit $?"
	cat out.ndjson; ls -A | tr '\n' ' '; echo
done
echo '{"kind":"event"}' | CS_FAULT=write:ENOSPC:1 cs-ingest > stdout.ndjson; echo "stdout: exit $?"
--- stdout
write:ENOSPC:1: exit 4
old
out.ndjson 
fsync:EIO:1: exit 4
old
out.ndjson 
rename:EXDEV:1: exit 4
old
out.ndjson 
stdout: exit 4
--- stderr
cs-ingest: out.ndjson: write error: No space left on device
cs-ingest: out.ndjson: write error: Input/output error
cs-ingest: out.ndjson: cannot rename into place: Invalid cross-device link
cs-ingest: <stdout>: write error: No space left on device
--- exit
0
