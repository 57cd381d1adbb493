# Queues: the billing filter's first target needs billing 3 and waits 60 s
# before widening to general; the default targets skip general when no agent
# is free and queue at backup, which no agent serves. Conversations wait with
# their place; a later conversation moves the clock past a timeout (c2 widens
# to general: a route_update record); agent records free capacity and waiting
# conversations get agents, best first (route_update records); c5's own
# decision keeps all its reasons though c2 moved while it was routed. g1 holds 4
# units: a call costs 3, so once an agent record lets g1 hold two chats, a
# chat beside the call is out of capacity. The summary counts who still waits.
--- cmd
tee in.ndjson | cs-route --agents "$TESTDATA/route/queue-agents.ndjson" -p "$TESTDATA/route/queue.json" | jq -c '[.kind, .id // .conversation_id, .route.queue, .route.status, .route.agent, .route.position, .route.widen_after_s, .route.reasons[-1]]'
cs-route --agents "$TESTDATA/route/queue-agents.ndjson" -p "$TESTDATA/route/queue.json" in.ndjson 2>/dev/null | jq -r 'select(.id == "c6") | .route.reasons[-2]'
cs-route --agents "$TESTDATA/route/queue-agents.ndjson" -p "$TESTDATA/route/queue.json" in.ndjson 2>/dev/null | jq -c 'select(.id == "c5") | .route.reasons'
--- stdin
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"c-c1"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"my invoice is wrong"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}],"topic":"billing"}
{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"c-c2"},"started":"2026-03-02T02:00:10Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:10Z","role":"customer","text":"my invoice is wrong again"},{"id":"m2","ts":"2026-03-02T02:00:10Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:10Z","role":"customer","text":"after the agent: not routed on"}],"topic":"billing"}
{"kind":"conversation","id":"c3","channel":"chat","customer":{"id":"c-c3"},"started":"2026-03-02T02:00:20Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:20Z","role":"customer","text":"hello"},{"id":"m2","ts":"2026-03-02T02:00:20Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:20Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"c4","channel":"chat","customer":{"id":"c-c4"},"started":"2026-03-02T02:00:30Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:30Z","role":"customer","text":"hello?"},{"id":"m2","ts":"2026-03-02T02:00:30Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:30Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"c5","channel":"chat","customer":{"id":"c-c5"},"started":"2026-03-02T02:02:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:02:00Z","role":"customer","text":"invoice please"},{"id":"m2","ts":"2026-03-02T02:02:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:02:00Z","role":"customer","text":"after the agent: not routed on"}],"topic":"billing"}
{"kind":"agent","id":"g1","load":{"chat":0}}
{"kind":"agent","id":"b1","load":{"chat":0}}
{"kind":"agent","id":"g1","channels":{"chat":2}}
{"kind":"conversation","id":"p1","channel":"phone","customer":{"id":"c-p1"},"started":"2026-03-02T02:03:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:03:00Z","role":"customer","text":"calling"},{"id":"m2","ts":"2026-03-02T02:03:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:03:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"c6","channel":"chat","customer":{"id":"c-c6"},"started":"2026-03-02T02:03:10Z","messages":[{"id":"m1","ts":"2026-03-02T02:03:10Z","role":"customer","text":"chat while g1 is on the phone"},{"id":"m2","ts":"2026-03-02T02:03:10Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:03:10Z","role":"customer","text":"after the agent: not routed on"}]}
--- stdout
["conversation","c1","billing","assigned","b1",null,null,"target 1, queue billing: agent b1 (longest_idle, chat costs 1)"]
["conversation","c2","billing","queued",null,1,60,"target 1, queue billing: waiting at place 1, no agent free in billing: 1 channel full"]
["conversation","c3","general","assigned","g1",null,null,"target 1, queue general: agent g1 (longest_idle, chat costs 1)"]
["conversation","c4","backup","queued",null,1,null,"target 2, queue backup: waiting at place 1, no agent serves queue backup"]
["route_update","c2","general","queued",null,1,null,"waited 60 s in queue billing: widened to queue general"]
["conversation","c5","billing","queued",null,1,60,"target 1, queue billing: waiting at place 1, no agent free in billing: 1 channel full"]
["agent","g1",null,null,null,null,null,null]
["route_update","c2","general","assigned","g1",null,null,"queue general: agent g1 is free now (longest_idle)"]
["agent","b1",null,null,null,null,null,null]
["route_update","c5","billing","assigned","b1",null,null,"queue billing: agent b1 is free now (longest_idle)"]
["agent","g1",null,null,null,null,null,null]
["conversation","p1","general","assigned","g1",null,null,"target 1, queue general: agent g1 (longest_idle, phone costs 3)"]
["conversation","c6","backup","queued",null,2,null,"target 2, queue backup: waiting at place 2, no agent serves queue backup"]
target 1, queue general skipped: no agent free in general: 1 out of capacity
["intent: none (no model, and no rule matched)","tier: human, no intent a bot can take","filter \"billing\" matched (the first of 1 that does)","target 1, queue billing: waiting at place 1, no agent free in billing: 1 channel full"]
--- stderr
cs-route: 2 conversations still waiting for an agent
--- exit
0
