# A ticket created after the time the clock is read at (--now before its
# first message) is read at its creation: its targets have just started,
# nothing has elapsed, the due times count from its creation, and "sla"
# says so with "read_at", its creation; cs-ticket sla raises nothing for
# it. The calendar is UTC, Monday to Friday 09:00-17:00.
--- cmd
echo '{"kind":"conversation","id":"f","ticket_id":"f","messages":[{"id":"f1","ts":"2026-03-02T16:30:00Z","role":"customer","text":"x"}]}' |
  cs-ticket --db t.db --policy $TESTDATA/ticket/sla-1h-8h.json --now 2026-03-02T09:00:00Z | jq -c .ticket.sla
cs-ticket list --db t.db --policy $TESTDATA/ticket/sla-1h-8h.json --now 2026-03-02T09:00:00Z --sla ok | jq -c '[.id, .sla.read_at]'
cs-ticket sla --db t.db --policy $TESTDATA/ticket/sla-1h-8h.json --now 2026-03-02T09:00:00Z --stats
cs-ticket show --db t.db --policy $TESTDATA/ticket/sla-1h-8h.json --now 2026-03-03T09:40:00Z f | jq -c .sla
--- stdout
{"policy":"standard","read_at":"2026-03-02T16:30:00Z","first_response":{"state":"active","target_s":3600,"elapsed_s":0,"due":"2026-03-03T09:30:00Z"},"resolution":{"state":"active","target_s":28800,"elapsed_s":0,"due":"2026-03-03T16:30:00Z"}}
["f","2026-03-02T16:30:00Z"]
{"policy":"standard","first_response":{"state":"breached","target_s":3600,"elapsed_s":4200,"due":"2026-03-03T09:30:00Z","breached_at":"2026-03-03T09:30:00Z"},"resolution":{"state":"active","target_s":28800,"elapsed_s":4200,"due":"2026-03-03T16:30:00Z"}}
--- stderr
cs-ticket sla: stats: tickets 1, warnings 0, breaches 0, escalations 0
--- exit
0
