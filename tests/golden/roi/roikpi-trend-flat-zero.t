# cs-roi trend: a KPI whose usual level is flat at 0 has no deviation to
# count z in (1% of a mean of 0 is 0). One transfer in 100 contacts after
# three weeks of none was given z 10000000 (a deviation of 1e-9), above
# every real shift for anyone ranking by |z|; it is flagged "up" with z
# null. A line that stays at 0 is not flagged, and a flat line off 0 keeps
# its floor of 1% of the mean (AHT 30 s to 31 s: z 3.33).
--- cmd
for g in moved still; do
	w=0
	for d in 02 09 16 23 30; do
		t=0; h=3000000
		if [ $w = 4 ] && [ $g = moved ]; then t=1; h=3100000; fi
		echo "{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-03-${d}T00:00:00Z\",\"to\":\"2026-03-${d}T23:59:59Z\"},\"group\":{\"g\":\"$g\"},\"counts\":{\"handled\":100,\"transfers\":$t},\"sums\":{\"handle_ms\":$h}}"
		w=$((w + 1))
	done
done > flat.ndjson
cs-roi trend flat.ndjson | jq -c '{g: .group.g, kpi, this_week: .this_week.value, mean: .usual.mean, sd: .usual.sd, z: (if has("z") then .z else "none" end), flag}'
--- stdout
{"g":"moved","kpi":"aht_s","this_week":31,"mean":30,"sd":0,"z":3.33,"flag":"up"}
{"g":"moved","kpi":"transfer_rate","this_week":0.01,"mean":0,"sd":0,"z":null,"flag":"up"}
{"g":"still","kpi":"aht_s","this_week":30,"mean":30,"sd":0,"z":"none","flag":null}
{"g":"still","kpi":"transfer_rate","this_week":0,"mean":0,"sd":0,"z":"none","flag":null}
--- stderr
--- exit
0
