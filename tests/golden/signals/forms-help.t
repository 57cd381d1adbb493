# Forms started and never sent (reported when the session ends: 30 minutes
# without an event), payment forms raising signals.payment_hesitation; help
# sought (help pages, help_view, searches) with no result click and no
# contact within 24 hours; searches with no results. A ticket is a contact too,
# as a ticket record (created) or as cs-ticket history's "created" event; one
# created before the help was sought answers nothing.
--- cmd
ev() { # who id time type [name] [props]
	echo "{\"kind\":\"event\",\"id\":\"$2\",\"ts\":\"2026-03-$3Z\",\"customer\":{\"id\":\"$1\"},\"type\":\"$4\",\"name\":\"${5:-}\",\"props\":{${6:-}}}"
}
later() { echo "{\"kind\":\"event\",\"id\":\"tick\",\"ts\":\"2026-03-$1Z\",\"device\":\"clock\",\"type\":\"page_view\",\"name\":\"/\"}"; }
sig() { rm -f stats; cs-signals --signals-only --stats=json --stats-file stats | jq -c '[.kind, .type, .customer.id, [.evidence[].id], .form // .query // .reason]'; jq -c '{undecided}' stats; }
echo sent; { ev f1 s 02T10:00:00 form_start address; ev f1 t 02T10:01:00 form_submit address; later 02T11:00:00; } | sig
echo left, session ended; { ev f2 s 02T10:00:00 page_view /account; ev f2 t 02T10:00:30 form_start address; later 02T10:31:00; } | sig
echo left 29:59 before the end of the input; { ev f3 s 02T10:00:00 form_start address; later 02T10:29:59; } | sig
echo payment; { ev f4 p 02T10:00:00 page_view /checkout/payment; ev f4 c 02T10:00:10 change card '"form":"card-form","tag":"input"'; later 02T11:00:00; } | sig
echo help, nothing asked; { ev h1 a 02T10:00:00 page_view /help/articles/12; ev h1 b 02T10:02:00 search 'cancel order' '"results":4'; later 03T10:00:00.001; } | sig
echo help, chat 23h later; { ev h2 a 02T10:00:00 help_view refunds; echo '{"kind":"conversation","id":"c1","customer":{"id":"h2"},"started":"2026-03-03T09:00:00Z"}'; later 03T11:00:00; } | sig
echo help, ticket 1h later; { ev h5 a 02T10:00:00 help_view refunds; echo '{"kind":"ticket","id":"T-1","customer":{"id":"h5"},"status":"new","created":"2026-03-02T11:00:00Z","history":[]}'; later 03T11:00:00; } | sig
echo help, ticket created event 1h later; { ev h6 a 02T10:00:00 help_view refunds; echo '{"kind":"ticket_event","ticket":"T-2","seq":1,"ts":"2026-03-02T11:00:00Z","action":"created","data":{"customer":{"id":"h6"}}}'; later 03T11:00:00; } | sig
echo help, ticket created the day before; { ev h7 a 02T10:00:00 help_view refunds; echo '{"kind":"ticket","id":"T-3","customer":{"id":"h7"},"status":"new","created":"2026-03-01T11:00:00Z","history":[]}'; later 03T11:00:00; } | sig
echo help, result clicked; { ev h3 a 02T10:00:00 search refund '"results":4'; ev h3 b 02T10:00:20 search_result_click /help/articles/7; later 03T11:00:00; } | sig
echo help, 24h not over; { ev h4 a 02T10:00:00 help_view refunds; later 03T10:00:00; } | sig
echo no results; { ev n1 a 02T10:00:00 search 'refnd' '"results":0'; ev n1 b 02T10:00:05 search 'refund' '"results":3'; later 02T10:00:06; } | sig
--- stdout
sent
{"undecided":0}
left, session ended
["signal","form_abandoned","f2",["t"],"address"]
{"undecided":0}
left 29:59 before the end of the input
{"undecided":1}
payment
["signal","form_abandoned","f4",["c"],"card-form"]
["alert","signals.payment_hesitation","f4",["c"],"Started the payment form card-form on /checkout/payment and left without sending it."]
{"undecided":0}
help, nothing asked
["signal","silent_help_seeker","h1",["a","b"],null]
["alert","signals.silent_help_seeker","h1",["a","b"],"Sought help 2 times (help pages, searches) and did not contact support within 24 hours."]
{"undecided":0}
help, chat 23h later
{"undecided":0}
help, ticket 1h later
{"undecided":0}
help, ticket created event 1h later
{"undecided":0}
help, ticket created the day before
["signal","silent_help_seeker","h7",["a"],null]
["alert","signals.silent_help_seeker","h7",["a"],"Sought help 1 time (help pages, searches) and did not contact support within 24 hours."]
{"undecided":0}
help, result clicked
{"undecided":0}
help, 24h not over
{"undecided":1}
no results
["signal","search_no_results","n1",["a"],"refnd"]
{"undecided":1}
--- stderr
--- exit
0
