# The commands for ops scripts: create (numbered T-1, T-2, ... unless --id),
# update, assign, show (with history), list (by status, group, assignee, in
# id order), history (ticket_event records), export (every ticket as a
# ticket record of cs-schema(7)) and recompute (the ticket table rebuilt from
# the events, the same as before). Times parse as cs-ticket reads them
# everywhere (an offset is turned to UTC); --actor names who changed it.
--- cmd
cs-ticket create --db t.db --subject "Printer on fire" --priority urgent --group it --customer c-7 --channel phone --tag hw --tag fire --at 2026-03-05T08:00:00Z --actor ops
cs-ticket create --db t.db --subject "VPN down" --group it --at "2026-03-05 09:30:00+08:00" | jq -c '[.id, .priority, .created]'
cs-ticket create --db t.db --subject "Refund" --id R-77 --group billing --at 2026-03-05T02:00:00.5Z | jq -c '[.id, .created]'
cs-ticket update --db t.db T-1 --status on_hold --untag fire --tag urgent --priority high --at 2026-03-05T09:00:00Z --actor ops
cs-ticket update --db t.db T-1 --status on_hold --group it --at 2026-03-05T09:10:00Z | jq -c .updated
cs-ticket update --db t.db T-2 --group "" --status pending --at 2026-03-05T09:20:00Z | jq -c '[.group, .status]'
cs-ticket assign --db t.db T-1 agent-5 --at 2026-03-05T10:00:00Z --actor lead | jq -c '[.assignee, .updated]'
cs-ticket show --db t.db T-1
cs-ticket list --db t.db | jq -c '[.id, .status, .group]'
cs-ticket list --db t.db --status new --status pending | jq -c .id
cs-ticket list --db t.db --group it | jq -c .id
cs-ticket list --db t.db --assignee agent-5 | jq -c .id
cs-ticket list --db t.db --status closed | wc -l
cs-ticket history --db t.db T-1
cs-ticket export --db t.db -o all.ndjson && wc -l < all.ndjson && jq -c '[.kind, .id, (.history | length)]' all.ndjson
sqlite3 t.db 'SELECT * FROM ticket ORDER BY id' > before.txt
cs-ticket recompute --db t.db
sqlite3 t.db 'SELECT * FROM ticket ORDER BY id' | cmp - before.txt && echo "recompute: the same tickets"
sqlite3 t.db 'DELETE FROM ticket' && cs-ticket recompute --db t.db >/dev/null && sqlite3 t.db 'SELECT * FROM ticket ORDER BY id' | cmp - before.txt && echo "from the events alone: the same tickets"
stat -c %a t.db
--- stdout
{"kind":"ticket","id":"T-1","customer":{"id":"c-7"},"subject":"Printer on fire","status":"new","priority":"urgent","group":"it","channel":"phone","tags":["fire","hw"],"created":"2026-03-05T08:00:00Z","updated":"2026-03-05T08:00:00Z"}
["T-2","normal","2026-03-05T01:30:00Z"]
["R-77","2026-03-05T02:00:00.500Z"]
{"kind":"ticket","id":"T-1","customer":{"id":"c-7"},"subject":"Printer on fire","status":"on_hold","priority":"high","group":"it","channel":"phone","tags":["hw","urgent"],"created":"2026-03-05T08:00:00Z","updated":"2026-03-05T09:00:00Z"}
"2026-03-05T09:00:00Z"
[null,"pending"]
["agent-5","2026-03-05T10:00:00Z"]
{"kind":"ticket","id":"T-1","customer":{"id":"c-7"},"subject":"Printer on fire","status":"on_hold","priority":"high","group":"it","assignee":"agent-5","channel":"phone","tags":["hw","urgent"],"created":"2026-03-05T08:00:00Z","updated":"2026-03-05T10:00:00Z","history":[{"ts":"2026-03-05T09:00:00Z","actor":"ops","action":"status","from":"new","to":"on_hold"},{"ts":"2026-03-05T09:00:00Z","actor":"ops","action":"priority","from":"urgent","to":"high"},{"ts":"2026-03-05T09:00:00Z","actor":"ops","action":"tags","from":["fire","hw"],"to":["hw","urgent"]},{"ts":"2026-03-05T10:00:00Z","actor":"lead","action":"assignee","to":"agent-5"}]}
["R-77","new","billing"]
["T-1","on_hold","it"]
["T-2","pending",null]
"R-77"
"T-2"
"T-1"
"T-1"
0
{"kind":"ticket_event","ticket":"T-1","seq":1,"ts":"2026-03-05T08:00:00Z","actor":"ops","action":"created","data":{"priority":"urgent","group":"it","tags":["fire","hw"],"channel":"phone","customer":{"id":"c-7"},"subject":"Printer on fire"}}
{"kind":"ticket_event","ticket":"T-1","seq":4,"ts":"2026-03-05T09:00:00Z","actor":"ops","action":"status","field":"status","old":"new","new":"on_hold"}
{"kind":"ticket_event","ticket":"T-1","seq":5,"ts":"2026-03-05T09:00:00Z","actor":"ops","action":"priority","field":"priority","old":"urgent","new":"high"}
{"kind":"ticket_event","ticket":"T-1","seq":6,"ts":"2026-03-05T09:00:00Z","actor":"ops","action":"tags","field":"tags","old":["fire","hw"],"new":["hw","urgent"]}
{"kind":"ticket_event","ticket":"T-1","seq":9,"ts":"2026-03-05T10:00:00Z","actor":"lead","action":"assignee","field":"assignee","new":"agent-5"}
3
["ticket","R-77",0]
["ticket","T-1",4]
["ticket","T-2",2]
{"kind":"ticket_recompute","tickets":3,"events":9}
recompute: the same tickets
from the events alone: the same tickets
600
--- stderr
--- exit
0
