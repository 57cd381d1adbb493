# Dead clicks (Mixpanel: no page change, DOM change, request or scroll
# within 500 ms) and error clicks (an error within 1000 ms after a click).
# A click on a text input is never dead; a click in a rage burst is
# reported as the burst; a click at the very end of the input is undecided.
--- cmd
ev() { # device id seconds type [name] [props]
	echo "{\"kind\":\"event\",\"id\":\"$2\",\"ts\":\"2026-03-02T10:00:$3Z\",\"device\":\"$1\",\"type\":\"$4\",\"name\":\"${5:-#buy}\",\"props\":{${6:-\"tag\":\"button\"}}}"
}
sig() { rm -f stats; cs-signals --signals-only --stats=json --stats-file stats | jq -c '[.type, [.evidence[].id]] + (if .status then [.status] else [] end)'; jq -c '{undecided}' stats; }
echo answered at 500 ms; { ev d1 c 01.000 click; ev d1 n 01.500 network; ev d1 z 09.000 scroll; } | sig
echo answered at 501 ms; { ev d2 c 01.000 click; ev d2 n 01.501 network; ev d2 z 09.000 scroll; } | sig
echo page view answers; { ev d3 c 01.000 click; ev d3 p 01.200 page_view /next; ev d3 z 09.000 scroll; } | sig
echo change answers; { ev d3 c 01.000 click; ev d3 p 01.200 change; ev d3 z 09.000 scroll; } | sig
echo text input; { ev d4 c 01.000 click '#email' '"tag":"input"'; ev d4 z 09.000 scroll; } | sig
echo error at 1000 ms; { ev d5 c 01.000 click; ev d5 n 01.100 network; ev d5 e 02.000 error TypeError; ev d5 z 09.000 scroll; } | sig
echo error at 1001 ms; { ev d6 c 01.000 click; ev d6 n 01.100 network; ev d6 e 02.001 error TypeError; ev d6 z 09.000 scroll; } | sig
echo failed request; { ev d7 c 01.000 click; ev d7 n 01.300 network /api/pay '"status":502'; ev d7 z 09.000 scroll; } | sig
echo request 399; { ev d8 c 01.000 click; ev d8 n 01.300 network /api/pay '"status":399'; ev d8 z 09.000 scroll; } | sig
echo last event; ev d9 c 01.000 click | sig
--- stdout
answered at 500 ms
{"undecided":0}
answered at 501 ms
["dead_click",["c"]]
{"undecided":0}
page view answers
{"undecided":0}
change answers
{"undecided":0}
text input
{"undecided":0}
error at 1000 ms
["error_click",["c","e"]]
{"undecided":0}
error at 1001 ms
{"undecided":0}
failed request
["error_click",["c","n"],502]
{"undecided":0}
request 399
{"undecided":0}
last event
{"undecided":1}
--- stderr
--- exit
0
