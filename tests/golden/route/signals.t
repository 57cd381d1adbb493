# A pipeline can run cs-route twice (cs-schema(7)): the second pass gives the
# same stream. Its route_update records come in again; each goes out once,
# counted as route_updates_replaced: one that came in before the record that
# moves its conversation again (c1 abandoned, moved by c2's time) stands and
# is not written anew, one that comes in after the record that wrote it again
# (B given g1 as A's record frees it, C given g2 as g2 comes back) is left
# out. Before, the abandoned c1 was written twice. A route_update of other
# bytes still passes on, and the first run's --state writes none twice.
--- cmd
printf '%s\n' '{"id":"a1","status":"away"}' > agents.ndjson
printf '%s\n' '{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u1"},"started":"2026-03-02T10:00:00Z","ended":"2026-03-02T10:05:00Z","messages":[{"role":"customer","ts":"2026-03-02T10:00:00Z","text":"I need a human"}]}' '{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"u2"},"started":"2026-03-02T11:00:00Z","messages":[{"role":"customer","ts":"2026-03-02T11:00:00Z","text":"hello"}]}' > in.ndjson
cs-route -q --agents agents.ndjson in.ndjson > r1.ndjson
cs-route -q --stats --agents agents.ndjson r1.ndjson > r2.ndjson
cmp r1.ndjson r2.ndjson && echo "the same stream"
jq -c '[.kind, .id // .conversation_id, .route.status]' r2.ndjson
printf '%s\n' '{"id":"g1","channels":{"chat":1}}' > one-agent.ndjson
cat > stream.ndjson <<'JSON'
{"kind":"conversation","id":"A","channel":"chat","started":"2026-03-02T01:00:00Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"B","channel":"chat","started":"2026-03-02T01:00:10Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"A","channel":"chat","started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:00Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"agent","id":"g2","channels":{"chat":1},"status":"away"}
{"kind":"conversation","id":"C","channel":"chat","started":"2026-03-02T01:01:10Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"agent","id":"g2","channels":{"chat":1},"status":"available"}
JSON
cs-route -q --agents one-agent.ndjson stream.ndjson > s1.ndjson
cs-route -q --stats=json --agents one-agent.ndjson s1.ndjson 2>stats.ndjson | cmp - s1.ndjson && echo "the same stream"
jq -c '[.kind, .id // .conversation_id, .route.status, .route.agent]' s1.ndjson
jq -c '{route_updates, route_updates_replaced, passed_through}' stats.ndjson
printf '%s\n' '{"kind":"route_update","conversation_id":"c9","route":{"status":"abandoned"}}' | cat r1.ndjson - | cs-route -q --agents agents.ndjson | jq -c '[.kind, .id // .conversation_id]'
cs-route -q --state st.db --agents agents.ndjson in.ndjson > t1.ndjson
cs-route -q --state st.db --agents agents.ndjson t1.ndjson | jq -c 'select(.kind == "route_update") | [.conversation_id, .route.status]'
--- stdout
the same stream
["conversation","c1","queued"]
["route_update","c1","abandoned"]
["conversation","c2","queued"]
the same stream
["conversation","A","assigned","g1"]
["conversation","B","queued",null]
["conversation","A","released","g1"]
["route_update","B","assigned","g1"]
["agent","g2",null,null]
["conversation","C","queued",null]
["agent","g2",null,null]
["route_update","C","assigned","g2"]
{"route_updates":2,"route_updates_replaced":2,"passed_through":0}
["conversation","c1"]
["route_update","c1"]
["conversation","c2"]
["route_update","c9"]
["c1","abandoned"]
--- stderr
cs-route: stats: read 3, written 3, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, routed 2, to_bot 0, to_human 2, assigned 0, queued 2, human_requested 1, escalated 0, out_of_scope 0, route_updates 1, route_updates_replaced 1, agent_records 0, passed_through 1, regex_limit_hits 0
--- exit
0
