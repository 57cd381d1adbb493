# cs-roi kpi: a conversation's handle_s must be seconds from 0 up; a
# negative one (a sign error in an export) is a bad record, not a negative
# AHT and cost per contact that cs-roi staff would then refuse.
--- cmd
printf '%s\n' '{"kind":"conversation","id":"n1","customer":{"id":"u1"},"started":"2026-03-02T01:00:00Z","handle_s":-300,"messages":[{"id":"a","ts":"2026-03-02T01:00:00Z","role":"customer","text":"x"},{"id":"b","ts":"2026-03-02T01:00:05Z","role":"agent","text":"y"}]}' \
	'{"kind":"conversation","id":"n2","customer":{"id":"u2"},"started":"2026-03-02T02:00:00Z","handle_s":"300","messages":[{"id":"a","ts":"2026-03-02T02:00:00Z","role":"customer","text":"x"},{"id":"b","ts":"2026-03-02T02:00:05Z","role":"agent","text":"y"}]}' \
	'{"kind":"conversation","id":"n3","customer":{"id":"u3"},"started":"2026-03-02T03:00:00Z","handle_s":240,"messages":[{"id":"a","ts":"2026-03-02T03:00:00Z","role":"customer","text":"x"},{"id":"b","ts":"2026-03-02T03:00:05Z","role":"agent","text":"y"}]}' > neg.ndjson
cs-roi kpi neg.ndjson
echo "exit $?"
cs-roi kpi --skip-bad --cost-per-hour 36 neg.ndjson | jq -c '[.counts.handled, .sums.handle_ms, .kpi.aht_s, .kpi.cost_per_contact]'
cs-roi kpi --skip-bad --window 15m neg.ndjson 2>/dev/null | cs-roi staff --json | jq -c '[.window.from, .aht_s]'
--- stdout
exit 1
[1,240000,240,2.4]
["2026-03-02T03:00:00Z",240]
--- stderr
cs-roi kpi: neg.ndjson:1: "handle_s" must be a number of seconds from 0 up
cs-roi kpi: neg.ndjson:1: "handle_s" must be a number of seconds from 0 up
cs-roi kpi: neg.ndjson:2: "handle_s" must be a number of seconds from 0 up
cs-roi kpi: 2 bad records left out
--- exit
0
