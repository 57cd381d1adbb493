# A waiting conversation leaves its queue (abandoned) when the clock passes
# its "ended", as when a later record of it has ended: a route_update says
# so (no record of it is there to carry the status), it is remembered as
# ended, and --state keeps it out. It used to stay queued until the end:
# c1 (00:01 to 00:02) was given agent a1 at 01:00, 58 minutes after it
# ended, and c2, live, waited behind it for the rest of the run.
# Time moves with the records: a record that moves the clock brings what
# fell due since, time by time, earliest first; at each, the holds that
# ended are released, the waiting conversations that ended leave (by end,
# then arrival), those due widen, then the agents free go to the rest. So
# an end at the very time an agent frees (e1 ends at 00:05 as e0 does) is
# an abandon, and e2 gets the agent. An agent freed between two records
# goes to a conversation still waiting then: f1 (00:01 to 00:30) gets a1
# when f0 ends at 00:05, and w1 gets it before its timeout widens it at
# 00:11; both were left for the next record (01:00, 00:30), which found f1
# ended (abandoned) and w1 widened to overflow. A wait that ends, one a minute, five
# minutes after it starts, in a queue nobody serves, keeps the backlog at
# five (it grew with every conversation: 144,000 waiting after 100 days).
# A run split in two over --state gives what one run does.
--- cmd
echo '{"version":1,"default_targets":[{"queue":"general"}]}' > pol.json
echo '{"version":1,"default_targets":[{"queue":"overnight"}]}' > night.json
echo '{"id":"a1","queues":["general"],"channels":{"chat":1}}' > agents.ndjson
conv() { printf '{"kind":"conversation","id":"%s","channel":"chat","customer":{"id":"u-%s"},"started":"2026-03-02T%s:00Z"%s,"messages":[{"role":"customer","text":"hello"}]}\n' "$1" "$1" "$2" "${3:+,\"ended\":\"2026-03-02T$3:00Z\"}"; }
show() { jq -c '[.kind, .id // .conversation_id, .customer.id, .route.status, .route.agent, .route.queue, .route.position, .route.reasons[-1]]'; }
echo '-- the wrong assignment'
{ conv c0 00:00 00:05; conv c1 00:01 00:02; conv c2 01:00 01:05; conv c1 01:01 00:02; } > replay.ndjson
cs-route -p pol.json --agents agents.ndjson --stats replay.ndjson 2> stats | show
grep -o 'routed [0-9]*\|queued [0-9]*\|route_updates [0-9]*' stats | paste -s -d ' '
echo '-- ends at the tick an agent frees'
{ conv e0 00:00 00:05; conv e1 00:01 00:05; conv e2 00:05; } | cs-route -q -p pol.json --agents agents.ndjson | show
echo '-- two ends passed at one tick: by end, then arrival'
{ conv t0 00:00; conv t1 00:01 00:09; conv t2 00:02 00:04; conv t3 00:03 00:04; conv t4 00:10; } |
  cs-route -q -p pol.json --agents agents.ndjson | show
echo '-- an agent freed between two records'
{ conv f0 00:00 00:05; conv f1 00:01 00:30; conv f2 00:02 00:03; conv f3 01:00; } > gap.ndjson
cs-route -q -p pol.json --agents agents.ndjson gap.ndjson | show
echo '-- freed before the wait widens'
echo '{"version":1,"default_targets":[{"queue":"general","timeout":600},{"queue":"overflow"}]}' > wide.json
{ cat agents.ndjson; echo '{"id":"b1","queues":["overflow"],"channels":{"chat":1}}'; } > agents2.ndjson
{ conv b0 00:00 00:05; conv w1 00:01 00:40; conv w2 00:30; } | cs-route -q -p wide.json --agents agents2.ndjson | show
echo '-- the same split in two over --state'
head -3 gap.ndjson | cs-route -q -p pol.json --agents agents.ndjson --state g.db | show
sed 1,3d gap.ndjson | cs-route -q -p pol.json --state g.db | show
echo '-- the backlog stays bounded'
for m in 0 1 2 3 4 5 6 7 8 9 10 11; do conv "g$m" "00:$(printf %02d $m)" "00:$(printf %02d $((m + 5)))"; done > growth.ndjson
cs-route -p night.json --agents agents.ndjson growth.ndjson | jq -c '[.kind, .id // .conversation_id, .route.status, .route.position]' | tail -6
echo '-- --state: a run split in two'
head -2 replay.ndjson | cs-route -p pol.json --agents agents.ndjson --state s.db | show
cs-route --check -p pol.json --state s.db | tail -1
sed 1,2d replay.ndjson | cs-route -p pol.json --state s.db | show
cs-route --check -p pol.json --state s.db | tail -1
--- stdout
-- the wrong assignment
["conversation","c0","u-c0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","c1","u-c1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["route_update","c1","u-c1","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["conversation","c2","u-c2","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","c1","u-c1","abandoned",null,"general",null,"the conversation has ended already: not routed again"]
routed 4 queued 1 route_updates 1
-- ends at the tick an agent frees
["conversation","e0","u-e0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","e1","u-e1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["route_update","e1","u-e1","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["conversation","e2","u-e2","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
-- two ends passed at one tick: by end, then arrival
["conversation","t0","u-t0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","t1","u-t1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["conversation","t2","u-t2","queued",null,"general",2,"target 1, queue general: waiting at place 2, no agent free in general: 1 channel full"]
["conversation","t3","u-t3","queued",null,"general",3,"target 1, queue general: waiting at place 3, no agent free in general: 1 channel full"]
["route_update","t2","u-t2","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["route_update","t3","u-t3","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["route_update","t1","u-t1","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["conversation","t4","u-t4","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
-- an agent freed between two records
["conversation","f0","u-f0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","f1","u-f1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["conversation","f2","u-f2","queued",null,"general",2,"target 1, queue general: waiting at place 2, no agent free in general: 1 channel full"]
["route_update","f2","u-f2","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["route_update","f1","u-f1","assigned","a1","general",null,"queue general: agent a1 is free now (longest_idle)"]
["conversation","f3","u-f3","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
-- freed before the wait widens
["conversation","b0","u-b0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","w1","u-w1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["route_update","w1","u-w1","assigned","a1","general",null,"queue general: agent a1 is free now (longest_idle)"]
["conversation","w2","u-w2","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
-- the same split in two over --state
["conversation","f0","u-f0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","f1","u-f1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
["conversation","f2","u-f2","queued",null,"general",2,"target 1, queue general: waiting at place 2, no agent free in general: 1 channel full"]
["route_update","f2","u-f2","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["route_update","f1","u-f1","assigned","a1","general",null,"queue general: agent a1 is free now (longest_idle)"]
["conversation","f3","u-f3","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
-- the backlog stays bounded
["route_update","g4","abandoned",null]
["conversation","g9","queued",5]
["route_update","g5","abandoned",null]
["conversation","g10","queued",5]
["route_update","g6","abandoned",null]
["conversation","g11","queued",5]
-- --state: a run split in two
["conversation","c0","u-c0","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","c1","u-c1","queued",null,"general",1,"target 1, queue general: waiting at place 1, no agent free in general: 1 channel full"]
agents: 1 (1 available), 1 conversation waiting
["route_update","c1","u-c1","abandoned",null,"general",null,"the conversation ended while it waited: out of the queue"]
["conversation","c2","u-c2","assigned","a1","general",null,"target 1, queue general: agent a1 (longest_idle, chat costs 1)"]
["conversation","c1","u-c1","abandoned",null,"general",null,"the conversation has ended already: not routed again"]
agents: 1 (1 available), 0 conversations waiting
--- stderr
cs-route: 5 conversations still waiting for an agent
cs-route: 1 conversation still waiting for an agent (kept in the state)
--- exit
0
