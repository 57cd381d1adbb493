# A conversation whose "messages" is not an array of objects is a bad record: named
# with file and line, exit 1; --skip-bad goes on, counts it and leaves it out.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "b", "items": [{"id": "x", "weight": 1, "pass": {"role": "agent"}}]}
CARD
printf '%s\n' '{"kind":"conversation","id":"c1","messages":{"id":"1"}}' '{"kind":"conversation","id":"c2","messages":[1,2]}' '{"kind":"conversation","id":"c3","messages":[]}' >in.ndjson
cs-qa -c card.json --evidence 0 --no-message-sentiment in.ndjson; echo "status $?"
cs-qa -c card.json --evidence 0 --no-message-sentiment --skip-bad in.ndjson; echo "status $?"
--- stdout
status 1
{"kind":"conversation","id":"c3","messages":[],"qa":{"scorecard":"b","score":0,"compliance":null,"auto_fail":false,"items":[{"id":"x","applicable":true,"passed":false,"points":0,"weight":1,"evidence":[]}],"alerts":[],"sentiment":{"emotions":[]}}}
status 1
--- stderr
cs-qa: in.ndjson:1: "messages" is not an array
cs-qa: in.ndjson:1: "messages" is not an array
cs-qa: in.ndjson:2: "messages" holds something other than message objects
cs-qa: 2 bad records left out
--- exit
0
