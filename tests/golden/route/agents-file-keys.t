# The agents file (cs-route --agents, cs-ticket --agents) takes the members
# and statuses of its format only: "status":"Available" (no status: the agent
# took no work) and "queue" for "queues" (no key: the agent served every
# queue) are errors naming the file and line, status 3, in both programs.
# Each program's own members (groups, channels, load, idle_since) pass in the
# other's, so one file serves both; the shipped example loads. In the stream,
# an agent record's status is checked (a bad record), its other members not.
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
{"kind":"agent","id":"y","status":"away","team":"night"}
exit 1
--- stderr
cs-route: --agents status.ndjson:1: "status": 'Available' is not available, busy, away or offline
cs-ticket: --agents status.ndjson:1: "status": 'Available' is not available, busy, away or offline
cs-route: --agents key.ndjson:2: unknown member "queue" (an agent has id, skills, channels, load, queues, groups, capacity, status, idle_since)
cs-ticket: --agents key.ndjson:2: unknown member "queue" (an agent has id, skills, channels, load, queues, groups, capacity, status, idle_since)
cs-route: <stdin>:1: agent record: "status": 'gone' is not available, busy, away or offline
cs-route: 1 bad record left out
--- exit
0
