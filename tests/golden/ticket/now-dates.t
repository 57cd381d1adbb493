# With --now, a record without times takes --now, not the wall clock: a
# message without "ts" and a ticket_update without "ts" are dated --now, so
# a replay gives the same store and output every time.
--- cmd
now=2026-03-02T10:00:00Z
echo '{"kind":"conversation","id":"a","ticket_id":"a","messages":[{"id":"a1","role":"customer","text":"hi"}]}' |
  cs-ticket --db t.db --now $now | jq -c '[.ticket.created, .ticket.updated]'
echo '{"kind":"ticket_update","ticket":"a","status":"pending"}' |
  cs-ticket --db t.db --now 2026-03-02T11:00:00Z | jq -c '[.ticket.status, .ticket.updated]'
cs-ticket history --db t.db a | jq -c '[.action, .ts]'
--- stdout
["2026-03-02T10:00:00Z","2026-03-02T10:00:00Z"]
["pending","2026-03-02T11:00:00Z"]
["created","2026-03-02T10:00:00Z"]
["message","2026-03-02T10:00:00Z"]
["status","2026-03-02T11:00:00Z"]
--- stderr
--- exit
0
