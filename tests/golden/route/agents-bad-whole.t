# A bad agent record is left out whole (cs(7), --skip-bad): nothing of it
# takes effect. The fields were set one by one, so an agent record whose
# load, skill level, status, idle_since or capacity was bad, late in the
# record, was reported but left a half-built agent in the roster (channels
# without the load, skills up to the bad one, a status without its
# capacity) that was given the next conversation (c1 went to a1, whose load
# was bad; a3, whose status was, was next), and a bad update of a known
# agent changed the fields before the bad one (b2's load freed, b1's billing
# skill raised to 5 and b1 made available: c2 went to b1), which --state
# then kept. Now the record is read whole into a copy that replaces the
# agent only when every field is good. In the agents file a bad line is
# status 3 in both programs before any record is read, and so is an agent
# of a saved state whose definition is bad (the state is left as it was),
# with --agents too: the state's definition, read there for its load only,
# was taken unchecked (b1 took c3 from a state that had it "gone").
--- cmd
conv() { printf '{"kind":"conversation","id":"%s","channel":"chat","started":"2026-03-02T02:0%s:00Z","messages":[{"role":"customer","text":"hello"}]}\n' "$1" "$2"; }
printf '%s\n' '{"id":"a1","channels":{"chat":2}}' '{"id":"a1","status":"available","load":{"chat":-1}}' > bad-load.ndjson
printf '%s\n' '{"id":"a1","groups":["billing"],"status":"away"}' '{"id":"a1","status":"available","capacity":-1}' > bad-capacity.ndjson
printf '%s\n' '{"id":"a1","groups":["billing"],"channels":{"chat":2},"skills":{"chat":5,"billing":6}}' > bad-skill.ndjson
for f in bad-load.ndjson bad-skill.ndjson; do conv c1 1 | cs-route --agents $f; echo "exit $?"; done
for f in bad-capacity.ndjson bad-skill.ndjson; do
  echo '{"kind":"conversation","id":"c1","group":"billing","messages":[]}' | cs-ticket --db t.db --agents $f; echo "exit $?"
done
test -e t.db || echo "no ticket store"
{ echo '{"kind":"agent","id":"g0","channels":{"chat":1},"status":"away"}'
  echo '{"kind":"agent","id":"a1","channels":{"chat":2},"load":{"chat":"two"}}'
  echo '{"kind":"agent","id":"a2","skills":{"billing":3,"vip":9},"channels":{"chat":2}}'
  echo '{"kind":"agent","id":"a3","channels":{"chat":2},"status":"gone"}'
  conv c1 1; } | cs-route --skip-bad | jq -c '[.kind, .id, .route.status, .route.agent]'
echo "exit $?"
{ echo '{"kind":"agent","id":"b1","channels":{"chat":1},"skills":{"billing":1},"status":"away"}'
  echo '{"kind":"agent","id":"b2","channels":{"chat":1}}'
  conv c1 1
  echo '{"kind":"agent","id":"b2","load":{"chat":0},"capacity":-1}'
  echo '{"kind":"agent","id":"b1","skills":{"billing":5,"x":9}}'
  echo '{"kind":"agent","id":"b1","status":"available","idle_since":"soon"}'
  conv c2 2; } | cs-route --skip-bad --state s.db | jq -c '[.kind, .id, .route.status, .route.agent]'
sqlite3 s.db 'SELECT id, def FROM agents ORDER BY ord'
sqlite3 s.db "UPDATE agents SET def = '{\"id\":\"b1\",\"channels\":{\"chat\":3},\"status\":\"gone\"}' WHERE id = 'b1'"
sqlite3 s.db .dump > before.sql
conv c3 3 | cs-route --state s.db; echo "exit $?"
sqlite3 s.db .dump | cmp -s - before.sql && echo "the state is as it was"
printf '%s\n' '{"id":"b1","channels":{"chat":1}}' '{"id":"b2","channels":{"chat":1}}' > b.ndjson
conv c3 3 | cs-route --agents b.ndjson --state s.db; echo "exit $?"
sqlite3 s.db .dump | cmp -s - before.sql && echo "the state is as it was"
--- stdout
exit 3
exit 3
exit 3
exit 3
no ticket store
["agent","g0",null,null]
["conversation","c1","queued",null]
exit 0
["agent","b1",null,null]
["agent","b2",null,null]
["conversation","c1","assigned","b2"]
["conversation","c2","queued",null]
b1|{"id":"b1","status":"away","skills":{"billing":1},"channels":{"chat":1},"load":{"chat":0}}
b2|{"id":"b2","status":"available","skills":{},"channels":{"chat":1},"load":{"chat":1}}
exit 3
the state is as it was
exit 3
the state is as it was
--- stderr
cs-route: --agents bad-load.ndjson:2: "load": "chat" must be a whole number from 0 to 1000
cs-route: --agents bad-skill.ndjson:1: "skills": "billing" must be a whole number from 0 to 5
cs-ticket: --agents bad-capacity.ndjson:2: "capacity" must be a whole number from 0 to 1000000
cs-ticket: --agents bad-skill.ndjson:1: "skills": "billing" must be a whole number from 0 to 5
cs-route: <stdin>:2: agent record: "load": "chat" must be a whole number from 0 to 1000
cs-route: <stdin>:3: agent record: "skills": "vip" must be a whole number from 0 to 5
cs-route: <stdin>:4: agent record: "status": 'gone' is not available, busy, away or offline
cs-route: 1 conversation still waiting for an agent
cs-route: 3 bad records left out
cs-route: <stdin>:4: agent record: "capacity" must be a whole number from 0 to 1000000
cs-route: <stdin>:5: agent record: "skills": "x" must be a whole number from 0 to 5
cs-route: <stdin>:6: agent record: "idle_since" must be a time
cs-route: 1 conversation still waiting for an agent (kept in the state)
cs-route: 3 bad records left out
cs-route: --state s.db: "status": 'gone' is not available, busy, away or offline
cs-route: --state s.db: "status": 'gone' is not available, busy, away or offline
--- exit
0
