# Times on the command line without an offset are read in --tz when it is
# given (wherever it stands among the options), else on the clock of the
# command's calendar: due and elapsed the --calendar's, sla and the filter
# with --policy the policy file's first calendar's; without either, UTC
# (the filter says so once). A time with an offset is that instant.
# The calendar is Asia/Shanghai, 09:00-18:00 every weekday.
# A local time the clocks skip is the instant of the change, one they show
# twice its first occurrence, whether the zone is the calendar's or --tz's:
# New York's 02:30 on 2026-03-08 is 07:00Z (1h to 08:00Z, 30m to 03:30
# EDT), its 01:30 on 2026-11-01 is 05:30Z (EDT).
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
printf '{"timezone": "America/New_York", "hours": {"sun": [["00:00","24:00"]]}}\n' > ny.json
cs-ticket elapsed --calendar ny.json --from 2026-03-08T02:30 --to 2026-03-08T08:00:00Z
cs-ticket elapsed --calendar ny.json --from 2026-03-08T02:30 --to 2026-03-08T08:00:00Z --tz America/New_York
cs-ticket due --calendar ny.json --from 2026-03-08T02:30 --target 30m --tz America/New_York
cs-ticket create --db t.db --id c --subject x --tz America/New_York --at 2026-03-08T02:30 | jq -c '[.id, .created]'
cs-ticket create --db t.db --id d --subject x --tz America/New_York --at 2026-11-01T01:30 | jq -c '[.id, .created]'
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
3600
3600
2026-03-08T03:30:00-04:00
["c","2026-03-08T07:00:00Z"]
["d","2026-11-01T05:30:00Z"]
--- stderr
cs-ticket: 1 time without an offset (such as '2026-03-02T09:55') was read as UTC: name their zone with --tz
--- exit
0
