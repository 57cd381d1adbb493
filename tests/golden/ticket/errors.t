# Errors, with the suite's exit codes: a bad command line is 2 (a missing
# --db, a bad status, priority or time, a ticket the store lacks, a move the
# state machine refuses, nothing to change, an empty --id), a bad record 1 (FILE:LINE), a
# file that is not a cs-ticket store or a missing or bad agents file 3, a store that
# cannot be read 4. An id that holds U+0000 is a bad record naming where it
# is (a conversation's, its ticket's, customer's, messages', authors'; a
# ticket_update's ticket and actor): the store keys on C strings, so
# "c\u0000x" and "c\u0000y" were both conversation "c", one ticket
# ("m\\u0000", a backslash and u0000, is an id like any other).
--- cmd
cs-ticket </dev/null; echo "exit $?"
cs-ticket --db t.db --assign least_loaded </dev/null; echo "exit $?"
cs-ticket --db t.db --agents agents.ndjson </dev/null; echo "exit $?"
echo '{"id":"a1","groups":"billing"}' > agents.ndjson
cs-ticket --db t.db --agents agents.ndjson </dev/null; echo "exit $?"
echo '{"id":"a1","skills":{"billing":0.5}}' > agents.ndjson
cs-ticket --db t.db --agents agents.ndjson </dev/null; echo "exit $?"
echo '{"id":"a1","skills":["billing"]}' > agents.ndjson
cs-ticket --db t.db --agents agents.ndjson </dev/null; echo "exit $?"
printf '%s\n' '{"kind":"conversation","id":"p1","priority":"mega","messages":[{"id":"a","ts":"2026-03-02T01:00:00Z","role":"customer","text":"x"}]}' \
	'{"kind":"conversation","id":"p2","priority":"Urgent","messages":[{"id":"a","ts":"2026-03-02T01:00:00Z","role":"customer","text":"x"}]}' \
	'{"kind":"conversation","id":"p3","priority":"medium","messages":[{"id":"a","ts":"2026-03-02T01:00:00Z","role":"customer","text":"x"}]}' |
	cs-ticket --db p.db | jq -c '[.id, .ticket.priority]'
cs-ticket create --db t.db; echo "exit $?"
cs-ticket create --db t.db --subject S --priority P1; echo "exit $?"
cs-ticket create --db t.db --subject S --at yesterday; echo "exit $?"
cs-ticket create --db t.db --subject S --at 2026-03-05T08:00:00Z extra; echo "exit $?"
cs-ticket create --db t.db --subject S --at 2026-03-05T08:00:00Z >/dev/null; echo "exit $?"
cs-ticket create --db t.db --subject S --id T-1; echo "exit $?"
cs-ticket create --db t.db --subject S --id ""; echo "exit $?"
cs-ticket update --db t.db T-1 --status bogus; echo "exit $?"
cs-ticket update --db t.db T-1; echo "exit $?"
cs-ticket update --db t.db T-404 --status open; echo "exit $?"
cs-ticket update --db t.db T-1 --status closed --at 2026-03-05T09:00:00Z >/dev/null; echo "exit $?"
cs-ticket update --db t.db T-1 --status open --priority high; echo "exit $?"
cs-ticket show --db t.db T-1 | jq -c '[.status, .priority]'
cs-ticket update --db t.db; echo "exit $?"
cs-ticket assign --db t.db T-1; echo "exit $?"
cs-ticket show --db t.db T-404; echo "exit $?"
cs-ticket history --db t.db T-404; echo "exit $?"
cs-ticket show --db missing.db T-1; echo "exit $?"
echo 'hello' > not.db
cs-ticket list --db not.db; echo "exit $?"
cs-ticket --db not.db </dev/null; echo "exit $?"
echo '{"kind":"conversation","messages":[]}' | cs-ticket --db t.db; echo "exit $?"
echo '{"kind":"conversation","id":"c","messages":[{"role":"agent","ts":"soon"}]}' | cs-ticket --db t.db; echo "exit $?"
printf '%s\n' '{"kind":"conversation","id":"c\u0000x","messages":[]}' \
	'{"kind":"conversation","id":"c\u0000y","messages":[]}' \
	'{"kind":"conversation","id":"c2","customer":{"id":"u\u0000"},"messages":[]}' \
	'{"kind":"conversation","id":"c3","messages":[{"id":"m1","role":"customer","text":"x"},{"id":"m\\u0000","author":"a\u0000","role":"agent","text":"y"}]}' \
	'{"kind":"conversation","id":"c4","messages":[{"id":"m1","role":"customer","text":"x","ts":"2026-03-02T01:00:00Z"}]}' \
	'{"kind":"ticket_update","ticket":{"id":"T\u0000"},"status":"open"}' \
	'{"kind":"ticket_update","ticket":"T-1","actor":"x\u0000","status":"open"}' > nul.ndjson
cs-ticket --db n.db --skip-bad nul.ndjson > nul.out; echo "exit $?"
jq -c '[.id, .ticket.id]' nul.out
cs-ticket frobnicate --db t.db; echo "exit $?"
--- stdout
exit 2
exit 2
exit 3
exit 3
exit 3
exit 3
["p1","normal"]
["p2","urgent"]
["p3","normal"]
exit 2
exit 2
exit 2
exit 2
exit 0
exit 2
exit 2
exit 2
exit 2
exit 2
exit 0
exit 2
["closed","normal"]
exit 2
exit 2
exit 2
exit 2
exit 4
exit 3
exit 3
exit 1
exit 1
exit 1
["c4","T-76f19f737d15"]
exit 4
--- stderr
cs-ticket: --db FILE is required
Try 'cs-ticket --help' for more information.
cs-ticket: --assign needs --agents
Try 'cs-ticket --help' for more information.
cs-ticket: --agents agents.ndjson: No such file or directory
cs-ticket: --agents agents.ndjson:1: "groups" must be an array of strings
cs-ticket: --agents agents.ndjson:1: "skills": "billing" must be a whole number from 0 to 5
cs-ticket: --agents agents.ndjson:1: "skills" must be an object of names and numbers
cs-ticket: 1 conversation had a priority that is not low, normal, high or urgent: read as normal
cs-ticket create: --subject is required
Try 'cs-ticket create --help' for more information.
cs-ticket create: --priority: 'P1' is not low, normal, high or urgent
Try 'cs-ticket create --help' for more information.
cs-ticket create: --at: 'yesterday' is not a time (not a time format cs reads)
Try 'cs-ticket create --help' for more information.
cs-ticket create: unexpected operand 'extra'
Try 'cs-ticket create --help' for more information.
cs-ticket create: ticket 'T-1' is in t.db already
cs-ticket create: --id is empty
Try 'cs-ticket create --help' for more information.
cs-ticket update: --status: 'bogus' is not new, open, pending, on_hold, solved or closed
Try 'cs-ticket update --help' for more information.
cs-ticket update: nothing to change: give --status, --priority, --group, --tag or --untag
Try 'cs-ticket update --help' for more information.
cs-ticket update: no ticket 'T-404' in t.db
cs-ticket update: ticket T-1 cannot go from closed to open
cs-ticket update: give the ticket's id
Try 'cs-ticket update --help' for more information.
cs-ticket assign: give the agent, or --agents to choose one
Try 'cs-ticket assign --help' for more information.
cs-ticket show: no ticket 'T-404' in t.db
cs-ticket history: no ticket 'T-404' in t.db
cs-ticket show: missing.db: No such file or directory
cs-ticket list: not.db: not a cs-ticket store
cs-ticket: not.db: not a cs-ticket store
cs-ticket: <stdin>:1: a conversation needs an "id"
cs-ticket: <stdin>:1: messages[0]: "ts" is not a time
cs-ticket: nul.ndjson:1: "id" holds U+0000, which no id may
cs-ticket: nul.ndjson:2: "id" holds U+0000, which no id may
cs-ticket: nul.ndjson:3: "customer.id" holds U+0000, which no id may
cs-ticket: nul.ndjson:4: "messages[1].author" holds U+0000, which no id may
cs-ticket: nul.ndjson:6: "ticket.id" holds U+0000, which no id may
cs-ticket: nul.ndjson:7: "actor" holds U+0000, which no id may
cs-ticket: 6 bad records left out
cs-ticket: frobnicate: No such file or directory
cs-ticket: 1 input could not be read to the end
--- exit
0
