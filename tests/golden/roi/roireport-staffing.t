# cs-roi report shows the intervals cs-roi staff could not staff ("agents":null)
# instead of dropping them: their reason stands in the Needed column, the
# section counts them by reason and the footer among the staffing records. An
# interval of 400 contacts at 180 s that needs more than --max-agents 20 used to
# vanish: "1 interval; 0 with fewer agents present", one row, and a footer of
# 2 records read but 1 staffing. Windows without handled contacts (no AHT to
# measure) vanished the same way. A record without "agents" at all stays bad.
--- cmd
cs-roi staff --volume 100 --interval 30m --aht 180s --json | jq -c '. + {window:{from:"2026-03-02T09:00:00Z",to:"2026-03-02T09:30:00Z"},group:{channel:"chat"}}' > staff.ndjson
cs-roi staff --volume 400 --interval 30m --aht 180s --max-agents 20 --json 2>/dev/null | jq -c '. + {window:{from:"2026-03-02T09:30:00Z",to:"2026-03-02T10:00:00Z"},group:{channel:"chat"}}' >> staff.ndjson
printf '%s\n' '{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T10:00:00Z","to":"2026-03-02T10:30:00Z"},"group":{"channel":"chat"},"counts":{"contacts":5,"handled":0}}' | cs-roi staff --json 2>/dev/null >> staff.ndjson
cs-roi report --stats --format md staff.ndjson > rep.md; echo "report exit $?"
sed -n '/^## Staffing versus/,/^## Business/p' rep.md | grep -v '^## Business'
grep 'Records read' rep.md
echo '{"kind":"staffing","window":{"from":"2026-03-02T10:00:00Z"},"volume":5}' | cs-roi report --format md >/dev/null; echo "no agents: exit $?"
--- stdout
report exit 0
## Staffing versus actual

3 intervals; 0 with fewer agents present (actual, else rostered) than needed; 2 that cs-roi staff could not staff: needs more agents than --max-agents (1), no handled contacts to measure AHT from (give --aht) (1).

*Staffing by interval*

| Interval | Volume | AHT | Needed | Rostered | Actual | Service level | ASA | Occupancy |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 2026-03-02 09:00 chat | 100 | 180 s | 14 | 20 | n/a | 88.8% | 8 s | 71.4% |
| 2026-03-02 09:30 chat | 400 | 180 s | needs more agents than --max-agents | n/a | n/a | n/a | n/a | n/a |
| 2026-03-02 10:00 chat | 5 | n/a | no handled contacts to measure AHT from (give --aht) | n/a | n/a | n/a | n/a | n/a |

Records read: 3 (0 roi.kpi metrics, 0 signals.trust metrics, 3 staffing of which 2 cs-roi staff could not staff, 0 business cases, 0 alerts); left out: 0 metrics of other types and 0 records of other kinds. KPIs are worked out again from the counts and sums they add up.
no agents: exit 1
--- stderr
cs-roi report: stats: read 3, written 0, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, kpi_metrics 0, trust_metrics 0, staffing 3, staffing_unsolved 2, roi 0, alerts 0, other_metrics 0, other_records 0
cs-roi report: <stdin>:1: a staffing record needs "window":{"from":...} and "agents"
--- exit
0
