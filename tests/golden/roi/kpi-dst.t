# cs-roi kpi: in the hour the clocks go back (New York, 1 November 2026,
# 01:00 to 02:00 twice) an hourly or half-hourly window's id carries its
# UTC offset, so the two windows of the same local label have two ids; the
# hour the clocks go forward and every other hour keep the plain label.
# Windows of other sizes (2h, 45m) start where the clock shows a time on
# their grid and never overlap: across a change one is longer or shorter.
# A change back by other than an hour repeats local times too: Lord Howe
# goes back half an hour (5 April 2026, 02:00 +11 to 01:30 +10:30), Troll
# two hours (25 October 2026, 03:00 +02 to 01:00 +00); their repeated
# windows carry the offset as well, so no two windows share an id.
--- cmd
for t in 2026-11-01T04:30:00Z 2026-11-01T05:30:00Z 2026-11-01T06:30:00Z 2026-11-01T07:30:00Z 2026-03-08T06:30:00Z 2026-03-08T07:30:00Z; do
	printf '{"kind":"conversation","id":"%s","customer":{"id":"u"},"started":"%s","messages":[{"id":"a","ts":"%s","role":"customer","text":"x"}]}\n' "$t" "$t" "$t"
done > dst.ndjson
cs-roi kpi --tz America/New_York --window 1h dst.ndjson | jq -r '[.window.from, (.id | sub("-[0-9a-f]{16}$"; ""))] | @tsv'
cs-roi kpi --tz America/New_York --window 30m dst.ndjson | jq -r '.id | sub("-[0-9a-f]{16}$"; "")'
for size in 2h 45m; do
	cs-roi kpi --tz America/New_York --window $size dst.ndjson | jq -r '[.window.from, .window.to, (.id | sub("-[0-9a-f]{16}$"; "")), .counts.contacts] | @tsv'
done
for t in 2026-04-04T14:00:00Z 2026-04-04T14:30:00Z 2026-04-04T15:00:00Z 2026-04-04T15:30:00Z; do
	printf '{"kind":"conversation","id":"%s","customer":{"id":"u"},"started":"%s"}\n' "$t" "$t"
done > lh.ndjson
cs-roi kpi --tz Australia/Lord_Howe --window 30m lh.ndjson | jq -r '[.window.from, (.id | sub("-[0-9a-f]{16}$"; ""))] | @tsv'
for t in 2026-10-24T22:30:00Z 2026-10-24T23:00:00Z 2026-10-25T00:00:00Z 2026-10-25T01:00:00Z 2026-10-25T02:00:00Z 2026-10-25T03:00:00Z; do
	printf '{"kind":"conversation","id":"%s","customer":{"id":"u"},"started":"%s"}\n' "$t" "$t"
done > troll.ndjson
cs-roi kpi --tz Antarctica/Troll --window 1h troll.ndjson | jq -r '[.window.from, (.id | sub("-[0-9a-f]{16}$"; ""))] | @tsv'
--- stdout
2026-03-08T06:00:00Z	kpi-2026-03-08T01:00
2026-03-08T07:00:00Z	kpi-2026-03-08T03:00
2026-11-01T04:00:00Z	kpi-2026-11-01T00:00
2026-11-01T05:00:00Z	kpi-2026-11-01T01:00-04:00
2026-11-01T06:00:00Z	kpi-2026-11-01T01:00-05:00
2026-11-01T07:00:00Z	kpi-2026-11-01T02:00
kpi-2026-03-08T01:30
kpi-2026-03-08T03:30
kpi-2026-11-01T00:30
kpi-2026-11-01T01:30-04:00
kpi-2026-11-01T01:30-05:00
kpi-2026-11-01T02:30
2026-03-08T05:00:00Z	2026-03-08T08:00:00Z	kpi-2026-03-08T00:00	2
2026-11-01T04:00:00Z	2026-11-01T07:00:00Z	kpi-2026-11-01T00:00	3
2026-11-01T07:00:00Z	2026-11-01T09:00:00Z	kpi-2026-11-01T02:00	1
2026-03-08T06:30:00Z	2026-03-08T07:00:00Z	kpi-2026-03-08T01:30	1
2026-03-08T07:00:00Z	2026-03-08T07:45:00Z	kpi-2026-03-08T03:00	1
2026-11-01T04:00:00Z	2026-11-01T04:45:00Z	kpi-2026-11-01T00:00	1
2026-11-01T05:30:00Z	2026-11-01T06:30:00Z	kpi-2026-11-01T01:30-04:00	1
2026-11-01T06:30:00Z	2026-11-01T07:15:00Z	kpi-2026-11-01T01:30-05:00	1
2026-11-01T07:15:00Z	2026-11-01T08:00:00Z	kpi-2026-11-01T02:15	1
2026-04-04T14:00:00Z	kpi-2026-04-05T01:00
2026-04-04T14:30:00Z	kpi-2026-04-05T01:30+11:00
2026-04-04T15:00:00Z	kpi-2026-04-05T01:30+10:30
2026-04-04T15:30:00Z	kpi-2026-04-05T02:00
2026-10-24T22:00:00Z	kpi-2026-10-25T00:00
2026-10-24T23:00:00Z	kpi-2026-10-25T01:00+02:00
2026-10-25T00:00:00Z	kpi-2026-10-25T02:00+02:00
2026-10-25T01:00:00Z	kpi-2026-10-25T01:00+00:00
2026-10-25T02:00:00Z	kpi-2026-10-25T02:00+00:00
2026-10-25T03:00:00Z	kpi-2026-10-25T03:00
--- stderr
--- exit
0
