# cs-roi model takes one grouping of each window's metrics records, so a file
# holding several cs-roi kpi runs counts each contact once: the records grouped
# by the measured group's keys alone (no group: the ungrouped ones) when the
# window has them, else the first grouping seen in it, as cs-roi report does.
# Four chats in February 2026 with --by channel and --by channel,agent in one
# file used to measure 8 records and 8 x 30.4375 / 28 = 8.6964 contacts a month
# for group chat, twice the 4.3482 the report's 4 contacts make. Without a
# group, a day with an ungrouped record takes it and the other days their
# channel records: 4 contacts, where all 5 records were added before.
--- cmd
for i in 1 2 3 4; do printf '{"kind":"conversation","id":"c%s","channel":"chat","assignee":"a%s","customer":{"id":"u%s"},"started":"2026-02-0%sT10:00:00Z","messages":[{"role":"customer","ts":"2026-02-0%sT10:00:00Z","text":"hi"},{"role":"agent","ts":"2026-02-0%sT10:00:10Z","text":"ok"}]}\n' $i $i $i $i $i $i; done > feb.ndjson
{ cs-roi kpi --by channel,agent feb.ndjson; cs-roi kpi --by channel feb.ndjson; } > metrics.ndjson
cat > model.json <<'IN'
{"version":1,"horizon_years":1,"costs":[{"id":"licence","yearly":1000}],
 "drivers":[{"id":"deflect","basis":"contacts","cost_per_contact":5,
   "contacts_per_month":{"metric":"contacts","period":"2026-02-01T00:00:00Z/2026-03-01T00:00:00Z","group":{"channel":"chat"}}}]}
IN
cs-roi model model.json metrics.ndjson | jq -c '.drivers[0].inputs.contacts_per_month.period'
cs-roi kpi --by channel,agent feb.ndjson | cs-roi model model.json | jq -c '.drivers[0].inputs.contacts_per_month.period'
cs-roi report --format md metrics.ndjson | grep '^| Contacts'
sed 's/,"group":{"channel":"chat"}//' model.json > nogroup.json
{ head -1 feb.ndjson | cs-roi kpi; cs-roi kpi --by channel feb.ndjson; } > mixed.ndjson
cs-roi model --stats nogroup.json mixed.ndjson | jq -c '.drivers[0].inputs.contacts_per_month.period'
--- stdout
{"period":"2026-02-01T00:00:00Z/2026-03-01T00:00:00Z","value":4.3482,"records":4}
{"period":"2026-02-01T00:00:00Z/2026-03-01T00:00:00Z","value":4.3482,"records":4}
| Contacts | 4 |
{"period":"2026-02-01T00:00:00Z/2026-03-01T00:00:00Z","value":4.3482,"records":4}
--- stderr
cs-roi model: 4 metrics records left out: another grouping of the same window is counted
cs-roi model: 1 metrics record left out: another grouping of the same window is counted
cs-roi model: stats: read 5, written 1, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, metrics_used 4, records_left_out 1
--- exit
0
