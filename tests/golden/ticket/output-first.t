# The commands commit only once their output is written (cs-ticket(1)
# STORE): a create, update, assign or recompute that fails with status 4 on
# its output (a -o path that cannot be written, a full disk) changes
# nothing, so a retry does not make a second ticket; an sla run that cannot
# write its alerts keeps none of them as raised, so the next run raises
# them. They used to commit first: each failed create made a ticket, and the
# breach alert was lost.
--- cmd
cs-ticket create --db t.db --subject "Printer on fire" -o no-such-dir/t.json; echo "create -o no-such-dir: exit $?"
ls
cs-ticket create --db t.db --subject "Printer on fire" --at 2026-03-05T08:00:00Z > /dev/full; echo "create >/dev/full: exit $?"
cs-ticket list --db t.db | wc -l
cs-ticket create --db t.db --subject "Printer on fire" --at 2026-03-05T08:00:00Z | jq -c '[.id, .status]'
cs-ticket update --db t.db --status open T-1 > /dev/full; echo "update: exit $?"
cs-ticket assign --db t.db T-1 agent-5 > /dev/full; echo "assign: exit $?"
sqlite3 t.db 'DELETE FROM ticket'
cs-ticket recompute --db t.db > /dev/full; echo "recompute: exit $?"
sqlite3 t.db 'SELECT count(*) FROM ticket'
cs-ticket recompute --db t.db > /dev/null
cs-ticket list --db t.db | jq -c '[.id, .status, .assignee]'
cs-ingest -q "$REPO/examples/chat.ndjson" | cs-ticket --db s.db > /dev/null
sla() { cs-ticket sla --db s.db --policy "$REPO/examples/sla-policy.json" --now 2026-03-03T03:00:00Z "$@"; }
sla -o no-such-dir/alerts.ndjson; echo "sla -o no-such-dir: exit $?"
sla > /dev/full; echo "sla >/dev/full: exit $?"
sla | jq -c '[.ticket, .type, .metric]'
sla | wc -l
--- stdout
create -o no-such-dir: exit 4
create >/dev/full: exit 4
0
["T-1","new"]
update: exit 4
assign: exit 4
recompute: exit 4
0
["T-1","new",null]
sla -o no-such-dir: exit 4
sla >/dev/full: exit 4
["T-b55d2146407b","ticket.sla_breach","next_response"]
0
--- stderr
cs-ticket create: no-such-dir/t.json: cannot create a temporary file: No such file or directory
cs-ticket create: <stdout>: write error: No space left on device
cs-ticket update: <stdout>: write error: No space left on device
cs-ticket assign: <stdout>: write error: No space left on device
cs-ticket recompute: <stdout>: write error: No space left on device
cs-ticket sla: no-such-dir/alerts.ndjson: cannot create a temporary file: No such file or directory
cs-ticket sla: <stdout>: write error: No space left on device
--- exit
0
