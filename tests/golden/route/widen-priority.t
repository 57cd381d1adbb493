# A conversation that widens takes the priority of the target it widens to
# (here 3), as one that reaches that target at once does, and waits by it.
--- cmd
printf '%s\n' '{"version":1,"filters":[{"name":"w","when":{"channel":"chat"},"targets":[{"queue":"senior","timeout":60},{"queue":"general","priority":3}]}]}' > wp.json
printf '%s\n' '{"id":"s1","queues":["senior"],"channels":{"chat":1},"load":{"chat":1}}' '{"id":"g1","queues":["general"],"channels":{"chat":1},"load":{"chat":1}}' > agents.ndjson
cs-route -q -p wp.json --agents agents.ndjson | jq -c '[.kind, .id // .conversation_id, .route.queue, .route.priority, .route.position]'
--- stdin
{"kind":"conversation","id":"c1","channel":"chat","started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c2","channel":"chat","started":"2026-03-02T10:02:00Z","messages":[{"role":"customer","text":"hello"}]}
--- stdout
["conversation","c1","senior",0,1]
["route_update","c1","general",3,1]
["conversation","c2","senior",0,1]
--- stderr
--- exit
0
