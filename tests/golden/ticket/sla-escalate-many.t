# Every escalation rule that matches an alert applies, in order, however many
# the policy has: the 9th rule (priority urgent) was dropped without a word
# after the first 8 (the group still ends as the 8th's).
--- cmd
cat > esc.json <<'IN'
{"policies": [{"name": "p",
  "targets": {"normal": {"first_response": "1h"}, "urgent": {"first_response": "1h"}},
  "escalate": [{"metric": "first_response", "group": "tier1"},
               {"metric": "first_response", "group": "tier2"},
               {"metric": "first_response", "group": "tier3"},
               {"metric": "first_response", "group": "tier4"},
               {"metric": "first_response", "group": "tier5"},
               {"metric": "first_response", "group": "tier6"},
               {"metric": "first_response", "group": "tier7"},
               {"metric": "first_response", "group": "senior"},
               {"metric": "first_response", "priority": "urgent"},
               {"metric": "first_response", "assignee": "ana"}]}]}
IN
echo '{"kind":"conversation","id":"c1","ticket_id":"T-1","channel":"chat","customer":{"id":"u1"},"messages":[{"id":"m1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"hello"}]}' |
  cs-ticket --db esc.db --policy esc.json --now 2026-03-02T09:01:00Z >/dev/null; echo "exit $?"
cs-ticket sla --db esc.db --policy esc.json --now 2026-03-02T11:00:00Z | jq -c '[.type, .metric]'
cs-ticket show --db esc.db T-1 | jq -c '{priority, group, assignee}'
--- stdout
exit 0
["ticket.sla_breach","first_response"]
{"priority":"urgent","group":"senior","assignee":"ana"}
--- stderr
--- exit
0
