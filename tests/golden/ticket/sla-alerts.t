# cs-ticket sla, as cron runs it: a warning when 80% of a target is used, a
# breach when it is missed, each raised once a ticket, metric and cycle
# across runs (two runs at once raise it once too); nothing while the
# calendar is closed; the policy's escalation (a VIP's missed first
# response: urgent, group senior) applied once, by the actor sla.
--- cmd
cat > sla.json <<'POL'
{"calendars": {"biz": {"timezone": "UTC", "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]],
   "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}},
 "policies": [
  {"name": "vip", "when": {"tier": ["gold"]}, "calendar": "biz",
   "targets": {"normal": {"first_response": "1h", "resolution": "8h"}, "urgent": {"first_response": "15m", "resolution": "2h"}},
   "escalate": [{"metric": "first_response", "on": "breach", "priority": "urgent", "group": "senior"}]},
  {"name": "standard", "calendar": "biz", "targets": {"normal": {"first_response": "2h", "resolution": "1d"}}}]}
POL
cat > in.ndjson <<'IN'
{"kind":"conversation","id":"e","ticket_id":"e","customer":{"id":"cust-1","tier":"gold"},"messages":[{"id":"e1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"hello?"}]}
{"kind":"conversation","id":"f","ticket_id":"f","customer":{"id":"cust-2"},"messages":[{"id":"f1","ts":"2026-03-02T16:50:00Z","role":"customer","text":"late question"}]}
IN
cs-ticket --db t.db in.ndjson > /dev/null
run() { cs-ticket sla --db t.db --policy sla.json --now "$1" | jq -c '[.ticket, .type, .metric, .elapsed_s]'; echo "-- $1"; }
run 2026-03-02T09:50:00Z
run 2026-03-02T09:55:00Z
run 2026-03-02T10:05:00Z
run 2026-03-02T10:10:00Z
cs-ticket show --db t.db e | jq -c '[.priority, .group]'
run 2026-03-02T20:00:00Z
cs-ticket sla --db t.db --policy sla.json --now 2026-03-03T10:40:00Z > a1.ndjson &
cs-ticket sla --db t.db --policy sla.json --now 2026-03-03T10:40:00Z > a2.ndjson &
wait
cat a1.ndjson a2.ndjson | jq -c '[.ticket, .type, .metric]' | sort
cs-ticket history --db t.db e | jq -c 'select(.actor == "sla") | [.action, .old, .new]'
--- stdout
["e","ticket.sla_warning","first_response",3000]
-- 2026-03-02T09:50:00Z
-- 2026-03-02T09:55:00Z
["e","ticket.sla_breach","first_response",3900]
-- 2026-03-02T10:05:00Z
-- 2026-03-02T10:10:00Z
["urgent","senior"]
-- 2026-03-02T20:00:00Z
["e","ticket.sla_breach","resolution"]
["f","ticket.sla_warning","first_response"]
["sla_alert",null,"first_response:warning"]
["sla_alert",null,"first_response:breach"]
["priority","normal","urgent"]
["group",null,"senior"]
["sla_alert",null,"resolution:breach"]
--- stderr
--- exit
0
