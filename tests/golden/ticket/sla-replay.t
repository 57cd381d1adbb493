# An audit log replayed after newer conversations keeps its own times, and
# the SLA clock agrees with the ticket table on the status: the table folds
# the events in the order they were applied, so a "pending" dated 10:00 but
# applied after the 11:00 reply's new->open leaves the ticket pending, and
# resolution is paused from 10:00 on (1h counted, no due time, listed by
# --sla paused, no resolution alert at 20:00); read at 09:30 it still runs.
# A status dated before the ticket's creation, applied after it, is the
# status from its creation on: resolution is paused from it, nothing counted.
--- cmd
cat > p.json <<'EOF2'
{"policies":[{"name":"p","targets":{"normal":{"first_response":"1h","resolution":"10h"}}}]}
EOF2
echo '{"kind":"conversation","id":"o2","ticket_id":"T-o","messages":[{"id":"a","ts":"2026-03-02T09:00:00Z","role":"customer","text":"q"},{"id":"b","ts":"2026-03-02T11:00:00Z","role":"agent","text":"r"}]}' | cs-ticket --db t.db >/dev/null
echo '{"kind":"ticket_update","ticket":"T-o","ts":"2026-03-02T10:00:00Z","status":"pending"}' | cs-ticket --db t.db >/dev/null
cs-ticket history --db t.db T-o | jq -c 'select(.action == "status") | [.seq, .ts, .old, .new]'
cs-ticket show --db t.db --policy p.json --now 2026-03-02T12:00:00Z T-o | jq -c '[.status, .sla.resolution]'
cs-ticket show --db t.db --policy p.json --now 2026-03-02T09:30:00Z T-o | jq -c '.sla.resolution'
cs-ticket list --db t.db --policy p.json --now 2026-03-02T12:00:00Z --sla paused | jq -r .id
cs-ticket sla --db t.db --policy p.json --now 2026-03-02T20:00:00Z | jq -c '[.ticket, .type, .metric, .elapsed_s]'
cs-ticket create --db t.db --subject x --id E --at 2026-03-02T09:00:00Z >/dev/null
echo '{"kind":"ticket_update","ticket":"E","ts":"2026-03-02T08:00:00Z","status":"pending"}' | cs-ticket --db t.db >/dev/null
cs-ticket show --db t.db --policy p.json --now 2026-03-02T12:00:00Z E | jq -c '[.status, .sla.resolution]'
--- stdout
[4,"2026-03-02T11:00:00Z","new","open"]
[5,"2026-03-02T10:00:00Z","open","pending"]
["pending",{"state":"paused","target_s":36000,"elapsed_s":3600}]
{"state":"active","target_s":36000,"elapsed_s":1800,"due":"2026-03-02T19:00:00Z"}
T-o
["T-o","ticket.sla_breach","first_response",7200]
["pending",{"state":"paused","target_s":36000,"elapsed_s":0}]
--- stderr
--- exit
0
