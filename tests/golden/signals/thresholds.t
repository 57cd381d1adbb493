# A thresholds file changes any subset of the defaults; the shipped
# share/signals/thresholds.json writes the defaults out and gives the same
# output as none. Errors name the file and line; exit 3. A duration without a
# unit is one ("1000" was read as 1000 seconds, and "idle": "30" as half a
# minute). rage_click.within longer than session.idle names the line of
# "within", or of "idle" when only it is set (the error had no line).
--- cmd
click() { echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-02T10:00:01.${1}00Z\",\"device\":\"d\",\"type\":\"click\",\"name\":\"#b\",\"props\":{\"x\":1,\"y\":1}}"; }
clicks() { for i in 1 2 3; do click $i; done; }
clicks | cs-signals --signals-only | jq -c '[.type, .count]'
clicks | cs-signals --signals-only --thresholds "$CS_SHARE_DIR/signals/thresholds.json" | jq -c '[.type, .count]'
echo '{"rage_click": {"clicks": 4}, "dead_click": {"within": "2s"}}' > four.json
{ clicks; echo '{"kind":"event","ts":"2026-03-02T10:00:09Z","device":"d","type":"scroll"}'; } | cs-signals --signals-only --thresholds four.json | jq -c '[.type, .count]'
printf '{\n "rage_click": {\n  "taps": 4}}\n' > bad1.json; cs-signals -t bad1.json </dev/null; echo "exit $?"
printf '{"u_turn": {"within": "5 seconds"}}\n' > bad2.json; cs-signals -t bad2.json </dev/null; echo "exit $?"
printf '{"rage": {}}\n' > bad3.json; cs-signals -t bad3.json </dev/null; echo "exit $?"
printf '{"rage_click": {"clicks": 1}}\n' > bad4.json; cs-signals -t bad4.json </dev/null; echo "exit $?"
printf '{"silent_help_seeker": {"pages": ["/help", ""]}}\n' > bad5.json; cs-signals -t bad5.json </dev/null; echo "exit $?"
cs-signals -t missing.json </dev/null; echo "exit $?"
printf '{"rage_click": {"within": "1000"}}\n' > bad6.json; cs-signals -t bad6.json </dev/null; echo "exit $?"
printf '{"session": {\n "idle": "30"}}\n' > bad7.json; cs-signals -t bad7.json </dev/null; echo "exit $?"
printf '{\n "session": {"idle": "30m"},\n "rage_click": {\n  "within": "40m"}}\n' > bad8.json; cs-signals -t bad8.json </dev/null; echo "exit $?"
printf '{\n "session": {"idle": "500ms"}}\n' > bad9.json; cs-signals -t bad9.json </dev/null; echo "exit $?"
--- stdout
["rage_click",3]
["rage_click",3]
["dead_click",1]
["dead_click",1]
["dead_click",1]
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
--- stderr
cs-signals: bad1.json:3: "rage_click" has no setting "taps"
cs-signals: bad2.json:1: "within": '5 seconds' is not a duration such as 500ms, 30m or 7d
cs-signals: bad3.json:1: unknown section "rage"
cs-signals: bad4.json:1: "clicks" must be a whole number from 2 to 100
cs-signals: bad5.json:1: "pages": an empty pattern matches everything
cs-signals: missing.json: No such file or directory
cs-signals: bad6.json:1: "within": '1000' needs a unit: ms, s, m, h or d (such as 1000ms or 1000m)
cs-signals: bad7.json:2: "idle": '30' needs a unit: ms, s, m, h or d (such as 30ms or 30m)
cs-signals: bad8.json:4: rage_click.within must be shorter than session.idle
cs-signals: bad9.json:2: rage_click.within must be shorter than session.idle
--- exit
0
