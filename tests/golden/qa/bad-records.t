# A conversation whose "messages" is not an array of objects is a bad record: named
# with file and line, exit 1; --skip-bad goes on, counts it and leaves it out.
# Found in the last batch, as the run ends, it stops the run all the same:
# the records before it are on standard output, but an -o file is not made.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "b", "items": [{"id": "x", "weight": 1, "pass": {"role": "agent"}}]}
CARD
printf '%s\n' '{"kind":"conversation","id":"c1","messages":{"id":"1"}}' '{"kind":"conversation","id":"c2","messages":[1,2]}' '{"kind":"conversation","id":"c3","messages":[]}' >in.ndjson
cs-qa -c card.json --evidence 0 --no-message-sentiment in.ndjson; echo "status $?"
cs-qa -c card.json --evidence 0 --no-message-sentiment --skip-bad in.ndjson; echo "status $?"
printf '%s\n' '{"kind":"conversation","id":"c4","messages":[]}' '{"kind":"conversation","id":"c5","messages":[1]}' >last.ndjson
cs-qa -c card.json --evidence 0 --no-message-sentiment last.ndjson > std.ndjson; echo "status $?"
jq -c '[.id, .qa.score]' std.ndjson
cs-qa -c card.json --evidence 0 --no-message-sentiment -o out.ndjson last.ndjson; echo "status $?"
[ -e out.ndjson ] || echo "no out.ndjson"
--- stdout
status 1
{"kind":"conversation","id":"c3","messages":[],"qa":{"scorecard":"b","score":0,"compliance":null,"auto_fail":false,"items":[{"id":"x","applicable":true,"passed":false,"points":0,"weight":1,"evidence":[]}],"alerts":[],"sentiment":{"emotions":[]}}}
status 1
status 1
["c4",0]
status 1
no out.ndjson
--- stderr
cs-qa: in.ndjson:1: "messages" is not an array
cs-qa: in.ndjson:1: "messages" is not an array
cs-qa: in.ndjson:2: "messages" holds something other than message objects
cs-qa: 2 bad records left out
cs-qa: last.ndjson:2: "messages" holds something other than message objects
cs-qa: last.ndjson:2: "messages" holds something other than message objects
--- exit
0
