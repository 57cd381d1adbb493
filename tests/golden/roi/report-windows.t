# cs-roi report names the windows the roi.kpi records carry: hours, windows
# of N minutes, weeks and months are not called days in the period line,
# the captions, the table heads or the chart titles; records of different
# lengths are windows. (Every window was a "day": two hours were "2 days of
# metrics", a week "1 day".)
# Windows are named on the --tz clock, the one cs-roi kpi made them on: the
# Shanghai days that start at 16:00 UTC are 2026-03-02 and 2026-03-03 with
# --tz Asia/Shanghai (the report's --tz did nothing: they were
# "2026-03-01 16:00" and "2026-03-02 16:00"), and the hour New York's clock
# shows twice is named with its offset. Without --tz the clock is UTC.
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
cat >sh.ndjson <<'END'
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u1"},"started":"2026-03-02T09:00:00+08:00","handle_s":60}
{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"u2"},"started":"2026-03-03T09:00:00+08:00","handle_s":120}
END
cs-roi kpi --tz Asia/Shanghai sh.ndjson >shk.ndjson
echo "Shanghai days, --tz Asia/Shanghai:"; cs-roi report --tz Asia/Shanghai --format md shk.ndjson | grep -E 'of metrics|^\| 2026'
echo "Shanghai days, no --tz:"; cs-roi report --format md shk.ndjson | grep -E 'of metrics|^\| 2026'
cat >ny.ndjson <<'END'
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u1"},"started":"2026-11-01T05:30:00Z","handle_s":60}
{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"u2"},"started":"2026-11-01T06:30:00Z","handle_s":60}
{"kind":"conversation","id":"c3","channel":"chat","customer":{"id":"u3"},"started":"2026-11-01T07:30:00Z","handle_s":60}
END
echo "New York hours, --tz America/New_York:"
cs-roi kpi --tz America/New_York --window 1h ny.ndjson | cs-roi report --tz America/New_York --format md | grep -E 'of metrics|^\| 2026'
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
Shanghai days, --tz Asia/Shanghai:
2026-03-02 to 2026-03-03: 2 days of metrics.
| 2026-03-02 | 1 | n/a | 100.0% | n/a | n/a |
| 2026-03-03 | 1 | n/a | 100.0% | n/a | n/a |
Shanghai days, no --tz:
2026-03-01 16:00 to 2026-03-02 16:00: 2 days of metrics.
| 2026-03-01 16:00 | 1 | n/a | 100.0% | n/a | n/a |
| 2026-03-02 16:00 | 1 | n/a | 100.0% | n/a | n/a |
New York hours, --tz America/New_York:
2026-11-01 01:00-04:00 to 2026-11-01 02:00: 3 hours of metrics.
| 2026-11-01 01:00-04:00 | 1 | n/a | 100.0% | n/a | n/a |
| 2026-11-01 01:00-05:00 | 1 | n/a | 100.0% | n/a | n/a |
| 2026-11-01 02:00 | 1 | n/a | 100.0% | n/a | n/a |
--- stderr
--- exit
0
