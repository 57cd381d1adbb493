# The --generate command runs as a process group of its own, so what it
# starts ends with it: at the timeout the group is killed, not only the
# shell (a `sleep` it started went on running), and a SIGTERM that ends
# cs-answer ends the command and its children too (they went on running
# on their own, the command's output going nowhere).
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build --kb kb.db kb >/dev/null
gone() { for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do kill -0 "$1" 2>/dev/null || { echo gone; return; }; sleep 0.1; done; echo "still running"; kill "$1"; }
echo '{"question":"how long does delivery take"}' | cs-answer --kb kb.db -k 1 --generate-timeout 1 --generate 'cat >/dev/null; sleep 30 & echo $! > child; wait' | jq -c '.answer.generated'
echo "at the timeout, what the command started: $(gone "$(cat child)")"
{ echo '{"question":"how long does delivery take"}'; sleep 30; } | cs-answer --kb kb.db -k 1 --generate 'cat >/dev/null; sleep 30 & echo $! > child2; echo $$ > shell; wait' > /dev/null &
while [ ! -s shell ] || [ ! -s child2 ]; do sleep 0.05; done
kill -TERM "$!"; wait "$!"; echo "cs-answer: exit $?"
echo "after SIGTERM, the command: $(gone "$(cat shell)"), what it started: $(gone "$(cat child2)")"
--- stdout
{"error":"timed out after 1 s"}
at the timeout, what the command started: gone
cs-answer: exit 143
after SIGTERM, the command: gone, what it started: gone
--- stderr
cs-answer: <stdin>:1: --generate: timed out after 1 s
Terminated
--- exit
0
