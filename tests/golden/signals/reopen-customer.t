# A ticket reopened in a ticket_event stream (cs-ticket history) belongs to
# the customer its created event names (data.customer), or whichever record
# links the ticket to one, in any order of the records: the status events
# carry no customer, so the signal had none (no journey, no churn risk), and
# with the history before the export the export's copy, which had the
# customer, was dropped as a repeat. A reopening no record links to a
# customer is still reported, without one, at the end.
--- cmd
cat >hist.ndjson <<'END'
{"kind":"ticket_event","ticket":"T-2","seq":1,"ts":"2026-03-02T08:00:00Z","actor":"cs-ticket","action":"created","data":{"priority":"normal","customer":{"id":"cust-2"},"subject":"Broken"}}
{"kind":"ticket_event","ticket":"T-2","seq":2,"ts":"2026-03-02T09:00:00Z","actor":"cs-ticket","action":"status","field":"status","old":"new","new":"solved"}
{"kind":"ticket_event","ticket":"T-2","seq":3,"ts":"2026-03-03T09:00:00Z","actor":"cs-ticket","action":"status","field":"status","old":"solved","new":"open"}
END
cat >export.ndjson <<'END'
{"kind":"ticket","id":"T-2","customer":{"id":"cust-2"},"subject":"Broken","status":"open","priority":"normal","created":"2026-03-02T08:00:00Z","updated":"2026-03-03T09:00:00Z","history":[{"ts":"2026-03-02T09:00:00Z","actor":"cs-ticket","action":"status","from":"new","to":"solved"},{"ts":"2026-03-03T09:00:00Z","actor":"cs-ticket","action":"status","from":"solved","to":"open"}]}
END
show() { cs-signals --signals-only --no-alerts | jq -c '[.type, .customer.id, .ticket]'; }
echo history:; show <hist.ndjson
echo history, then export:; cat hist.ndjson export.ndjson | show
echo export, then history:; cat export.ndjson hist.ndjson | show
echo history, last event first:; sed -n '3p;1,2p' hist.ndjson | show
echo status events, then export:; sed 1d hist.ndjson | cat - export.ndjson | show
echo status events only:; sed 1d hist.ndjson | show
echo journey:; cs-signals journey hist.ndjson | jq -c '[.customer.id, .counts]'
--- stdout
history:
["reopened_ticket","cust-2","T-2"]
history, then export:
["reopened_ticket","cust-2","T-2"]
export, then history:
["reopened_ticket","cust-2","T-2"]
history, last event first:
["reopened_ticket","cust-2","T-2"]
status events, then export:
["reopened_ticket","cust-2","T-2"]
status events only:
["reopened_ticket",null,"T-2"]
journey:
["cust-2",{"reopened_ticket":1}]
--- stderr
--- exit
0
