# Assignment with --agents: a ticket with a group and no assignee gets an
# available agent of its group (by "groups", cs-route's "queues", or a
# skill above 0), not one away or at capacity (open tickets held). Round
# robin keeps its turn in the store, so the next run goes on where the last
# stopped; least loaded takes the agent with the fewest open tickets, the
# first listed on a tie. A ticket without a group, or with no agent
# available, stays unassigned. `assign` names the agent or, with --agents,
# lets the mode choose.
--- cmd
cat > agents.ndjson <<'IN'
# the billing team
{"id":"a1","groups":["billing"],"status":"available"}
{"id":"a2","skills":{"billing":4,"orders":0},"status":"available"}
{"id":"a3","queues":["billing","orders"],"status":"away"}
{"id":"a4","groups":["billing"],"capacity":1}
IN
conv() {
	echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"group\":\"$2\",\"messages\":[{\"id\":\"m\",\"ts\":\"2026-03-02T09:00:0$3Z\",\"role\":\"customer\"}]}"
}
{ conv c1 billing 1; conv c2 billing 2; conv c3 billing 3; } | cs-ticket --db rr.db --agents agents.ndjson | jq -r '"\(.id) \(.ticket.assignee)"'
{ conv c4 billing 4; conv c5 billing 5; conv c6 orders 6; echo '{"kind":"conversation","id":"c7","messages":[]}'; } | cs-ticket --db rr.db --agents agents.ndjson --assign round_robin | jq -r '"\(.id) \(.ticket.assignee)"'
sqlite3 rr.db 'SELECT * FROM turn'
T1=$(cs-ticket list --db rr.db --assignee a1 | jq -r .id | head -1)
echo "{\"kind\":\"ticket_update\",\"ticket\":\"$T1\",\"ts\":\"2026-03-02T10:00:00Z\",\"status\":\"solved\"}" | cs-ticket --db rr.db >/dev/null
for c in c8 c9; do conv $c billing 8; done | cs-ticket --db rr.db --agents agents.ndjson --assign least_loaded | jq -r '"\(.id) \(.ticket.assignee)"'
cs-ticket list --db rr.db --status new | jq -r .assignee | sort | uniq -c | awk '{print $2, $1}'
echo "{\"kind\":\"ticket_update\",\"ticket\":\"$T1\",\"ts\":\"2026-03-02T11:00:00Z\",\"status\":\"open\",\"assignee\":null}" | cs-ticket --db rr.db --agents agents.ndjson --assign least_loaded | jq -c '.ticket.assignee'
cs-ticket create --db rr.db --id T-9 --subject "Card declined" --group billing --at 2026-03-02T12:00:00Z | jq -c .assignee
cs-ticket assign --db rr.db T-9 --agents agents.ndjson --assign least_loaded --at 2026-03-02T12:01:00Z | jq -c .assignee
cs-ticket assign --db rr.db T-9 a3 --actor lead --at 2026-03-02T12:02:00Z | jq -c .assignee
cs-ticket history --db rr.db T-9 | jq -c '[.actor, .action, .old, .new]'
--- stdout
c1 a1
c2 a2
c3 a4
c4 a1
c5 a2
c6 null
c7 null
billing|a2
c8 a1
c9 a1
a1 3
a2 2
a4 1
null 2
"a2"
null
"a1"
"a3"
["cs-ticket","created",null,null]
["cs-ticket","assignee",null,"a1"]
["lead","assignee","a1","a3"]
--- stderr
--- exit
0
