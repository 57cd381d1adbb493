# ticket_update records (a helpdesk's audit log) change status, priority,
# group, assignee and tags, each change an event with its actor and time,
# and pass on with "ticket" set to the result (the record's "ticket" id
# becomes the ticket object, which cs-ticket reads again). Replaying the
# same log, or the records cs-ticket wrote, changes nothing (the records
# then carry the ticket as it is now). An invalid move is a bad record naming the
# ticket and both states, with FILE:LINE and exit 1, and changes nothing of
# that record; --skip-bad goes on. An unknown ticket or a bad value is a bad
# record too.
--- cmd
echo '{"kind":"conversation","id":"c-1","ticket_id":"T-1","messages":[{"id":"m1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"My invoice is wrong"}]}' | cs-ticket --db t.db >/dev/null
cat > log.ndjson <<'IN'
{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-02T10:00:00Z","actor":"agent-3","status":"open","group":"billing","assignee":"agent-3"}
{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-02T10:05:00Z","actor":"agent-3","status":"pending","priority":"high","tags":["vat","invoice"]}
{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-02T11:00:00Z","actor":"agent-3","status":"solved","assignee":null}
{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-03T11:00:00Z","actor":"auto","status":"closed"}
IN
cs-ticket --db t.db log.ndjson > out.ndjson; echo "exit $?"
cat out.ndjson
sqlite3 t.db 'SELECT count(*) FROM event'
cs-ticket --db t.db --stats log.ndjson | jq -c .ticket.status
cs-ticket --db t.db out.ndjson >/dev/null
sqlite3 t.db 'SELECT count(*) FROM event'
cs-ticket history --db t.db T-1 | jq -c 'del(.kind, .ticket, .data)'
cat > bad.ndjson <<'IN'
{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-04T09:00:00Z","actor":"agent-3","priority":"urgent","status":"open"}
{"kind":"ticket_update","ticket":"T-404","ts":"2026-03-04T09:00:00Z","status":"open"}
{"kind":"ticket_update","ticket":"T-1","status":"reopened"}
{"kind":"ticket_update","ticket":"T-1"}
{"kind":"ticket_update","status":"open"}
{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-04T09:00:00Z","tags":["closed-for-good"]}
IN
cs-ticket --db t.db bad.ndjson; echo "exit $?"
cs-ticket --db t.db --skip-bad bad.ndjson | jq -c .ticket; echo "exit $?"
cs-ticket show --db t.db T-1 | jq -c '[.status, .priority, .tags]'
--- stdout
exit 0
{"kind":"ticket_update","ticket":{"id":"T-1","status":"open","priority":"normal","group":"billing","assignee":"agent-3","created":"2026-03-02T09:00:00Z","updated":"2026-03-02T10:00:00Z"},"ts":"2026-03-02T10:00:00Z","actor":"agent-3","status":"open","group":"billing","assignee":"agent-3"}
{"kind":"ticket_update","ticket":{"id":"T-1","status":"pending","priority":"high","group":"billing","assignee":"agent-3","created":"2026-03-02T09:00:00Z","updated":"2026-03-02T10:05:00Z"},"ts":"2026-03-02T10:05:00Z","actor":"agent-3","status":"pending","priority":"high","tags":["vat","invoice"]}
{"kind":"ticket_update","ticket":{"id":"T-1","status":"solved","priority":"high","group":"billing","created":"2026-03-02T09:00:00Z","updated":"2026-03-02T11:00:00Z"},"ts":"2026-03-02T11:00:00Z","actor":"agent-3","status":"solved","assignee":null}
{"kind":"ticket_update","ticket":{"id":"T-1","status":"closed","priority":"high","group":"billing","created":"2026-03-02T09:00:00Z","updated":"2026-03-03T11:00:00Z"},"ts":"2026-03-03T11:00:00Z","actor":"auto","status":"closed"}
11
"closed"
"closed"
"closed"
"closed"
11
{"seq":1,"ts":"2026-03-02T09:00:00Z","actor":"cs-ticket","action":"created"}
{"seq":2,"ts":"2026-03-02T09:00:00Z","actor":"customer","action":"message"}
{"seq":3,"ts":"2026-03-02T10:00:00Z","actor":"agent-3","action":"status","field":"status","old":"new","new":"open"}
{"seq":4,"ts":"2026-03-02T10:00:00Z","actor":"agent-3","action":"group","field":"group","new":"billing"}
{"seq":5,"ts":"2026-03-02T10:00:00Z","actor":"agent-3","action":"assignee","field":"assignee","new":"agent-3"}
{"seq":6,"ts":"2026-03-02T10:05:00Z","actor":"agent-3","action":"status","field":"status","old":"open","new":"pending"}
{"seq":7,"ts":"2026-03-02T10:05:00Z","actor":"agent-3","action":"priority","field":"priority","old":"normal","new":"high"}
{"seq":8,"ts":"2026-03-02T10:05:00Z","actor":"agent-3","action":"tags","field":"tags","old":[],"new":["invoice","vat"]}
{"seq":9,"ts":"2026-03-02T11:00:00Z","actor":"agent-3","action":"status","field":"status","old":"pending","new":"solved"}
{"seq":10,"ts":"2026-03-02T11:00:00Z","actor":"agent-3","action":"assignee","field":"assignee","old":"agent-3"}
{"seq":11,"ts":"2026-03-03T11:00:00Z","actor":"auto","action":"status","field":"status","old":"solved","new":"closed"}
exit 1
{"id":"T-1","status":"closed","priority":"high","group":"billing","created":"2026-03-02T09:00:00Z","updated":"2026-03-04T09:00:00Z"}
exit 0
["closed","high",["closed-for-good"]]
--- stderr
cs-ticket: stats: read 4, written 4, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 0, ticket_updates 4, tickets_created 0, follow_ups 0, messages_added 0, messages_seen 0, changes 0, changes_seen 9, assigned 0, passed_through 0, priority_unknown 0
cs-ticket: bad.ndjson:1: ticket T-1 cannot go from closed to open
cs-ticket: bad.ndjson:1: ticket T-1 cannot go from closed to open
cs-ticket: bad.ndjson:2: no ticket 'T-404' in t.db
cs-ticket: bad.ndjson:3: "status": 'reopened' is not new, open, pending, on_hold, solved or closed
cs-ticket: bad.ndjson:4: a ticket_update needs status, priority, group, assignee or tags
cs-ticket: bad.ndjson:5: a ticket_update needs "ticket", the ticket's id
cs-ticket: 5 bad records left out
--- exit
0
