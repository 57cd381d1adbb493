# cs-roi kpi: a "started" or "ended" that is given but is no time (an
# impossible date, a typo) makes a bad record, as cs-ticket says of it; it
# used to be taken as missing, so the conversation went to the window of its
# first message, days away, without a word (and with no time readable at all,
# the notice said the record had no "started"). A null one is missing.
--- cmd
printf '%s\n' '{"kind":"conversation","id":"c1","customer":{"id":"u1"},"started":"2026-02-30T09:00:00Z","messages":[{"role":"customer","ts":"2026-03-05T10:00:00Z","text":"hi"}]}' \
	'{"kind":"conversation","id":"c2","customer":{"id":"u2"},"started":"2026-03-05T09:00:00Z","ended":"yesterday","messages":[{"role":"customer","ts":"2026-03-05T09:00:00Z","text":"hi"}]}' \
	'{"kind":"conversation","id":"c3","customer":{"id":"u3"},"started":null,"messages":[{"role":"customer","ts":"2026-03-05T11:00:00Z","text":"hi"}]}' > t.ndjson
cs-roi kpi t.ndjson; echo "exit $?"
cs-roi kpi --skip-bad t.ndjson | jq -c '[.window.from, .counts.contacts]'
--- stdout
exit 1
["2026-03-05T00:00:00Z",1]
--- stderr
cs-roi kpi: t.ndjson:1: "started" is not a time
cs-roi kpi: t.ndjson:1: "started" is not a time
cs-roi kpi: t.ndjson:2: "ended" is not a time
cs-roi kpi: 2 bad records left out
--- exit
0
