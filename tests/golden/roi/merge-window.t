# cs-roi merge keeps each record's window and names it by --window and
# --tz, so a record whose window is not one of those is a bad record with
# the reason, not a record with another window's id: daily records merged
# with --window week gave seven records the id of their week (duplicate
# ids), and records of New York days merged in UTC were named by UTC days.
# trend rolls daily records up into weeks (cs-roi(1)).
--- cmd
m() { echo "{\"role\":\"$1\",\"ts\":\"2026-03-$2Z\"}"; }
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"$2\"},\"started\":\"2026-03-$3Z\",\"messages\":[$(m customer $3),$(m agent $3)],\"ended\":\"2026-03-$3Z\"}"; }
{ c a1 u1 02T15:00:00; c a2 u2 03T15:00:00; c a3 u3 04T15:00:00; } > all.ndjson
cs-roi kpi --tz America/New_York all.ndjson > days.ndjson
cs-roi merge --tz America/New_York days.ndjson | cmp - days.ndjson && echo "the options of the parts: the same records"
cs-roi merge --window week --tz America/New_York days.ndjson > out; echo "exit $?"; jq -c '[.id, .window.from]' out
cs-roi merge --skip-bad days.ndjson > out; echo "exit $?"; jq -c '[.id, .window.from]' out
--- stdout
the options of the parts: the same records
exit 1
exit 1
--- stderr
cs-roi merge: days.ndjson:1: its window is not one of --window week in America/New_York: give merge the --window and --tz its parts were made with (cs-roi trend rolls days up into weeks)
cs-roi merge: days.ndjson:1: its window is not one of --window day in UTC: give merge the --window and --tz its parts were made with (cs-roi trend rolls days up into weeks)
cs-roi merge: days.ndjson:2: its window is not one of --window day in UTC: give merge the --window and --tz its parts were made with (cs-roi trend rolls days up into weeks)
cs-roi merge: days.ndjson:3: its window is not one of --window day in UTC: give merge the --window and --tz its parts were made with (cs-roi trend rolls days up into weeks)
cs-roi merge: 3 bad records left out
--- exit
0
