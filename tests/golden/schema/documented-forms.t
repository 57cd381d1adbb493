# The JSON Schema takes what cs-schema(7) and the programs take: an agent's
# id as a number (cs-route routes to 42 and writes "42"), a survey event
# with metric "resolved" (cs-roi kpi counts it in fcr_survey), and it holds
# an agent's capacity, like cs-route, to whole numbers (cs-route refuses 2.5,
# status 3). It used to refuse the first two. Each name of $defs is there
# once: signals_field, signal and journey were written twice (RFC 8259 says
# names SHOULD be unique; a strict parser refuses such a file). Checked with
# tests/data/schema/accepts.jq; the duplicates with jq --stream, where a
# name written twice gives the same paths twice (the file's names listed).
# Every kind the RECORDS section of cs-schema(7) describes has its
# definition, chosen by "kind" (intent_eval, mined, term_totals and
# term_counts had neither a section nor a definition).
--- cmd
schema=$CS_SHARE_DIR/schema/cs-records.schema.json
check() { jq -L "$TESTDATA/schema" -c --slurpfile s "$schema" "include \"accepts\"; [., $1]"; }
echo '{"version":1,"default_targets":[{"queue":"a"}]}' > p.json
echo '{"kind":"agent","id":42,"channels":{"chat":1},"status":"available","capacity":2}' > agents.ndjson
echo '{"kind":"conversation","id":"c1","channel":"chat","started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hi"}]}' |
  cs-route -q -p p.json --agents agents.ndjson | jq -c '.route | [.status, .agent]'
echo '{"kind":"agent","id":"a1","capacity":2.5}' > bad.ndjson
echo '{"kind":"conversation","id":"c1"}' | cs-route -q -p p.json --agents bad.ndjson; echo "status $?"
printf '%s\n' 42 '"agent-3"' 4.5 true | check 'accepts($s[0]; $s[0]."$defs".agent.properties.id; .)'
printf '%s\n' 0 2 1000000 2.5 -1 1000001 | check 'accepts($s[0]; $s[0]."$defs".agent.properties.capacity; .)'
echo '{"kind":"event","id":"e1","ts":"2026-03-02T01:00:00Z","customer":{"id":"u1"},"type":"survey","survey":{"metric":"resolved","score":1}}' |
  cs-roi kpi | jq -c '.counts | [.fcr_survey_responses, .fcr_survey_yes]'
printf '%s\n' '"resolved"' '"csat"' '"fcr"' | check 'accepts($s[0]; $s[0]."$defs".event.properties.survey.properties.metric; .)'
jq -c --stream 'select(length == 2) | .[0]' "$schema" | sort | uniq -d | jq -r '.[0:2] | map(tostring) | join(".")' | uniq
jq -r '."$defs" | keys | length' "$schema"
jq -r '.allOf[].if.properties.kind.const' "$schema" | sort >defined.txt
sed -n '/^\.Sh RECORDS/,/^\.Sh /s/^\.Ss //p' "$REPO/man/cs-schema.7" | tr -d , | tr -s ' ' '\n' | grep -v '^customer$' | sort >documented.txt
echo "$(wc -l <documented.txt) kinds documented, $(comm -23 documented.txt defined.txt | wc -l) without a definition"
comm -23 documented.txt defined.txt
--- stdout
["assigned","42"]
status 3
[42,true]
["agent-3",true]
[4.5,true]
[true,false]
[0,true]
[2,true]
[1000000,true]
[2.5,false]
[-1,false]
[1000001,false]
[1,1]
["resolved",true]
["csat",true]
["fcr",false]
50
23 kinds documented, 0 without a definition
--- stderr
cs-route: --agents bad.ndjson:1: "capacity" must be a whole number from 0 to 1000000
--- exit
0
