# --state keeps agents, their load, round-robin turns, waiting conversations
# and the clock in a SQLite file: a second run goes on where the first
# stopped (round robin continues with a3, load persists, so a1 and a3 are
# full by the third run), a roster can come from the state alone, and a
# conversation left waiting in one run is assigned in the next when an agent
# record frees its agent. The same input and state give the same output.
# A run that cannot write its output (status 4) keeps nothing in the state,
# so its retry routes as it would have. A new state file is private (0600,
# as every store: it holds conversation and customer ids); it used to take
# the umask's 0644.
# With --agents too, the file names the roster: an agent it no longer lists
# (r1) gets no more conversations (it used to come back from the state),
# and the conversation it holds stays with it until it ends.
--- cmd
conv() { printf '{"kind":"conversation","id":"%s","channel":"chat","started":"2026-03-02T02:0%s:00Z","messages":[{"role":"customer","text":"hello"}]%s}\n' "$1" "$2" "$3"; }
{ conv c1 1; conv c2 2; } | cs-route --agents "$TESTDATA/route/agents.ndjson" --mode round_robin --state s.db | jq -r '"run 1: \(.id) \(.route.agent)"'
{ conv c3 3; conv c4 4; } | cs-route --state s.db --mode round_robin | jq -r '"run 2: \(.id) \(.route.agent)"'
cp s.db before.db
conv c5 5 | cs-route --state s.db --mode least_loaded > /dev/full; echo "run 3 >/dev/full: exit $?"
cmp s.db before.db && echo "the state is as it was"
conv c5 5 | cs-route --state s.db --mode least_loaded | jq -r '"run 3: \(.id) \(.route.agent)"'
cp before.db s.db
conv c5 5 | cs-route --state s.db --mode least_loaded | jq -r '"run 3 again: \(.id) \(.route.agent)"'
{ conv q1 1 ',"topic":"billing"'; conv q2 2 ',"topic":"billing"'; } | cs-route --agents "$TESTDATA/route/queue-agents.ndjson" -p "$TESTDATA/route/queue.json" --state q.db | jq -c '[.id, .route.status, .route.agent]'
echo '{"kind":"agent","id":"b1","load":{"chat":0}}' | cs-route -p "$TESTDATA/route/queue.json" --state q.db | jq -c '[.kind, .conversation_id // .id, .route.status, .route.agent]'
printf '{"id":"r1","channels":{"chat":5}}\n{"id":"r2","channels":{"chat":5}}\n' > day1.ndjson
printf '{"id":"r2","channels":{"chat":5}}\n' > day2.ndjson
conv d1 1 | cs-route -q --agents day1.ndjson --state r.db | jq -c '[.id, .route.agent]'
{ conv d2 2; conv d3 3; conv d1 4; conv d1 5 ',"ended":"2026-03-02T02:09:00Z"'; } | cs-route -q --agents day2.ndjson --state r.db | jq -c '[.id, .route.status, .route.agent]'
cs-route --check --agents day2.ndjson --state r.db | tail -1
(umask 022; conv e1 1 | cs-route --state new.db > /dev/null); stat -c '%a %n' new.db
--- stdout
run 1: c1 a1
run 1: c2 a2
run 2: c3 a3
run 2: c4 a1
run 3 >/dev/full: exit 4
the state is as it was
run 3: c5 a2
run 3 again: c5 a2
["q1","assigned","b1"]
["q2","queued",null]
["agent","b1",null,null]
["route_update","q2","assigned","b1"]
["d1","r1"]
["d2","assigned","r2"]
["d3","assigned","r2"]
["d1","assigned","r1"]
["d1","released","r1"]
agents: 1 (1 available), 0 conversations waiting
600 new.db
--- stderr
cs-route: <stdout>: write error: No space left on device
cs-route: 1 conversation still waiting for an agent (kept in the state)
--- exit
0
