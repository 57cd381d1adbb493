# A nightly cs-ticket sla run still raises the breach of a next_response
# cycle that was missed and ended between two runs: the customer wrote at
# 09:00, 10:00 and 12:00 and the agent answered at 09:30, 11:30 (late: 1h30m
# of a 1h target) and 12:20, so at 17:00 the ticket's own next_response is
# met and only its misses count showed the late reply. The breach is raised
# once, with the missed cycle's start as its id and its own elapsed time;
# a second run raises nothing new, and the policy's escalation applies.
--- cmd
cat > sla.json <<'POL'
{"calendars": {"biz": {"timezone": "UTC", "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]],
   "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}},
 "policies": [{"name": "standard", "calendar": "biz",
   "targets": {"normal": {"first_response": "1h", "next_response": "1h", "resolution": "3d"}},
   "escalate": [{"metric": "next_response", "on": "breach", "group": "senior"}]}]}
POL
msg() { printf '{"id":"%s","ts":"2026-03-02T%s:00Z","role":"%s","text":"x"}' "$1" "$2" "$3"; }
printf '{"kind":"conversation","id":"n","ticket_id":"n","messages":[%s]}\n' \
  "$(msg n1 09:00 customer),$(msg n2 09:30 agent),$(msg n3 10:00 customer),$(msg n4 11:30 agent),$(msg n5 12:00 customer),$(msg n6 12:20 agent)" |
  cs-ticket --db t.db --policy sla.json --now 2026-03-02T17:00:00Z | jq -c '.ticket.sla.next_response'
cs-ticket sla --db t.db --policy sla.json --now 2026-03-02T16:59:00Z | jq -c '[.id, .type, .elapsed_s, .target_s, .reason]'
echo "-- again"
cs-ticket sla --db t.db --policy sla.json --now 2026-03-02T16:59:30Z | jq -c '[.id, .type]'
cs-ticket show --db t.db n | jq -c '[.group]'
--- stdout
{"state":"met","target_s":3600,"elapsed_s":1200,"misses":1}
["n:next_response:breach:1772445600000","ticket.sla_breach",5400,3600,"next_response missed its target: 5400 of 3600 business seconds used"]
-- again
["senior"]
--- stderr
--- exit
0
