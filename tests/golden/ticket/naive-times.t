# Times on the command line without an offset are read in --tz when it is
# given (wherever it stands among the options), else on the clock of the
# command's calendar: due and elapsed the --calendar's, sla and the filter
# with --policy the policy file's first calendar's; without either, UTC
# (the filter says so once). A time with an offset is that instant.
# The calendar is Asia/Shanghai, 09:00-18:00 every weekday.
--- cmd
cat > cal.json <<'CAL'
{"timezone": "Asia/Shanghai", "hours": {"mon": [["09:00","18:00"]], "tue": [["09:00","18:00"]],
 "wed": [["09:00","18:00"]], "thu": [["09:00","18:00"]], "fri": [["09:00","18:00"]]}}
CAL
printf '{"calendars": {"sh": "cal.json"}, "policies": [{"name": "p", "calendar": "sh",\n "targets": {"normal": {"first_response": "1h"}}}]}\n' > sla.json
cs-ticket due --calendar cal.json --from 2026-03-02T09:00 --target 1h
cs-ticket due --calendar cal.json --from 2026-03-02T09:00 --target 1h --tz UTC
cs-ticket due --calendar cal.json --from 2026-03-02T09:00+08:00 --target 1h --tz UTC
cs-ticket elapsed --calendar cal.json --from 2026-03-02T09:00 --to 2026-03-02T10:00
cs-ticket elapsed --tz Europe/Berlin --calendar cal.json --from 2026-03-02T02:00 --to 2026-03-02T03:00
cs-ticket create --db t.db --id a --subject x --at 2026-03-02T09:00 --tz Asia/Shanghai | jq -c '[.id, .created]'
cs-ticket create --db t.db --id b --subject x --at 2026-03-02T09:00 | jq -c '[.id, .created]'
cs-ticket sla --db t.db --policy sla.json --now 2026-03-02T09:50 | jq -c '[.ticket, .type, .elapsed_s]'
echo '{"kind":"ticket_update","ticket":"a","ts":"2026-03-02T01:00:00Z","priority":"normal"}' |
  cs-ticket --db t.db --policy sla.json --now 2026-03-02T09:55 | jq -c '.ticket.sla.first_response'
echo '{"kind":"ticket_update","ticket":"a","ts":"2026-03-02T01:00:00Z","priority":"normal"}' |
  cs-ticket --db t.db --policy sla.json --now 2026-03-02T09:55 --tz UTC | jq -c '.ticket.sla.first_response'
echo '{"kind":"ticket_update","ticket":"a","ts":"2026-03-02T01:00:00Z","priority":"normal"}' |
  cs-ticket --db t.db --now 2026-03-02T09:55 | jq -c '.ticket.id'
--- stdout
2026-03-02T10:00:00+08:00
2026-03-02T18:00:00+08:00
2026-03-02T10:00:00+08:00
3600
3600
["a","2026-03-02T01:00:00Z"]
["b","2026-03-02T09:00:00Z"]
["a","ticket.sla_warning",3000]
{"state":"active","target_s":3600,"elapsed_s":3300,"due":"2026-03-02T10:00:00+08:00"}
{"state":"breached","target_s":3600,"elapsed_s":32100,"due":"2026-03-02T10:00:00+08:00","breached_at":"2026-03-02T10:00:00+08:00"}
"a"
--- stderr
cs-ticket: 1 time without an offset (such as '2026-03-02T09:55') was read as UTC: name their zone with --tz
--- exit
0
