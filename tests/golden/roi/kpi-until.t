# cs-roi kpi --until: the input covers time up to here. Which contacts' FCR
# may still change (fcr_window_open: a repeat window running past the end)
# depended on each part's own last record, so parts split by customer merged
# into another count than one run (carol's last contact, 8 days before the
# end of the input, was the end of her part). With the same --until for
# every part, merged equals one run.
--- cmd
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"$2\"},\"started\":\"2026-03-$3T01:00:00Z\",\"route\":{\"intent\":\"$4\"},\"messages\":[]}"; }
{
c c1 alice 01 refund
c c3 carol 02 order
c c4 carol 04 order
c c2 bob 10 refund
c c5 dave 12 billing
} > in.ndjson
for until in "" "--until 2026-03-13T00:00:00Z"; do
	echo "one run ${until:-without --until}: $(cs-roi kpi --window month $until in.ndjson | jq -c '[.counts.fcr_resolved, .counts.fcr_window_open]')"
	for k in 1 2 3; do cs-roi kpi $until --window month --shard $k/3 in.ndjson; done > parts.ndjson
	echo "3 parts merged: $(cs-roi merge --window month parts.ndjson | jq -c '[.counts.fcr_resolved, .counts.fcr_window_open]')"
done
cs-roi kpi --until 2026-03-31T00:00:00Z --window month in.ndjson | jq -c '[.counts.fcr_resolved, .counts.fcr_window_open]'
cs-roi kpi --until yesterday in.ndjson; echo "exit $?"
--- stdout
one run without --until: [4,2]
3 parts merged: [4,3]
one run --until 2026-03-13T00:00:00Z: [4,2]
3 parts merged: [4,2]
[4,0]
exit 2
--- stderr
cs-roi kpi: --until: 'yesterday' is not a time (not a time format cs reads)
Try 'cs-roi kpi --help' for more information.
--- exit
0
