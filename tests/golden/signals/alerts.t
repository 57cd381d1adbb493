# Alerts keep a cooldown per customer and type (default 7 days): within a
# run, and across runs with --state (a SQLite file created 0600). A run
# that fails records nothing. --no-alerts writes none.
--- cmd
survey() { echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-$2Z\",\"customer\":{\"id\":\"$3\"},\"type\":\"survey\",\"survey\":{\"metric\":\"nps\",\"score\":2}}"; }
alerts() { rm -f stats; cs-signals --signals-only "$@" --stats=json --stats-file stats | jq -c 'select(.kind == "alert") | [.type, .customer.id, .ts]'; jq -c '{alerts, alerts_cooled_down}' stats; }
echo one run; { survey a 01T10:00:00 c1; survey b 07T10:00:00 c1; survey c 08T10:00:00 c1; survey d 08T10:00:00 c2; } | alerts
echo first run; survey a 01T10:00:00 c1 | alerts --state st.db
stat -c %a st.db
echo same again; survey a 01T10:00:00 c1 | alerts --state st.db
echo 6 days later; survey b 07T09:59:59 c1 | alerts --state st.db
echo 7 days later; survey c 08T10:00:00 c1 | alerts --state st.db
echo failed run; { survey d 20T10:00:00 c1; echo '{"kind":"event"}'; } | cs-signals --state st.db >/dev/null; echo "exit $?"
echo after it; survey d 20T10:00:00 c1 | alerts --state st.db
echo no alerts; survey e 28T10:00:00 c1 | cs-signals --signals-only --no-alerts | jq -c .kind
--- stdout
one run
["signals.detractor","c1","2026-03-01T10:00:00Z"]
["signals.detractor","c1","2026-03-08T10:00:00Z"]
["signals.detractor","c2","2026-03-08T10:00:00Z"]
{"alerts":3,"alerts_cooled_down":1}
first run
["signals.detractor","c1","2026-03-01T10:00:00Z"]
{"alerts":1,"alerts_cooled_down":0}
600
same again
{"alerts":0,"alerts_cooled_down":1}
6 days later
{"alerts":0,"alerts_cooled_down":1}
7 days later
["signals.detractor","c1","2026-03-08T10:00:00Z"]
{"alerts":1,"alerts_cooled_down":0}
failed run
exit 1
after it
["signals.detractor","c1","2026-03-20T10:00:00Z"]
{"alerts":1,"alerts_cooled_down":0}
no alerts
"signal"
--- stderr
cs-signals: <stdin>:2: an event needs a time in "ts"
--- exit
0
