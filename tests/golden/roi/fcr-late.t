# FCR with input late by less than a repeat window (cs-ingest writes
# conversations in the order they close, not the order they began): a
# contact that comes after another customer's later one still finds the
# contact it repeats, and one that comes after its own repeat is the one not
# resolved. One run, the parts merged and the input reversed all agree; a
# record of another customer used to make the late repeat miss its match
# (FCR 1 in one run, 0.6667 merged).
--- cmd
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"$2\"},\"started\":\"2026-03-$3Z\",\"tags\":[\"$4\"],\"messages\":[]}"; }
{
c x1 xavier 01T00:00:00 delivery
c y1 yara 08T00:10:00 billing
c x2 xavier 07T23:50:00 delivery
c z2 zoe 20T10:00:00 refund
c z1 zoe 15T10:00:00 refund
} > all.ndjson
cs-roi kpi --window month all.ndjson | jq -c '[.counts.fcr_eligible, .counts.fcr_resolved, .kpi.fcr]'
for k in 1 2 3; do cs-roi kpi --window month --shard $k/3 all.ndjson; done | cs-roi merge --window month |
	jq -c '[.counts.fcr_eligible, .counts.fcr_resolved, .kpi.fcr]'
tac all.ndjson | cs-roi kpi --window month | jq -c '[.counts.fcr_eligible, .counts.fcr_resolved, .kpi.fcr]'
cs-roi kpi all.ndjson | jq -c '[.window.from[8:10], .counts.fcr_eligible, .counts.fcr_resolved, .counts.fcr_window_open]'
--- stdout
[5,3,0.6]
[5,3,0.6]
[5,3,0.6]
["01",1,0,0]
["07",1,1,0]
["08",1,1,0]
["15",1,0,0]
["20",1,1,1]
--- stderr
--- exit
0
