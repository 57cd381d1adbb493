# The SLA clock on a business calendar (UTC, Monday to Friday 09:00-17:00;
# 2026-03-02 is a Monday), each case worked out by hand:
#  a  first response over a weekend: 30m Friday, due Monday 10:30; a reply
#     at 10:00 meets it after 1h30m of its 2h;
#  b  next response counts from the oldest unanswered customer message
#     (10:00, not 10:40): answered at 11:10, 1h10m of 1h, missed at 11:00;
#  c  resolution pauses while pending (10:00-13:00), stops when solved
#     (14:00) and runs on when reopened (15:00): at 15:30, 2h30m of 4h, due
#     17:00;
#  d  the same ticket raised to high priority at 15:10: its 2h target over
#     the same 2h30m (the time counted is kept, the deadline moves): 2h were
#     used when it was solved at 14:00, so it was missed as soon as it was
#     reopened at 15:00; its first response (1h) was missed at 10:00;
#  g  an internal note is no reply.
--- cmd
cat > sla.json <<'POL'
{"calendars": {"biz": {"timezone": "UTC", "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]],
   "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}},
 "policies": [
  {"name": "standard", "calendar": "biz",
   "targets": {"normal": {"first_response": "2h", "next_response": "1h", "periodic_update": "4h", "resolution": "4h"},
               "high": {"first_response": "1h", "next_response": "30m", "resolution": "2h"}}}]}
POL
msg() { printf '{"id":"%s","ts":"%s","role":"%s","text":"x"%s}' "$1" "$2" "$3" "$4"; }
conv() { printf '{"kind":"conversation","id":"%s","ticket_id":"%s","messages":[%s]}\n' "$1" "$1" "$2"; }
show() { cs-ticket --db t.db --policy sla.json --now "$1" | jq -c '[.ticket.id, .ticket.sla]'; }
conv a "$(msg a1 2026-03-06T16:30:00Z customer)" | show 2026-03-09T09:00:00Z
conv a "$(msg a1 2026-03-06T16:30:00Z customer),$(msg a2 2026-03-09T10:00:00Z agent)" | show 2026-03-09T12:00:00Z
conv b "$(msg b1 2026-03-02T09:00:00Z customer),$(msg b2 2026-03-02T09:10:00Z agent),$(msg b3 2026-03-02T10:00:00Z customer),$(msg b4 2026-03-02T10:40:00Z customer),$(msg b5 2026-03-02T11:10:00Z agent)" | show 2026-03-02T11:30:00Z
conv c "$(msg c1 2026-03-02T09:00:00Z customer)" > c.ndjson
for u in '"ts":"2026-03-02T10:00:00Z","status":"pending"' '"ts":"2026-03-02T13:00:00Z","status":"open"' \
    '"ts":"2026-03-02T14:00:00Z","status":"solved"' '"ts":"2026-03-02T15:00:00Z","status":"open"'; do
  echo "{\"kind\":\"ticket_update\",\"ticket\":\"c\",$u}" >> c.ndjson; done
show 2026-03-02T15:30:00Z < c.ndjson | tail -1
echo '{"kind":"ticket_update","ticket":"c","ts":"2026-03-02T15:10:00Z","priority":"high"}' | show 2026-03-02T15:30:00Z
conv g "$(msg g1 2026-03-02T09:00:00Z customer),$(msg g2 2026-03-02T09:05:00Z agent ',"internal":true')" | show 2026-03-02T09:30:00Z
--- stdout
["a",{"policy":"standard","first_response":{"state":"active","target_s":7200,"elapsed_s":1800,"due":"2026-03-09T10:30:00Z"},"resolution":{"state":"active","target_s":14400,"elapsed_s":1800,"due":"2026-03-09T12:30:00Z"}}]
["a",{"policy":"standard","first_response":{"state":"met","target_s":7200,"elapsed_s":5400},"periodic_update":{"state":"active","target_s":14400,"elapsed_s":7200,"due":"2026-03-09T14:00:00Z"},"resolution":{"state":"active","target_s":14400,"elapsed_s":12600,"due":"2026-03-09T12:30:00Z"}}]
["b",{"policy":"standard","first_response":{"state":"met","target_s":7200,"elapsed_s":600},"next_response":{"state":"breached","target_s":3600,"elapsed_s":4200,"breached_at":"2026-03-02T11:00:00Z"},"periodic_update":{"state":"active","target_s":14400,"elapsed_s":1200,"due":"2026-03-02T15:10:00Z"},"resolution":{"state":"active","target_s":14400,"elapsed_s":9000,"due":"2026-03-02T13:00:00Z"}}]
["c",{"policy":"standard","first_response":{"state":"breached","target_s":7200,"elapsed_s":18000,"breached_at":"2026-03-02T11:00:00Z"},"resolution":{"state":"active","target_s":14400,"elapsed_s":9000,"due":"2026-03-02T17:00:00Z"}}]
["c",{"policy":"standard","first_response":{"state":"breached","target_s":3600,"elapsed_s":18000,"breached_at":"2026-03-02T10:00:00Z"},"resolution":{"state":"breached","target_s":7200,"elapsed_s":9000,"due":"2026-03-02T15:00:00Z","breached_at":"2026-03-02T15:00:00Z"}}]
["g",{"policy":"standard","first_response":{"state":"active","target_s":7200,"elapsed_s":1800,"due":"2026-03-02T11:00:00Z"},"resolution":{"state":"active","target_s":14400,"elapsed_s":1800,"due":"2026-03-02T13:00:00Z"}}]
--- stderr
--- exit
0
