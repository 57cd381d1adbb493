# Times as people and spreadsheets write them; the day/month order from a part
# over 12 or from --date-order; an ambiguous date is a bad value naming the option;
# times without an offset get one notice per run when no --tz is given.
--- cmd
printf 'id,conversation_id,ts\n1,c,2026/03/01 09:15\n2,c,03/13/2026 09:15 PM\n3,c,2026-03-01 9:15\n4,c,2026-03-01 09:15:00 UTC\n5,c,2026年3月1日 09:15\n6,c,13.03.2026 08:00\n' > t.csv
cs-ingest -m -M ts=ts t.csv
printf 'id,conversation_id,ts\n1,c,03/01/2026 09:15 AM\n' > amb.csv
cs-ingest -m -M ts=ts amb.csv; echo "exit $?"
cs-ingest -m -M ts=ts --date-order dmy --tz +08:00 amb.csv
cs-ingest -m -M ts=ts --time-format '%d-%b-%Y %Hh%M' - <<'X'
{"id":"1","conversation_id":"c","ts":"01-Mar-2026 09h15"}
X
--- stdin
--- stdout
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":2}}
{"kind":"message","id":"2","conversation_id":"c","ts":"2026-03-13T21:15:00Z","source":{"format":"csv","file":"t.csv","line":3}}
{"kind":"message","id":"3","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":4}}
{"kind":"message","id":"4","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":5}}
{"kind":"message","id":"5","conversation_id":"c","ts":"2026-03-01T09:15:00Z","source":{"format":"csv","file":"t.csv","line":6}}
{"kind":"message","id":"6","conversation_id":"c","ts":"2026-03-13T08:00:00Z","source":{"format":"csv","file":"t.csv","line":7}}
exit 1
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-01-03T01:15:00Z","source":{"format":"csv","file":"amb.csv","line":2}}
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T09:15:00Z"}
--- stderr
cs-ingest: 5 times without an offset (such as '2026/03/01 09:15') were read as UTC: name their zone with --tz
cs-ingest: amb.csv:2: --map ts: '03/01/2026 09:15 AM' is not a time (day and month could be either way round: name the order with --date-order mdy or dmy)
cs-ingest: 1 time without an offset (such as '01-Mar-2026 09h15') was read as UTC: name their zone with --tz
--- exit
0
