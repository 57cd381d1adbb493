# cs-roi merge: an input split by customer, each part's KPIs, merged: the
# same records, byte for byte, as one run over everything (by day and
# channel, and by 15-minute interval in Asia/Shanghai). A record that is
# not a metrics record of cs-roi kpi is counted and left out; a broken one
# is a bad record.
--- cmd
m() { echo "{\"role\":\"$1\",\"ts\":\"2026-03-$2Z\"}"; }
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"$2\",\"customer\":{\"id\":\"$3\"},\"started\":\"2026-03-$4Z\",\"tags\":[\"$5\"],\"messages\":[$(m customer $4),$(m agent $6)],\"ended\":\"2026-03-$7Z\",\"csat\":$8}"; }
{
c a1 chat u1 02T01:00:00 refund 02T01:00:30 02T01:10:00 5
c a2 chat u2 02T01:05:00 late 02T01:05:05 02T01:09:00 4
c a3 email u3 02T03:00:00 refund 02T05:00:00 02T05:30:00 2
c a4 chat u1 03T02:00:00 refund 03T02:00:40 03T02:20:00 3
c a5 chat u4 03T16:30:00 card 03T16:30:10 03T16:40:00 5
c a6 email u2 04T09:00:00 late 04T09:20:00 04T09:25:00 1
c a7 chat u5 04T23:50:00 card 04T23:50:05 05T00:10:00 4
} > all.ndjson
for opts in "--window day" "--window 15m --tz Asia/Shanghai"; do
	cs-roi kpi $opts --by channel all.ndjson > one.ndjson
	grep -E '"u[12]"' all.ndjson | cs-roi kpi $opts --by channel > part1.ndjson
	grep -vE '"u[12]"' all.ndjson | cs-roi kpi $opts --by channel > part2.ndjson
	cs-roi merge $opts part2.ndjson part1.ndjson | cmp - one.ndjson && echo "$opts: merged equals one run ($(wc -l < one.ndjson) records)"
done
cs-roi kpi --by channel all.ndjson | jq -c '[.id, .counts.contacts, .counts.fcr_resolved, .kpi.csat]'
{ cat part1.ndjson; echo '{"kind":"conversation","id":"x"}'; } | cs-roi merge --stats=json --stats-file stats --window 15m --tz Asia/Shanghai > /dev/null; jq -c '{merged, other_records}' stats
echo '{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T00:00:00Z"},"group":{}}' | cs-roi merge; echo "exit $?"
--- stdout
--window day: merged equals one run (5 records)
--window 15m --tz Asia/Shanghai: merged equals one run (6 records)
["kpi-2026-03-02-3910e9a5e91da758",2,0,100]
["kpi-2026-03-02-bb8861cf20f4f1a6",1,1,0]
["kpi-2026-03-03-3910e9a5e91da758",2,2,50]
["kpi-2026-03-04-3910e9a5e91da758",1,1,100]
["kpi-2026-03-04-bb8861cf20f4f1a6",1,1,0]
{"merged":3,"other_records":1}
exit 1
--- stderr
cs-roi merge: <stdin>:1: a metrics record needs window.from, window.to and a group object
--- exit
0
