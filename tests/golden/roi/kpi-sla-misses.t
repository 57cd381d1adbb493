# SLA attainment counts every decided cycle cs-ticket reports. A ticket whose
# next reply was late once (16200 s of a 7200 s target, misses 1, raised as a
# ticket.sla_breach by cs-ticket sla) and then on time counted sla_targets 2,
# sla_met 2, attainment 1: the missed cycle in "misses" was left out. Now each
# miss is a target not met: 3 targets, 2 met. A "misses" that is not a whole
# number of cycles makes the conversation a bad record.
--- cmd
cat >in.ndjson <<'JSON'
{"kind":"conversation","id":"c1","ticket_id":"S","customer":{"id":"k"},"priority":"high","started":"2026-03-02T09:00:00+08:00","messages":[{"id":"m1","ts":"2026-03-02T09:00:00+08:00","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T09:10:00+08:00","role":"agent","text":"hello"},{"id":"m3","ts":"2026-03-02T09:30:00+08:00","role":"customer","text":"more"},{"id":"m4","ts":"2026-03-02T15:00:00+08:00","role":"agent","text":"late"},{"id":"m5","ts":"2026-03-02T15:10:00+08:00","role":"customer","text":"ok"},{"id":"m6","ts":"2026-03-02T15:20:00+08:00","role":"agent","text":"quick"}]}
JSON
cs-ticket --db t.db --policy "$REPO/examples/sla-policy.json" --now 2026-03-02T16:00:00+08:00 -o out.ndjson in.ndjson
jq -c '.ticket.sla | [.first_response.state, .next_response.state, .next_response.misses]' out.ndjson
cs-ticket sla --db t.db --policy "$REPO/examples/sla-policy.json" --now 2026-03-02T16:00:00+08:00 | jq -c '[.type, .metric, .elapsed_s]'
cs-roi kpi out.ndjson | jq -c '[.counts.sla_targets, .counts.sla_met, .kpi.sla_attainment]'
for m in 0 '"1"' 1.5 -1; do jq -c ".ticket.sla.next_response.misses = $m" out.ndjson; done > odd.ndjson
cs-roi kpi --skip-bad odd.ndjson | jq -c '[.counts.contacts, .counts.sla_targets, .counts.sla_met]'
--- stdout
["met","met",1]
["ticket.sla_breach","next_response",16200]
[3,2,0.6667]
[1,2,2]
--- stderr
cs-roi kpi: odd.ndjson:2: "misses" in "ticket.sla" must be a whole number of cycles
cs-roi kpi: odd.ndjson:3: "misses" in "ticket.sla" must be a whole number of cycles
cs-roi kpi: odd.ndjson:4: "misses" in "ticket.sla" must be a whole number of cycles
cs-roi kpi: 3 bad records left out
--- exit
0
