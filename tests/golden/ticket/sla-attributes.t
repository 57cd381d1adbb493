# The policy and the priority that time a ticket are those it had at the
# time the clock is read at (--now), from its history, and the time each
# stretch counted is counted on the calendar of the policy in force then.
#  a  created normal at 09:00 (first_response 4h, urgent 30m), raised to
#     urgent at 11:00: read again at 10:00 it is still normal, 1h of 4h,
#     due 13:00, and cs-ticket sla --now 10:00 raises and escalates nothing;
#     read at 11:00 the urgent 30m target is over the 2h counted, missed at
#     09:30 (the time is kept, the deadline moves);
#  b  created in group a (policy A, calendar time) on Saturday 2026-03-07
#     10:00 +08:00, moved to group b (policy B, cn-2026 business hours) on
#     Monday 09:00: the 47h counted on A's calendar stay (169200 s), and
#     one business hour later B has 172800 s;
#  c  the other way: created in b on Friday 17:00 (1h to B's close at
#     18:00), moved to a on Monday 09:00: a second later 3601 s, not the
#     whole weekend of calendar time.
--- cmd
cat > p.json <<'EOF2'
{"policies":[{"name":"p","targets":{"normal":{"first_response":"4h"},"urgent":{"first_response":"30m"}},
  "escalate":[{"metric":"first_response","group":"escalated"}]}]}
EOF2
cs-ticket create --db t.db --subject x --at 2026-03-02T09:00:00Z >/dev/null
cs-ticket update --db t.db T-1 --priority urgent --at 2026-03-02T11:00:00Z >/dev/null
cs-ticket show --db t.db --policy p.json --now 2026-03-02T10:00:00Z T-1 | jq -c .sla
cs-ticket sla --db t.db --policy p.json --now 2026-03-02T10:00:00Z --stats
cs-ticket show --db t.db --policy p.json --now 2026-03-02T11:00:00Z T-1 | jq -c .sla
cs-ticket show --db t.db T-1 | jq -c '[.priority, .group]'
cat > g.json <<'EOF2'
{"calendars":{"sh":"cn-2026"},
 "policies":[{"name":"A","when":{"group":"a"},"targets":{"normal":{"resolution":"100h"}}},
             {"name":"B","when":{"group":"b"},"calendar":"sh","targets":{"normal":{"resolution":"100h"}}}]}
EOF2
cs-ticket create --db g.db --subject x --group a --at 2026-03-07T10:00:00+08:00 >/dev/null
cs-ticket update --db g.db T-1 --group b --at 2026-03-09T09:00:00+08:00 >/dev/null
cs-ticket show --db g.db --policy g.json --now 2026-03-09T09:00:00+08:00 T-1 | jq -c .sla
cs-ticket show --db g.db --policy g.json --now 2026-03-09T10:00:00+08:00 T-1 | jq -c .sla
cs-ticket create --db g.db --subject x --group b --at 2026-03-06T17:00:00+08:00 >/dev/null
cs-ticket update --db g.db T-2 --group a --at 2026-03-09T09:00:00+08:00 >/dev/null
cs-ticket show --db g.db --policy g.json --now 2026-03-09T09:00:00+08:00 T-2 | jq -c .sla
cs-ticket show --db g.db --policy g.json --now 2026-03-09T09:00:01+08:00 T-2 | jq -c .sla
--- stdout
{"policy":"p","first_response":{"state":"active","target_s":14400,"elapsed_s":3600,"due":"2026-03-02T13:00:00Z"}}
{"policy":"p","first_response":{"state":"breached","target_s":1800,"elapsed_s":7200,"due":"2026-03-02T09:30:00Z","breached_at":"2026-03-02T09:30:00Z"}}
["urgent",null]
{"policy":"B","resolution":{"state":"active","target_s":360000,"elapsed_s":169200,"due":"2026-03-17T15:00:00+08:00"}}
{"policy":"B","resolution":{"state":"active","target_s":360000,"elapsed_s":172800,"due":"2026-03-17T15:00:00+08:00"}}
{"policy":"A","resolution":{"state":"active","target_s":360000,"elapsed_s":3600,"due":"2026-03-13T04:00:00Z"}}
{"policy":"A","resolution":{"state":"active","target_s":360000,"elapsed_s":3601,"due":"2026-03-13T04:00:00Z"}}
--- stderr
cs-ticket sla: stats: tickets 1, warnings 0, breaches 0, escalations 0
--- exit
0
