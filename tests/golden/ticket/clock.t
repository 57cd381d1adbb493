# cs-ticket due and elapsed against hand-computed cases: split shifts (a
# target across lunch; one that ends exactly at a frame's end is due then,
# not at the next opening), a holiday week, a make-up workday on a Saturday
# with Monday's hours, a partial holiday and the year end, DST in New York
# (spring forward and fall back: a frame 01:00-04:00 is 2 and 4 real hours)
# and Berlin, a time with an offset read as that instant, and --to before
# --from refused. A due time is the due instant: it keeps the milliseconds
# of --from (they were dropped, so the due was early and elapsed to it one
# second short), and where the zone's offset has seconds (Amsterdam's
# +00:19:32 in 1900) it is written in UTC (it was +00:19, 32 s off).
--- cmd
cat > cal.json <<'CAL'
{"timezone": "Asia/Shanghai",
 "hours": {"mon": [["09:00","12:00"],["13:00","18:00"]], "tue": [["09:00","12:00"],["13:00","18:00"]],
           "wed": [["09:00","12:00"],["13:00","18:00"]], "thu": [["09:00","12:00"],["13:00","18:00"]],
           "fri": [["09:00","12:00"],["13:00","18:00"]]},
 "holidays": ["2026-10-01", ["2026-10-02", "2026-10-07"], {"date": "2026-12-31", "hours": [["09:00","12:00"]]}, "2027-01-01"],
 "workdays": ["2026-10-10"]}
CAL
echo '{"timezone": "America/New_York", "hours": {"sun": [["01:00","04:00"]], "mon": [["09:00","17:00"]]}}' > ny.json
echo '{"timezone": "Europe/Berlin", "hours": {"sun": [["01:00","04:00"]], "mon": [["09:00","17:00"]]}}' > berlin.json
# 11:30 + 1h: 30m before lunch, 30m after it
cs-ticket due --calendar cal.json --from 2026-03-02T11:30 --target 1h
# 11:00 + 1h ends at 12:00 exactly: due 12:00, not 13:00
cs-ticket due --calendar cal.json --from 2026-03-02T11:00 --target 1h
# Sep 30 17:00 + 2h: 1h, the holidays of Oct 1-7, then Thu Oct 8 09:00-10:00
cs-ticket due --calendar cal.json --from 2026-09-30T17:00 --target 2h
# Fri Oct 9 17:00 + 3h: 1h, then the make-up Saturday Oct 10 09:00-11:00
cs-ticket due --calendar cal.json --from 2026-10-09T17:00 --target 3h
# Dec 31 open 09:00-12:00 only, Jan 1 a holiday, a weekend: Mon Jan 4 10:00
cs-ticket due --calendar cal.json --from 2026-12-31T11:00 --target 2h
# Mon 08:00 to Tue 10:00: 8h Monday, 1h Tuesday
cs-ticket elapsed --calendar cal.json --from 2026-03-02T08:00 --to 2026-03-03T10:00
# 03:30Z is 11:30 in Shanghai: + 30m ends at the frame's end
cs-ticket due --calendar cal.json --from 2026-03-02T03:30:00Z --target 30m
cs-ticket elapsed --calendar cal.json --from 2026-03-03T10:00 --to 2026-03-02T08:00; echo "exit $?"
# New York, 2026-03-08: 01:00-04:00 has no 02:00-03:00
cs-ticket elapsed --calendar ny.json --from 2026-03-08T00:00 --to 2026-03-08T12:00
# 2026-11-01: 01:00-02:00 happens twice; the frame runs from the first 01:00
cs-ticket elapsed --calendar ny.json --from 2026-11-01T00:00 --to 2026-11-01T12:00
cs-ticket due --calendar ny.json --from 2026-11-01T00:00 --target 2h
# Berlin, 2026-03-29: 01:00-02:00 then 03:00 summer time
cs-ticket due --calendar berlin.json --from 2026-03-29T01:00 --target 90m
cs-ticket elapsed --calendar berlin.json --from 2026-10-25T00:00 --to 2026-10-25T12:00
echo '{"timezone":"Asia/Shanghai","24x7":true}' > sh24.json
echo '{"timezone":"Europe/Amsterdam","24x7":true}' > ams.json
for c in "sh24.json 2026-03-02T09:00:00.750+08:00" "ams.json 1900-03-02T00:00:00Z" "ams.json 0001-01-01T00:00:00.5Z"; do
	set -- $c
	due=$(cs-ticket due --calendar $1 --from $2 --target 1h)
	echo "$due $(cs-ticket elapsed --calendar $1 --from $2 --to $due)"
done
--- stdout
2026-03-02T13:30:00+08:00
2026-03-02T12:00:00+08:00
2026-10-08T10:00:00+08:00
2026-10-10T11:00:00+08:00
2027-01-04T10:00:00+08:00
32400
2026-03-02T12:00:00+08:00
exit 2
7200
14400
2026-11-01T02:00:00-05:00
2026-03-29T03:30:00+02:00
14400
2026-03-02T10:00:00.750+08:00 3600
1900-03-02T01:00:00Z 3600
0001-01-01T01:00:00.500Z 3600
--- stderr
cs-ticket elapsed: --to 2026-03-02T08:00 is before --from 2026-03-03T10:00
Try 'cs-ticket elapsed --help' for more information.
--- exit
0
