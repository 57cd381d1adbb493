# show, list and export with --policy: each ticket record gets "sla", the
# same object the filter adds to "ticket", read at --now. list chooses by
# SLA state: --sla STATE (repeat: any of them; active, ok, warning, paused,
# met, breached) for any metric, or with --metric for that one;
# --breached is --sla breached. The calendar is UTC, Monday to Friday
# 09:00-17:00; at 10:30 on Monday 2026-03-02:
#  a  first response 1h from 09:00: breached (1h30m);
#  b  from 09:50: 40m of 1h, ok (the warning comes at 80%, 48m);
#  c  from 09:42: 48m of 1h, warning;
#  d  answered at 09:20: first response met; pending since 09:30, so
#     resolution (8h) paused;
# every ticket's resolution (8h) is ok.
# --sla, --breached and --metric need --policy (status 2), as does --now.
--- cmd
msg() { printf '{"id":"%s","ts":"%s","role":"%s","text":"x"}' "$1" "$2" "$3"; }
conv() { printf '{"kind":"conversation","id":"%s","ticket_id":"%s","messages":[%s]}\n' "$1" "$1" "$2"; }
{ conv a "$(msg a1 2026-03-02T09:00:00Z customer)"
  conv b "$(msg b1 2026-03-02T09:50:00Z customer)"
  conv c "$(msg c1 2026-03-02T09:42:00Z customer)"
  conv d "$(msg d1 2026-03-02T09:00:00Z customer),$(msg d2 2026-03-02T09:20:00Z agent)"
  echo '{"kind":"ticket_update","ticket":"d","ts":"2026-03-02T09:30:00Z","status":"pending"}'
} | cs-ticket --db t.db > /dev/null
P="--db t.db --policy $TESTDATA/ticket/sla-1h-8h.json --now 2026-03-02T10:30:00Z"
ids() { jq -r .id | tr '\n' ' '; echo; }
cs-ticket list $P | jq -c '[.id, .sla.first_response.state, .sla.resolution.state]'
echo "breached: $(cs-ticket list $P --breached | ids)"
echo "warning: $(cs-ticket list $P --sla warning | ids)"
echo "ok: $(cs-ticket list $P --sla ok | ids)"
echo "paused: $(cs-ticket list $P --sla paused | ids)"
echo "met: $(cs-ticket list $P --sla met | ids)"
echo "warning or breached: $(cs-ticket list $P --sla warning --sla breached | ids)"
echo "resolution active: $(cs-ticket list $P --sla active --metric resolution | ids)"
echo "first_response active: $(cs-ticket list $P --sla active --metric first_response | ids)"
echo "pending and ok: $(cs-ticket list $P --status pending --sla ok | ids)"
cs-ticket show $P d | jq -c '[.id, (.history | length), .sla]'
cs-ticket export $P | jq -c '[.id, .sla.policy, .sla.first_response.elapsed_s]'
cs-ticket show --db t.db d | jq -c 'has("sla")'
cs-ticket list --db t.db --breached; echo "exit $?"
cs-ticket list $P --metric resolution; echo "exit $?"
cs-ticket list $P --sla late; echo "exit $?"
cs-ticket export --db t.db --now 2026-03-02T10:30:00Z; echo "exit $?"
--- stdout
["a","breached","active"]
["b","active","active"]
["c","active","active"]
["d","met","paused"]
breached: a 
warning: c 
ok: a b c d 
paused: d 
met: d 
warning or breached: a c 
resolution active: a b c 
first_response active: b c 
pending and ok: d 
["d",2,{"policy":"standard","first_response":{"state":"met","target_s":3600,"elapsed_s":1200},"resolution":{"state":"paused","target_s":28800,"elapsed_s":1800}}]
["a","standard",5400]
["b","standard",2400]
["c","standard",2880]
["d","standard",1200]
false
exit 2
exit 2
exit 2
exit 2
--- stderr
cs-ticket list: --sla and --breached need --policy
Try 'cs-ticket list --help' for more information.
cs-ticket list: --metric needs --sla or --breached
Try 'cs-ticket list --help' for more information.
cs-ticket list: --sla: 'late' is not active, ok, warning, paused, met or breached
Try 'cs-ticket list --help' for more information.
cs-ticket export: --now needs --policy
Try 'cs-ticket export --help' for more information.
--- exit
0
