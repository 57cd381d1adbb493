# A route_update follows the event that moved the waiting conversation
# (cs-route(1) RECORDS): when a record ends a conversation and frees its
# agent, that record is written first, then the route_update giving the agent
# to the conversation that waited. It came before the record that freed it.
--- cmd
printf '%s\n' '{"id":"g1","channels":{"chat":1}}' > one-agent.ndjson
cat > stream.ndjson <<'JSON'
{"kind":"conversation","id":"A","channel":"chat","started":"2026-03-02T01:00:00Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"B","channel":"chat","started":"2026-03-02T01:00:10Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"A","channel":"chat","started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:00Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"C","channel":"chat","started":"2026-03-02T01:01:10Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"B","channel":"chat","started":"2026-03-02T01:00:10Z","ended":"2026-03-02T01:02:00Z","messages":[{"role":"customer","text":"hi"}]}
JSON
cs-route --agents one-agent.ndjson stream.ndjson | jq -c '[.kind, .id // .conversation_id, .route.status, .route.agent]'
--- stdout
["conversation","A","assigned","g1"]
["conversation","B","queued",null]
["conversation","A","released","g1"]
["route_update","B","assigned","g1"]
["conversation","C","queued",null]
["conversation","B","released","g1"]
["route_update","C","assigned","g1"]
--- stderr
--- exit
0
