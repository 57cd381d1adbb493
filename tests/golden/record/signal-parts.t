# A signal and the temp files of --split, with strace slowing a system call
# so that the kill falls where it must (cs(7) --split: a run that stops
# leaves none of its files; OUTPUT Files: on SIGTERM the temp file is removed).
# 1. A signal handled on another thread than the one making the temp files
# removes them all: cs-qa blocked the signals in the main thread only, so the
# kernel handed SIGTERM to one of its other threads, whose handler removed the
# files marked live and ended the process while the main thread's newest
# file, just made, was not marked yet: a .p-3.XXXXXX stayed, every time
# (each openat slowed by 0.1 s, the kill after three temp files).
# 2. The parts are put in place as one: a signal that comes while they are
# renamed waits until all of them are. Each part was renamed with the
# signals held off for that rename only, so a SIGTERM after the first left
# p-1 new and p-2, p-3 old (each rename slowed by 1 s, the kill after the first).
--- requires
/usr/bin/strace
/usr/bin/pgrep
--- cmd
cs-ingest -q "$REPO/examples/chat.ndjson" > chat.ndjson
slowly() { call=$1 delay=$2; shift 2; strace -f -o /dev/null -e trace=$call -e inject=$call:delay_exit=$delay:when=1+ "$@" 2>/dev/null & }
stop() { kill -TERM "$(pgrep -P $!)"; pid=$!; { wait $pid; } 2>/dev/null; echo "exit $?"; }
for i in 1 2 3 4 5 6; do echo old > p-$i; done
slowly openat 100000 cs-qa --split 6 -o 'p-%d' chat.ndjson
while [ "$(ls -A | grep -c '^\.p-')" -lt 3 ]; do sleep 0.02; done
stop; ls -A; cat p-*
rm p-*; for i in 1 2 3; do echo old > p-$i; done
slowly rename 1000000 cs-qa --split 3 -o 'p-%d' chat.ndjson
while grep -qx old p-1; do sleep 0.02; done
stop; ls -A
for i in 1 2 3; do echo "p-$i: $(grep -cx old p-$i) old, $(grep -c '"kind"' p-$i) records"; done
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
exit 143
chat.ndjson
p-1
p-2
p-3
p-1: 0 old, 0 records
p-2: 0 old, 1 records
p-3: 0 old, 5 records
--- stderr
--- exit
0
