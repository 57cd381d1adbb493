# --purpose: only records with consent for that purpose are profiled: the
# record's own consent (an array of purposes or an object of purpose:
# true/false; "yes" or 1 is an error in the file, not a refusal) decides,
# else the customer's line in --consent; without
# either, the record passes through unprofiled and is counted.
--- cmd
click() { echo "{\"kind\":\"event\",\"id\":\"$1$2\",\"ts\":\"2026-03-02T10:00:01.${2}00Z\",\"customer\":{\"id\":\"$1\"},\"type\":\"click\",\"name\":\"#b\",\"props\":{\"x\":1,\"y\":1}$3}"; }
burst() { click $1 1 "$2"; click $1 2 "$2"; click $1 3 "$2"; }
printf '%s\n' '{"customer":"c-file","consent":{"retention":true}}' '{"customer":{"id":"c-no"},"consent":["marketing"]}' > consent.ndjson
{ burst c-own ',"consent":["retention"]'; burst c-refused ',"consent":{"retention":false}'; burst c-file; burst c-no; burst c-none; } |
cs-signals --purpose retention --consent consent.ndjson --stats=json --stats-file stats | jq -c 'select(.kind == "signal" and .type == "rage_click") | .customer.id'
jq -c '{events, not_consented}' stats
echo '{"consent":["retention"]}' > bad.ndjson
cs-signals --purpose retention --consent bad.ndjson </dev/null; echo "exit $?"
echo '{"customer":"y"}' > bad2.ndjson; cs-signals --purpose retention --consent bad2.ndjson </dev/null; echo "exit $?"
echo '{"customer":"y","consent":{"retention":"yes"}}' > bad3.ndjson; cs-signals --purpose retention --consent bad3.ndjson </dev/null; echo "exit $?"
echo '{"customer":"y","consent":["retention",1]}' > bad4.ndjson; cs-signals --purpose retention --consent bad4.ndjson </dev/null; echo "exit $?"
--- stdout
"c-own"
"c-file"
{"events":6,"not_consented":9}
exit 3
exit 3
exit 3
exit 3
--- stderr
cs-signals: 9 records without consent for retention were passed on, not profiled
cs-signals: bad.ndjson:1: a consent line needs "customer" (an id)
cs-signals: bad2.ndjson:1: "consent" must be a list of purposes or an object of purpose: true or false
cs-signals: bad3.ndjson:1: "consent" must be a list of purposes or an object of purpose: true or false
cs-signals: bad4.ndjson:1: "consent" must be a list of purposes or an object of purpose: true or false
--- exit
0
