# --map runs on the CSV reading thread, but for the share of rows it leaves
# to the main thread when it is the slower (CS_TEST_AHEAD_SHARE=16: all of
# them): either way bad values are reported in row order with file and line,
# each before the rows after it; with --skip-bad the run goes on and counts
# them; a bad row over many batches of good ones too. A row is mapped once,
# on one thread and not again: a swap of two columns stays swapped.
--- cmd
printf 'id,conversation_id,ts\n1,c,2026-03-01 09:15\n2,c,not a time\n3,c,2026-03-01 09:17\n4,c,never\n5,c,2026-03-01 09:19\n' > t.csv
awk 'BEGIN { print "id,conversation_id,ts"; for (i = 1; i <= 9000; i++) printf "%d,c%d,%s\n", i, i % 7, i == 7000 ? "late" : "2026-03-01 09:15" }' > many.csv
printf 'id,conversation_id,a,b\n1,c,left,right\n' > swap.csv
for share in 0 16; do
	export CS_TEST_AHEAD_SHARE=$share
	cs-ingest -m -M ts=ts --tz UTC --skip-bad t.csv; echo "exit $?"
	cs-ingest -m -M ts=ts --tz UTC t.csv; echo "exit $?"
	cs-ingest -m -M ts=ts --tz UTC --skip-bad many.csv | wc -l
	cs-ingest -m -M 'a=b,b=a' swap.csv
done
--- stdin
--- stdout
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":2}}
{"kind":"message","id":"3","conversation_id":"c","ts":"2026-03-01T09:17:00Z","source":{"format":"csv","file":"t.csv","line":4}}
{"kind":"message","id":"5","conversation_id":"c","ts":"2026-03-01T09:19:00Z","source":{"format":"csv","file":"t.csv","line":6}}
exit 1
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":2}}
exit 1
8999
{"kind":"message","id":"1","conversation_id":"c","a":"right","b":"left","source":{"format":"csv","file":"swap.csv","line":2}}
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":2}}
{"kind":"message","id":"3","conversation_id":"c","ts":"2026-03-01T09:17:00Z","source":{"format":"csv","file":"t.csv","line":4}}
{"kind":"message","id":"5","conversation_id":"c","ts":"2026-03-01T09:19:00Z","source":{"format":"csv","file":"t.csv","line":6}}
exit 1
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":2}}
exit 1
8999
{"kind":"message","id":"1","conversation_id":"c","a":"right","b":"left","source":{"format":"csv","file":"swap.csv","line":2}}
--- stderr
cs-ingest: t.csv:3: --map ts: 'not a time' is not a time (not a time format cs reads)
cs-ingest: t.csv:5: --map ts: 'never' is not a time (not a time format cs reads)
cs-ingest: 2 bad records left out
cs-ingest: t.csv:3: --map ts: 'not a time' is not a time (not a time format cs reads)
cs-ingest: many.csv:7001: --map ts: 'late' is not a time (not a time format cs reads)
cs-ingest: 1 bad record left out
cs-ingest: t.csv:3: --map ts: 'not a time' is not a time (not a time format cs reads)
cs-ingest: t.csv:5: --map ts: 'never' is not a time (not a time format cs reads)
cs-ingest: 2 bad records left out
cs-ingest: t.csv:3: --map ts: 'not a time' is not a time (not a time format cs reads)
cs-ingest: many.csv:7001: --map ts: 'late' is not a time (not a time format cs reads)
cs-ingest: 1 bad record left out
--- exit
0
