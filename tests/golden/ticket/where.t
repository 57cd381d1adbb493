# --where works on the records that match and passes the rest through
# untouched (their conversations get no ticket); --select drops the rest.
# --stats counts what cs-ticket did.
--- cmd
cat > in.ndjson <<'IN'
{"kind":"conversation","id":"c-1","channel":"chat","messages":[{"id":"m1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"hi"}]}
{"kind":"conversation","id":"c-2","channel":"email","messages":[{"id":"m1","ts":"2026-03-02T09:01:00Z","role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c-3","channel":"chat","messages":[{"id":"m1","ts":"2026-03-02T09:02:00Z","role":"customer","text":"hey"}]}
IN
cs-ticket --db t.db --where '.channel == "chat"' --stats in.ndjson | jq -c '[.id, .ticket.id]'
cs-ticket --db t.db --select '.channel == "email"' in.ndjson | jq -c '[.id, .ticket.status]'
cs-ticket list --db t.db | jq -c .conversation_id
--- stdout
["c-1","T-dbd15cee6183"]
["c-2",null]
["c-3","T-d67b635c1918"]
["c-2","new"]
"c-2"
"c-3"
"c-1"
--- stderr
cs-ticket: stats: read 3, written 3, blank 0, rejected 0, skipped 1, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 2, ticket_updates 0, tickets_created 2, follow_ups 0, messages_added 2, messages_seen 0, changes 0, changes_seen 0, assigned 0, passed_through 0, priority_unknown 0
--- exit
0
