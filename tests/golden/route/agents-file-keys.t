# The agents file (cs-route --agents, cs-ticket --agents) takes the members
# and statuses of its format only: "status":"Available" (no status: the agent
# took no work) and "queue" for "queues" (no key: the agent served every
# queue) are errors naming the file and line, status 3, in both programs.
# Each program's own members (groups, channels, load, idle_since) pass in the
# other's, so one file serves both; the shipped example loads. In the stream,
# an agent record's status is checked (a bad record), its other members not.
# An agent's id, a queue or group it serves, or the name of a skill,
# channel or load that holds U+0000 is an error too, in the file and in the
# stream: the rosters keep them as C strings, which end there, so agents
# "g\u0000x" and "g\u0000y" were one agent "g". So is a conversation id
# that does (a bad record): the holds and queues key on it.
--- cmd
printf '%s\n' '{"id":"g1","channels":{"chat":1},"status":"Available"}' > status.ndjson
printf '%s\n' '# agents' '{"id":"g1","channels":{"chat":1},"queue":["vip"]}' > key.ndjson
printf '%s\n' '{"id":"g1","groups":["billing"],"channels":{"chat":1},"load":{"chat":0},"idle_since":"2026-03-02T00:00:00Z","kind":"agent","capacity":2,"status":"busy"}' > both.ndjson
for f in status.ndjson key.ndjson; do
  cs-route --agents $f </dev/null; echo "exit $?"
  cs-ticket --db t.db --agents $f </dev/null; echo "exit $?"
done
cs-route --check --agents both.ndjson | grep "^agents:"
cs-ticket --db t.db --agents both.ndjson </dev/null; echo "exit $?"
cs-route --check --agents "$REPO/examples/agents.ndjson" >/dev/null; echo "exit $?"
cs-ticket --db t.db --agents "$REPO/examples/agents.ndjson" </dev/null; echo "exit $?"
printf '%s\n' '{"id":"g\u0000x","channels":{"chat":1}}' > nul-id.ndjson
printf '%s\n' '{"id":"g1","skills":{"billing\u0000":1}}' > nul-skill.ndjson
printf '%s\n' '{"id":"g1","groups":["billing","vip\u0000"]}' > nul-group.ndjson
for f in nul-id.ndjson nul-skill.ndjson nul-group.ndjson; do
  cs-route --agents $f </dev/null; echo "exit $?"
  cs-ticket --db t.db --agents $f </dev/null; echo "exit $?"
done
printf '%s\n' '{"kind":"agent","id":"g9","load":{"chat\u0000":1}}' \
	'{"kind":"agent","id":"g2","channels":{"chat":2}}' \
	'{"kind":"conversation","id":"c\u0000x","channel":"chat","messages":[{"role":"customer","text":"hi"}]}' \
	'{"kind":"conversation","id":"c1","channel":"chat","messages":[{"role":"customer","text":"hi"}]}' |
	cs-route --skip-bad > nul.out; echo "exit $?"
jq -c '[.kind, .id, .route.agent]' nul.out
printf '%s\n' '{"kind":"agent","id":"x","status":"gone"}' '{"kind":"agent","id":"y","status":"away","team":"night"}' | cs-route --skip-bad; echo "exit $?"
--- stdout
exit 3
exit 3
exit 3
exit 3
agents: 1 (0 available), 0 conversations waiting
exit 0
exit 0
exit 0
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 1
["agent","g2",null]
["conversation","c1","g2"]
{"kind":"agent","id":"y","status":"away","team":"night"}
exit 1
--- stderr
cs-route: --agents status.ndjson:1: "status": 'Available' is not available, busy, away or offline
cs-ticket: --agents status.ndjson:1: "status": 'Available' is not available, busy, away or offline
cs-route: --agents key.ndjson:2: unknown member "queue" (an agent has id, skills, channels, load, queues, groups, capacity, status, idle_since)
cs-ticket: --agents key.ndjson:2: unknown member "queue" (an agent has id, skills, channels, load, queues, groups, capacity, status, idle_since)
cs-route: --agents nul-id.ndjson:1: "id" holds U+0000, which no id may
cs-ticket: --agents nul-id.ndjson:1: "id" holds U+0000, which no id may
cs-route: --agents nul-skill.ndjson:1: "skills": a name holds U+0000, which no id may
cs-ticket: --agents nul-skill.ndjson:1: "skills": a name holds U+0000, which no id may
cs-route: --agents nul-group.ndjson:1: "groups[1]" holds U+0000, which no id may
cs-ticket: --agents nul-group.ndjson:1: "groups[1]" holds U+0000, which no id may
cs-route: <stdin>:1: agent record: "load": a name holds U+0000, which no id may
cs-route: <stdin>:3: "id" holds U+0000, which no id may
cs-route: 2 bad records left out
cs-route: <stdin>:1: agent record: "status": 'gone' is not available, busy, away or offline
cs-route: 1 bad record left out
--- exit
0
