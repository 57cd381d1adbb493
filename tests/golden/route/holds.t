# An assignment is held until the conversation ends, then the agent's load
# is released: in a replay, when the clock (each record's "started") passes
# the conversation's "ended"; live, when a later record of the conversation
# has ended. A conversation seen again is not routed again (already with its
# agent, or already waiting); one that ends while waiting leaves the queue.
# Holds persist in --state: a conversation assigned in one run is released
# in the next. A conversation that has ended is not routed again when seen
# again (it used to take an agent afresh): after a record released it (e1),
# after the clock passed its "ended" and released it (p1), and in a later
# --state run (x1); the agent stays free for the next one.
--- cmd
echo '{"id":"g","channels":{"chat":1}}' > agents.ndjson
conv() { printf '{"kind":"conversation","id":"%s","channel":"chat","started":"2026-03-02T02:%s:00Z"%s,"messages":[{"role":"customer","text":"hello"}]}\n' "$1" "$2" "$3"; }
{ conv c1 00 ',"ended":"2026-03-02T02:05:00Z"'; conv c2 01 ',"ended":"2026-03-02T02:10:00Z"'; conv c3 06; } |
  cs-route --agents agents.ndjson | jq -c '[.kind, .id // .conversation_id, .route.status, .route.agent, .route.reasons[-1]]'
{ conv l1 00; conv l2 01; conv l2 02 ',"ended":"2026-03-02T02:02:00Z"'; conv l1 03; conv l1 04 ',"ended":"2026-03-02T02:04:00Z"'; conv l3 05; } |
  cs-route -q --agents agents.ndjson | jq -c '[.kind, .id // .conversation_id, .route.status, .route.agent, .route.reasons[-1]]'
conv s1 00 | cs-route -q --agents agents.ndjson --state s.db | jq -c '[.id, .route.status, .route.agent]'
conv s1 09 ',"ended":"2026-03-02T02:09:00Z"' | cs-route -q --state s.db | jq -c '[.id, .route.status, .route.agent]'
conv s2 10 | cs-route -q --state s.db | jq -c '[.id, .route.status, .route.agent]'
{ conv e1 00; conv e1 01 ',"ended":"2026-03-02T02:04:00Z"'; conv e1 02 ',"ended":"2026-03-02T02:04:00Z"'; conv e2 03; } |
  cs-route -q --agents agents.ndjson | jq -c '[.id, .route.status, .route.agent, .route.reasons[-1]]'
{ conv p1 00 ',"ended":"2026-03-02T02:01:00Z"'; conv p1 02 ',"ended":"2026-03-02T02:01:00Z"'; conv p2 03; } |
  cs-route -q --agents agents.ndjson | jq -c '[.id, .route.status, .route.agent, .route.reasons[-1]]'
conv x1 00 | cs-route -q --agents agents.ndjson --state x.db | jq -c '[.id, .route.status, .route.agent]'
conv x1 01 ',"ended":"2026-03-02T02:09:00Z"' | cs-route -q --state x.db | jq -c '[.id, .route.status, .route.agent]'
conv x1 02 ',"ended":"2026-03-02T02:09:00Z"' | cs-route -q --state x.db | jq -c '[.id, .route.status, .route.agent, .route.reasons[-1]]'
conv x2 03 | cs-route -q --state x.db | jq -c '[.id, .route.status, .route.agent]'
--- stdout
["conversation","c1","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["conversation","c2","queued",null,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["route_update","c2","assigned","g","queue general: agent g is free now (longest_idle)"]
["conversation","c3","queued",null,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["conversation","l1","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["conversation","l2","queued",null,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["conversation","l2","abandoned",null,"the conversation ended while it waited: out of the queue"]
["conversation","l1","assigned","g","already with agent g: not routed again"]
["conversation","l1","released","g","the conversation has ended: agent g released"]
["conversation","l3","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["s1","assigned","g"]
["s1","released","g"]
["s2","assigned","g"]
["e1","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["e1","released","g","the conversation has ended: agent g released"]
["e1","released","g","the conversation has ended already: not routed again"]
["e2","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["p1","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["p1","released","g","the conversation has ended already: not routed again"]
["p2","assigned","g","target 1, queue general: agent g (longest_idle, chat costs 1)"]
["x1","assigned","g"]
["x1","released","g"]
["x1","released","g","the conversation has ended already: not routed again"]
["x2","assigned","g"]
--- stderr
cs-route: 1 conversation still waiting for an agent
--- exit
0
