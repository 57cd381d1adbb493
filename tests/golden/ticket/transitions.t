# The state machine, every pair: a ticket is brought to the first status,
# then asked to move to the second. Valid moves: new to any other; open,
# pending and on_hold to each other and to solved and closed; solved to open
# (reopened) or closed; closed to nothing. Asking for the status a ticket
# has is no change. A refused move names the ticket and both states, with
# FILE:LINE, and the run ends with exit 1 after --skip-bad.
--- cmd
n=0
for from in new open pending on_hold solved closed; do
	for to in new open pending on_hold solved closed; do
		id="T-$from-$to"
		echo "{\"kind\":\"conversation\",\"id\":\"c-$id\",\"ticket_id\":\"$id\",\"messages\":[{\"id\":\"m\",\"ts\":\"2026-03-02T09:00:00Z\",\"role\":\"customer\"}]}"
		[ $from = new ] || echo "{\"kind\":\"ticket_update\",\"ticket\":\"$id\",\"ts\":\"2026-03-02T10:00:00Z\",\"status\":\"$from\"}"
		echo "{\"kind\":\"ticket_update\",\"ticket\":\"$id\",\"ts\":\"2026-03-02T11:00:00Z\",\"status\":\"$to\",\"pair\":\"$from -> $to\"}"
	done
done > moves.ndjson
cs-ticket --db t.db --skip-bad moves.ndjson > out.ndjson; echo "exit $?"
jq -r 'select(.pair) | "\(.pair): \(.ticket.status)"' out.ndjson
cs-ticket list --db t.db --status closed | jq -r .id | tr '\n' ' '; echo
--- stdout
exit 1
new -> new: new
new -> open: open
new -> pending: pending
new -> on_hold: on_hold
new -> solved: solved
new -> closed: closed
open -> open: open
open -> pending: pending
open -> on_hold: on_hold
open -> solved: solved
open -> closed: closed
pending -> open: open
pending -> pending: pending
pending -> on_hold: on_hold
pending -> solved: solved
pending -> closed: closed
on_hold -> open: open
on_hold -> pending: pending
on_hold -> on_hold: on_hold
on_hold -> solved: solved
on_hold -> closed: closed
solved -> open: open
solved -> solved: solved
solved -> closed: closed
closed -> closed: closed
T-closed-closed T-closed-new T-closed-on_hold T-closed-open T-closed-pending T-closed-solved T-new-closed T-on_hold-closed T-open-closed T-pending-closed T-solved-closed 
--- stderr
cs-ticket: moves.ndjson:15: ticket T-open-new cannot go from open to new
cs-ticket: moves.ndjson:33: ticket T-pending-new cannot go from pending to new
cs-ticket: moves.ndjson:51: ticket T-on_hold-new cannot go from on_hold to new
cs-ticket: moves.ndjson:69: ticket T-solved-new cannot go from solved to new
cs-ticket: moves.ndjson:75: ticket T-solved-pending cannot go from solved to pending
cs-ticket: moves.ndjson:78: ticket T-solved-on_hold cannot go from solved to on_hold
cs-ticket: moves.ndjson:87: ticket T-closed-new cannot go from closed to new
cs-ticket: moves.ndjson:90: ticket T-closed-open cannot go from closed to open
cs-ticket: moves.ndjson:93: ticket T-closed-pending cannot go from closed to pending
cs-ticket: moves.ndjson:96: ticket T-closed-on_hold cannot go from closed to on_hold
cs-ticket: moves.ndjson:99: ticket T-closed-solved cannot go from closed to solved
cs-ticket: 11 bad records left out
--- exit
0
