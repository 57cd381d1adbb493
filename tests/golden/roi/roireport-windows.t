# cs-roi report makes each window's figures of its own records: the ungrouped
# ones when that window has any, else the first grouping seen in it. Four chats
# on 2026-03-02 to 03-05, the first day's also counted by a run without --by,
# then all four by --by channel: the period line, "At a glance" and "KPI
# trends" covered 1 day and 1 contact while the channel mix showed 4, and the
# footer said nothing was left out. Now all say 4 days and 4 contacts, and a
# --by channel,agent run beside them adds nothing (each contact counted once).
--- cmd
for d in 02 03 04 05; do printf '{"kind":"conversation","id":"c%s","channel":"chat","assignee":"a%s","customer":{"id":"u%s"},"started":"2026-03-%sT10:00:00Z","messages":[{"role":"customer","ts":"2026-03-%sT10:00:00Z","text":"hi"},{"role":"agent","ts":"2026-03-%sT10:00:10Z","text":"ok"}],"csat":5}\n' $d $d $d $d $d $d; done > mar.ndjson
{ head -1 mar.ndjson | cs-roi kpi; cs-roi kpi --by channel mar.ndjson; } > hist.ndjson
cs-roi report --format md hist.ndjson | grep -E 'of metrics|^\| Contacts|^\| chat|^\| 2026|Records read'
echo "and --by channel,agent:"
cs-roi kpi --by channel,agent mar.ndjson >> hist.ndjson
cs-roi report --format md hist.ndjson | grep -E 'of metrics|^\| Contacts|^\| chat'
--- stdout
2026-03-02 to 2026-03-05: 4 days of metrics.
| Contacts | 4 |
| 2026-03-02 | 1 | 100.0% | 100.0% | 0 s | 100.0% |
| 2026-03-03 | 1 | 100.0% | 100.0% | 0 s | 100.0% |
| 2026-03-04 | 1 | 100.0% | 100.0% | 0 s | 100.0% |
| 2026-03-05 | 1 | 100.0% | 100.0% | 0 s | 100.0% |
| chat | 4 | 100.0% | 100.0% | 100.0% | 0 s |
Records read: 5 (5 roi.kpi metrics, 0 signals.trust metrics, 0 staffing, 0 business cases, 0 alerts); left out: 0 metrics of other types and 0 records of other kinds. KPIs are worked out again from the counts and sums they add up.
and --by channel,agent:
2026-03-02 to 2026-03-05: 4 days of metrics.
| Contacts | 4 |
| chat | 4 | 100.0% | 100.0% | 100.0% | 0 s |
--- stderr
--- exit
0
