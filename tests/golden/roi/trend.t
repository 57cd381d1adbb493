# cs-roi trend: weeks summed from daily records (never averaged), the latest
# ISO week against the week before and the usual level of the 8 weeks before
# that (mean, sample deviation); flagged up or down at 2 deviations (a flat
# usual counts as 1% of its mean), and not flagged with fewer than 3 usual
# weeks. Ten weeks of four chats a day, one answered in 40 s and three in
# 15 s; in the last week two in 90 s: ASA (3 x 15 + 40) / 4 = 21.25 s
# becomes (2 x 15 + 2 x 90) / 4 = 52.5 s, service level 0.75 becomes 0.5.
--- cmd
day=0
for week in 0 1 2 3 4 5 6 7 8 9; do for wd in 0 1 2 3 4 5 6; do
	date=$(date -u -d "2026-01-05 +$day days" +%F); day=$((day + 1))
	for i in 0 1 2 3; do
		if [ $week = 9 ]; then w=$(( i % 2 ? 90 : 15 )); else w=$(( i == 0 ? 40 : 15 )); fi
		echo "{\"kind\":\"conversation\",\"id\":\"c$day-$i\",\"channel\":\"chat\",\"customer\":{\"id\":\"u$i\"},\"started\":\"${date}T0$i:00:00Z\",\"tags\":[\"t$day\"],\"messages\":[{\"role\":\"customer\",\"ts\":\"${date}T0$i:00:00Z\"},{\"role\":\"agent\",\"ts\":\"${date}T0$i:00:${w}Z\"}],\"ended\":\"${date}T0$i:10:00Z\"}" | sed 's/:00:90Z/:01:30Z/'
	done
done; done > convs.ndjson
cs-roi kpi --by channel convs.ndjson > daily.ndjson
wc -l < daily.ndjson
cs-roi trend daily.ndjson | jq -c 'select(.kpi == "asa_s" or .kpi == "service_level" or .kpi == "aht_s")'
echo three weeks only; head -21 daily.ndjson | cs-roi trend | jq -c 'select(.kpi == "asa_s") | {this_week: .this_week.value, usual: .usual.weeks, flag}'
echo two usual weeks; cs-roi trend --baseline-weeks 2 daily.ndjson | jq -c 'select(.kpi == "asa_s") | {usual: .usual.weeks, flag}'
--- stdout
70
{"kind":"trend","group":{"channel":"chat"},"kpi":"aht_s","this_week":{"from":"2026-03-09T00:00:00Z","to":"2026-03-16T00:00:00Z","value":547.5},"last_week":{"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z","value":578.75},"change":-31.25,"usual":{"from":"2026-01-05T00:00:00Z","to":"2026-03-02T00:00:00Z","weeks":8,"mean":578.75,"sd":0},"z":-5.4,"flag":"down"}
{"kind":"trend","group":{"channel":"chat"},"kpi":"asa_s","this_week":{"from":"2026-03-09T00:00:00Z","to":"2026-03-16T00:00:00Z","value":52.5},"last_week":{"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z","value":21.25},"change":31.25,"usual":{"from":"2026-01-05T00:00:00Z","to":"2026-03-02T00:00:00Z","weeks":8,"mean":21.25,"sd":0},"z":147.06,"flag":"up"}
{"kind":"trend","group":{"channel":"chat"},"kpi":"service_level","this_week":{"from":"2026-03-09T00:00:00Z","to":"2026-03-16T00:00:00Z","value":0.5},"last_week":{"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z","value":0.75},"change":-0.25,"usual":{"from":"2026-01-05T00:00:00Z","to":"2026-03-02T00:00:00Z","weeks":8,"mean":0.75,"sd":0},"z":-33.33,"flag":"down"}
three weeks only
{"this_week":21.25,"usual":1,"flag":null}
two usual weeks
{"usual":2,"flag":null}
--- stderr
--- exit
0
