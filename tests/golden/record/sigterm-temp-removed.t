# SIGTERM while writing -o FILE: the temp file is removed, the old FILE stays intact,
# and the process dies of the signal (143 from the shell).
--- cmd
printf 'old\n' > out.ndjson
mkfifo in.fifo
cs-ingest -o out.ndjson in.fifo & pid=$!
exec 3> in.fifo
printf '{"kind":"event","id":"1"}\n' >&3
while ! ls -A | grep -q '^\.out\.ndjson\.'; do sleep 0.05; done
kill -TERM $pid; { wait $pid; } 2>/dev/null; echo "exit $?"
exec 3>&-
cat out.ndjson; ls -A
--- stdout
exit 143
old
in.fifo
out.ndjson
--- stderr
--- exit
0
