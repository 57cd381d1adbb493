# A customer message that reopens a solved ticket starts next_response from
# that message (Zendesk: from the oldest unanswered customer message), on
# the business calendar (UTC, Monday to Friday 09:00-17:00; 2026-03-02 is a
# Monday): solved at 10:00, the customer writes again at 11:00 (reopened),
# and at 11:20 next_response has run 20m of its 1h, due 12:00; a second
# message at 11:10 does not move it; the reply at 11:40 meets it (40m).
# A solved ticket the agent closed the loop on has nothing waiting: when an
# agent reopens it by hand, no next_response starts.
--- cmd
cat > sla.json <<POL
{"calendars": {"biz": "$TESTDATA/calendar/weekdays-utc.json"},
 "policies": [{"name": "standard", "calendar": "biz",
   "targets": {"normal": {"first_response": "2h", "next_response": "1h", "resolution": "8h"}}}]}
POL
msg() { printf '{"id":"%s","ts":"%s","role":"%s","text":"x"}' "$1" "$2" "$3"; }
conv() { printf '{"kind":"conversation","id":"%s","ticket_id":"%s","messages":[%s]}\n' "$1" "$1" "$2"; }
show() { cs-ticket --db t.db --policy sla.json --now "$1" | jq -c '[.ticket.id, .ticket.status, .ticket.sla.next_response]'; }
first="$(msg r1 2026-03-02T09:00:00Z customer),$(msg r2 2026-03-02T09:30:00Z agent)"
conv r "$first" | show 2026-03-02T09:40:00Z
echo '{"kind":"ticket_update","ticket":"r","ts":"2026-03-02T10:00:00Z","status":"solved"}' | show 2026-03-02T10:30:00Z
conv r "$first,$(msg r3 2026-03-02T11:00:00Z customer),$(msg r4 2026-03-02T11:10:00Z customer)" | show 2026-03-02T11:20:00Z
conv r "$first,$(msg r3 2026-03-02T11:00:00Z customer),$(msg r4 2026-03-02T11:10:00Z customer),$(msg r5 2026-03-02T11:40:00Z agent)" | show 2026-03-02T11:50:00Z
conv s "$(msg s1 2026-03-02T09:00:00Z customer),$(msg s2 2026-03-02T09:30:00Z agent)" | show 2026-03-02T09:40:00Z
echo '{"kind":"ticket_update","ticket":"s","ts":"2026-03-02T10:00:00Z","status":"solved"}' | show 2026-03-02T10:30:00Z
echo '{"kind":"ticket_update","ticket":"s","ts":"2026-03-02T11:00:00Z","status":"open"}' | show 2026-03-02T11:30:00Z
--- stdout
["r","open",null]
["r","solved",null]
["r","open",{"state":"active","target_s":3600,"elapsed_s":1200,"due":"2026-03-02T12:00:00Z"}]
["r","open",{"state":"met","target_s":3600,"elapsed_s":2400}]
["s","open",null]
["s","solved",null]
["s","open",null]
--- stderr
--- exit
0
