# A signal handled on another thread than the one making the temporary files
# removes them all: cs-qa blocked the signals in the main thread only, so the
# kernel handed SIGTERM to one of its other threads, whose handler removed the
# files marked live and ended the process while the main thread's newest
# file, just made, was not marked yet: a .p-3.XXXXXX stayed, every time.
# strace slows each openat by 0.1 s so that the kill falls on one.
--- requires
/usr/bin/strace
/usr/bin/pgrep
--- cmd
cs-ingest -q "$REPO/examples/chat.ndjson" > chat.ndjson
for i in 1 2 3 4 5 6; do echo old > p-$i; done
strace -f -o /dev/null -e trace=openat -e inject=openat:delay_exit=100000:when=1+ cs-qa --split 6 -o 'p-%d' chat.ndjson 2>/dev/null & sp=$!
while [ "$(ls -A | grep -c '^\.p-')" -lt 3 ]; do sleep 0.02; done
kill -TERM "$(pgrep -P $sp)"; { wait $sp; } 2>/dev/null; echo "exit $?"
ls -A; cat p-*
--- stdout
exit 143
chat.ndjson
p-1
p-2
p-3
p-4
p-5
p-6
old
old
old
old
old
old
--- stderr
--- exit
0
