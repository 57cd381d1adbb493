# cs-ticket sla --stats: the kit's stats line, text or JSON with "kind" and
# "program" like every program's, on stderr or appended to --stats-file.
--- cmd
cat > sla.json <<'POL'
{"policies": [{"name": "standard", "targets": {"normal": {"first_response": "1h"}}}]}
POL
echo '{"kind":"conversation","id":"a","ticket_id":"a","messages":[{"id":"a1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"hi"}]}' |
  cs-ticket --db t.db > /dev/null
cs-ticket sla --db t.db --policy sla.json --now 2026-03-02T09:50:00Z --stats=json | jq -c '[.ticket, .type]'
cs-ticket sla --db t.db --policy sla.json --now 2026-03-02T10:10:00Z --stats-file s.txt | jq -c '[.ticket, .type]'
cs-ticket sla --db t.db --policy sla.json --now 2026-03-02T10:20:00Z --stats=json --stats-file s.txt
cat s.txt
--- stdout
["a","ticket.sla_warning"]
["a","ticket.sla_breach"]
cs-ticket sla: stats: tickets 1, warnings 0, breaches 1, escalations 0
{"kind":"stats","program":"cs-ticket sla","tickets":1,"warnings":0,"breaches":0,"escalations":0}
--- stderr
{"kind":"stats","program":"cs-ticket sla","tickets":1,"warnings":1,"breaches":0,"escalations":0}
--- exit
0
