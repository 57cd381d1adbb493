# Messages move tickets: a customer writing to a pending or a solved ticket
# opens it again; writing to a closed one opens a follow-up ticket (ID-2,
# then ID-3) linked by follow_up_of, with the closed ticket's priority,
# group, assignee, tags, channel, customer and subject, and the later
# messages of the conversation go there. An agent writing to a closed
# ticket opens nothing. A conversation's own status counts on its first
# sight.
--- cmd
conv() {
	echo "{\"kind\":\"conversation\",\"id\":\"c-7\",\"channel\":\"email\",\"customer\":{\"id\":\"cust-7\"},\"group\":\"billing\",\"tags\":[\"vat\"],\"messages\":[$1]}"
}
upd() {
	echo "{\"kind\":\"ticket_update\",\"ticket\":\"$1\",\"ts\":\"$2\",\"actor\":\"agent-3\",\"status\":\"$3\"}"
}
m1='{"id":"m1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"Wrong VAT number"}'
m2='{"id":"m2","ts":"2026-03-02T09:30:00Z","role":"agent","author":"agent-3","text":"Which order?"}'
m3='{"id":"m3","ts":"2026-03-02T10:00:00Z","role":"customer","text":"Order 55120"}'
m4='{"id":"m4","ts":"2026-03-03T08:00:00Z","role":"customer","text":"Still wrong"}'
m5='{"id":"m5","ts":"2026-03-05T08:00:00Z","role":"agent","author":"agent-3","text":"Fixed now"}'
m6='{"id":"m6","ts":"2026-03-06T08:00:00Z","role":"customer","text":"It is wrong again"}'
m7='{"id":"m7","ts":"2026-03-09T08:00:00Z","role":"customer","text":"And again"}'
conv "$m1" | cs-ticket --db t.db | jq -c .ticket
T=$(cs-ticket list --db t.db | jq -r .id)
{ conv "$m1,$m2"; upd $T 2026-03-02T09:31:00Z pending; conv "$m1,$m2,$m3"; } | cs-ticket --db t.db | jq -c '[.kind, .ticket.status]'
{ upd $T 2026-03-02T11:00:00Z solved; conv "$m1,$m2,$m3,$m4"; upd $T 2026-03-04T11:00:00Z closed; } | cs-ticket --db t.db | jq -c '[.kind, .ticket.status]'
conv "$m1,$m2,$m3,$m4,$m5" | cs-ticket --db t.db | jq -c .ticket
conv "$m1,$m2,$m3,$m4,$m5,$m6" | cs-ticket --db t.db | jq -c .ticket
{ upd $T-2 2026-03-06T09:00:00Z closed; conv "$m1,$m2,$m3,$m4,$m5,$m6,$m7"; } | cs-ticket --db t.db | jq -c .ticket
cs-ticket export --db t.db | jq -c 'del(.history)'
cs-ticket history --db t.db $T-2 | jq -c '[.action, .new // .data.id]'
echo '{"kind":"conversation","id":"c-8","status":"solved","messages":[{"id":"x","ts":"2026-03-02T09:00:00Z","role":"customer"},{"id":"y","ts":"2026-03-02T09:05:00Z","role":"agent"}]}' | cs-ticket --db t.db | jq -c .ticket.status
cs-ticket history --db t.db $(cs-ticket list --db t.db --status solved | jq -r .id) | jq -c '[.action, .actor, .old, .new]'
--- stdout
{"id":"T-9612b8b05c9a","status":"new","priority":"normal","group":"billing","created":"2026-03-02T09:00:00Z","updated":"2026-03-02T09:00:00Z"}
["conversation","open"]
["ticket_update","pending"]
["conversation","open"]
["ticket_update","solved"]
["conversation","open"]
["ticket_update","closed"]
{"id":"T-9612b8b05c9a","status":"closed","priority":"normal","group":"billing","created":"2026-03-02T09:00:00Z","updated":"2026-03-05T08:00:00Z"}
{"id":"T-9612b8b05c9a-2","status":"new","priority":"normal","group":"billing","created":"2026-03-06T08:00:00Z","updated":"2026-03-06T08:00:00Z","follow_up_of":"T-9612b8b05c9a"}
{"id":"T-9612b8b05c9a-2","status":"closed","priority":"normal","group":"billing","created":"2026-03-06T08:00:00Z","updated":"2026-03-06T09:00:00Z","follow_up_of":"T-9612b8b05c9a"}
{"id":"T-9612b8b05c9a-3","status":"new","priority":"normal","group":"billing","created":"2026-03-09T08:00:00Z","updated":"2026-03-09T08:00:00Z","follow_up_of":"T-9612b8b05c9a-2"}
{"kind":"ticket","id":"T-9612b8b05c9a","conversation_id":"c-7","customer":{"id":"cust-7"},"subject":"Wrong VAT number","status":"closed","priority":"normal","group":"billing","channel":"email","tags":["vat"],"created":"2026-03-02T09:00:00Z","updated":"2026-03-05T08:00:00Z"}
{"kind":"ticket","id":"T-9612b8b05c9a-2","conversation_id":"c-7","customer":{"id":"cust-7"},"subject":"Wrong VAT number","status":"closed","priority":"normal","group":"billing","channel":"email","tags":["vat"],"follow_up_of":"T-9612b8b05c9a","created":"2026-03-06T08:00:00Z","updated":"2026-03-06T09:00:00Z"}
{"kind":"ticket","id":"T-9612b8b05c9a-3","conversation_id":"c-7","customer":{"id":"cust-7"},"subject":"Wrong VAT number","status":"new","priority":"normal","group":"billing","channel":"email","tags":["vat"],"follow_up_of":"T-9612b8b05c9a-2","created":"2026-03-09T08:00:00Z","updated":"2026-03-09T08:00:00Z"}
["created",null]
["follow_up","T-9612b8b05c9a"]
["message","m6"]
["status","closed"]
"solved"
["created","cs-ticket",null,null]
["message","customer",null,null]
["message","agent",null,null]
["status","agent","new","open"]
["status","cs-ticket","open","solved"]
--- stderr
--- exit
0
