# Without --policy, share/route/default.json: VIPs and high tiers try the
# senior queue first (skipped when nobody there is free) at priority 5;
# everyone else goes to general; no bot intents. A conversation without a
# channel is on "other", which no agent here works.
--- cmd
printf '{"id":"s1","channels":{"chat":1},"queues":["senior"],"load":{"chat":1}}\n{"id":"g1","channels":{"chat":5},"queues":["general"]}\n' > agents.ndjson
cs-route --agents agents.ndjson | jq -c '[.id, .route.filter, .route.queue, .route.priority, .route.agent, .route.reasons[-2:]]'
--- stdin
{"kind":"conversation","id":"vip","channel":"chat","customer":{"vip":true},"messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"gold","channel":"chat","customer":{"tier":"gold"},"messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"plain","customer":{"tier":"basic"},"messages":[{"role":"customer","text":"hello"}]}
--- stdout
["vip","vip","general",5,"g1",["target 1, queue senior skipped: no agent free in senior: 1 channel full","target 2, queue general: agent g1 (longest_idle, chat costs 1)"]]
["gold","vip","general",5,"g1",["target 1, queue senior skipped: no agent free in senior: 1 channel full","target 2, queue general: agent g1 (longest_idle, chat costs 1)"]]
["plain",null,"general",0,null,["no filter matched: the default targets","target 1, queue general: waiting at place 1, no agent free in general: 1 not on the channel"]]
--- stderr
cs-route: 1 conversation still waiting for an agent
--- exit
0
