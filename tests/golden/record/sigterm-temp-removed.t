# SIGTERM while writing -o FILE: the temp file is removed, the old FILE stays intact,
# and the process dies of the signal (143 from the shell).
# A signal ignored at start stays ignored (nohup ignores SIGHUP, a shell
# SIGINT for a background job): SIGHUP, SIGINT and SIGTERM then do nothing
# and the run writes its whole output. -o used to catch them all anyway, so
# `nohup cs-ingest -o FILE` died at logout.
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
mkfifo ignored.fifo
(trap '' HUP INT TERM; exec cs-ingest -o kept.ndjson ignored.fifo) & pid=$!
exec 3> ignored.fifo
printf '{"kind":"event","id":"1"}\n' >&3
while ! ls -A | grep -q '^\.kept\.ndjson\.'; do sleep 0.05; done
kill -HUP $pid; kill -INT $pid; kill -TERM $pid
printf '{"kind":"event","id":"2"}\n' >&3
exec 3>&-
wait $pid; echo "ignored: exit $?"
cat kept.ndjson
--- stdout
exit 143
old
in.fifo
out.ndjson
ignored: exit 0
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
--- stderr
--- exit
0
