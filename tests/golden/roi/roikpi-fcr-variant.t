# cs-roi kpi and merge: variants.fcr states the repeat window used, in the
# largest unit that holds it whole. It printed the window's whole days, so
# --repeat-window 12h read "within 0 days" (which would make nothing a
# repeat) while FCR was 1 (the contact 19 hours later is no repeat), 36h
# read "within 1 days" and 90m "within 0 days".
--- cmd
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"u1\"},\"started\":\"2026-03-02T$2Z\",\"messages\":[{\"role\":\"customer\",\"ts\":\"2026-03-02T$2Z\"},{\"role\":\"agent\",\"ts\":\"2026-03-02T$2Z\"}],\"route\":{\"intent\":\"billing\"}}"; }
{ c c1 01:00:00; c c2 20:00:00; } > fcr.ndjson
for rw in 12h 36h 7d 1w 1d 90m 1h30m 45s 1500ms; do
	echo "$rw $(cs-roi kpi --repeat-window $rw fcr.ndjson | jq -c '[.counts.fcr_resolved, .counts.fcr_eligible, .variants.fcr]')"
done
cs-roi kpi --repeat-window 36h fcr.ndjson | cs-roi merge --repeat-window 36h | jq -c .variants.fcr
--- stdout
12h [2,2,"no repeat contact by the customer on the same issue within 12 hours"]
36h [1,2,"no repeat contact by the customer on the same issue within 36 hours"]
7d [1,2,"no repeat contact by the customer on the same issue within 7 days"]
1w [1,2,"no repeat contact by the customer on the same issue within 7 days"]
1d [1,2,"no repeat contact by the customer on the same issue within 1 day"]
90m [2,2,"no repeat contact by the customer on the same issue within 90 minutes"]
1h30m [2,2,"no repeat contact by the customer on the same issue within 90 minutes"]
45s [2,2,"no repeat contact by the customer on the same issue within 45 seconds"]
1500ms [2,2,"no repeat contact by the customer on the same issue within 1500 milliseconds"]
"no repeat contact by the customer on the same issue within 36 hours"
--- stderr
--- exit
0
