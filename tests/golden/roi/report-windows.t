# cs-roi report names the windows the roi.kpi records carry: hours, windows
# of N minutes, weeks and months are not called days in the period line,
# the captions, the table heads or the chart titles; records of different
# lengths are windows. (Every window was a "day": two hours were "2 days of
# metrics", a week "1 day".)
--- cmd
cat >in.ndjson <<'END'
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u1"},"started":"2026-03-02T10:00:00Z","ended":"2026-03-02T10:05:10Z","messages":[{"role":"customer","ts":"2026-03-02T10:00:00Z","text":"hi"},{"role":"agent","ts":"2026-03-02T10:00:10Z","text":"hello"}]}
{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"u2"},"started":"2026-03-02T11:00:00Z","ended":"2026-03-02T11:10:30Z","messages":[{"role":"customer","ts":"2026-03-02T11:00:00Z","text":"hi"},{"role":"agent","ts":"2026-03-02T11:00:30Z","text":"hello"}]}
END
show() { cs-roi report --format md | grep -E 'of metrics|by [a-z0-9-]* ?[a-z]*\*$|^\| (Day|Hour|Week|Month|Window) '; }
for w in 1h 15m 2h day week month; do echo "--window $w:"; cs-roi kpi --window $w in.ndjson | show; done
echo "hours and a day:"; { cs-roi kpi --window 1h in.ndjson; cs-roi kpi in.ndjson; } | show
echo "chart titles, --window 1h:"
cs-roi kpi --window 1h in.ndjson | cs-roi report | grep -o '<figcaption[^>]*>[^<]*' | sed 's/.*>//'
--- stdout
--window 1h:
2026-03-02 10:00 to 2026-03-02 11:00: 2 hours of metrics.
*KPIs by hour*
| Hour | Contacts | CSAT | FCR | AHT | Service level |
--window 15m:
2026-03-02 10:00 to 2026-03-02 11:00: 2 windows of metrics, 15 minutes each.
*KPIs by 15-minute window*
| Window | Contacts | CSAT | FCR | AHT | Service level |
--window 2h:
2026-03-02 10:00 to 2026-03-02 10:00: 1 window of metrics, 2 hours long.
*KPIs by 2-hour window*
| Window | Contacts | CSAT | FCR | AHT | Service level |
--window day:
2026-03-02 to 2026-03-02: 1 day of metrics.
*KPIs by day*
| Day | Contacts | CSAT | FCR | AHT | Service level |
--window week:
2026-03-02 to 2026-03-02: 1 week of metrics.
*KPIs by week*
| Week | Contacts | CSAT | FCR | AHT | Service level |
--window month:
2026-03-01 to 2026-03-01: 1 month of metrics.
*KPIs by month*
| Month | Contacts | CSAT | FCR | AHT | Service level |
hours and a day:
2026-03-02 to 2026-03-02 11:00: 3 windows of metrics.
*KPIs by window*
| Window | Contacts | CSAT | FCR | AHT | Service level |
chart titles, --window 1h:
First contact resolution by hour
Average handle time by hour
Service level by hour
--- stderr
--- exit
0
