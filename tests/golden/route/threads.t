# Records are read on several threads and decided in input order: the
# output is the same, byte for byte, for any number of threads, route
# updates and the clock included.
--- cmd
cat "$REPO/tests/golden/route/queue.t" | sed -n '/^--- stdin/,/^--- stdout/p' | sed '1d;$d' > in.ndjson
for i in 1 2 3 4 5 6 7 8; do cat in.ndjson; done > many.ndjson
cs-route -q --threads 1 --agents "$TESTDATA/route/queue-agents.ndjson" -p "$TESTDATA/route/queue.json" many.ndjson > one.ndjson
cs-route -q --threads 4 --agents "$TESTDATA/route/queue-agents.ndjson" -p "$TESTDATA/route/queue.json" many.ndjson > four.ndjson
cmp one.ndjson four.ndjson && wc -l < one.ndjson
--- stdout
83
--- stderr
--- exit
0
