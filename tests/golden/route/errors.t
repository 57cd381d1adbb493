# Errors name the file and line and exit with the suite's status: a bad
# policy, agents file or model is status 3 before any record is read (an
# emotion cs does not know, such as angry for anger, among them: it would
# never match, and escalation on anger would be off unseen; a holiday
# that is not a real YYYY-MM-DD date, which would never come; a test of a
# built-in attribute with a value it never has, such as "false" for
# business_hours or "bots" for tier, a number for vip, which used to match
# true, or for intent, lt or gt on a true-or-false attribute, on language or
# on emotions, in on vip; a target timeout of 0, which used to
# mean never widen, not at once; a timeout on the last target, which wrote
# widen_after_s for a move that never came); a bad
# agent record in the stream is a bad record (status 1; --skip-bad goes on
# and counts it); training examples without a label are bad records, and
# one label is not enough; option mistakes are status 2.
--- cmd
printf '{"version": 1,\n "filters": [\n  {"name": "x", "when": {"intent": "a"}, "targets": [{"queue": "q", "priority": "high"}]}\n ]}\n' > bad-policy.json
echo '{"text":"hi"}' | cs-route -p bad-policy.json --field text; echo "exit $?"
printf '{"version": 1,\n "escalation": {"sentiment_at_most": -0.95,\n  "emotions": ["angry"]}}\n' > bad-emotion.json
cs-route --check -p bad-emotion.json; echo "exit $?"
printf '{"version": 1, "filters": [{"when": {"emotions": {"in": ["anxiety", "worried"]}}, "targets": [{"queue": "q"}]}]}\n' > bad-emotion-filter.json
cs-route --check -p bad-emotion-filter.json; echo "exit $?"
printf '{"version": 1,\n "business_hours": {"holidays": ["2026-03-06",\n  "2026-3-9"]}}\n' > bad-holiday.json
cs-route --check -p bad-holiday.json; echo "exit $?"
printf '{"version": 1, "business_hours": {"holidays": "2026-02-30"}}\n' > bad-holiday-day.json
cs-route --check -p bad-holiday-day.json; echo "exit $?"
printf '{"version": 1,\n "default_targets": [{"queue": "tier1", "timeout": 0}, {"queue": "overflow"}]}\n' > bad-timeout.json
cs-route --check -p bad-timeout.json; echo "exit $?"
printf '{"version": 1,\n "default_targets": [{"queue": "tier1", "timeout": 60},\n  {"queue": "general", "timeout": 60}]}\n' > last-timeout.json
cs-route --check -p last-timeout.json; echo "exit $?"
printf '{"version": 1, "filters": [{"when": {"vip": true},\n "targets": [{"queue": "senior", "timeout": 120}]}]}\n' > last-timeout-filter.json
cs-route --check -p last-timeout-filter.json; echo "exit $?"
for when in '{"business_hours": "false"}' '{"vip": "true"}' '{"tier": "bots"}' '{"intent_source": ["rule", "rules"]}' '{"confidence": {"ge": "high"}}' \
	'{"vip": 1}' '{"intent": 5}' '{"escalated": {"lt": 1}}' '{"language": {"gt": 2}}' '{"emotions": {"ge": 0}}' '{"vip": {"in": [true]}}'; do
	printf '{"version": 1,\n "filters": [{"when": %s, "targets": [{"queue": "q"}]}]}\n' "$when" > bad-when.json
	cs-route --check -p bad-when.json; echo "exit $?"
done
printf '{"version": 1, "filters": [{"when": {"business_hours": false, "vip": true, "tier": "human", "intent_source": ["rule", "model"], "escalated": {"ne": true}}, "targets": [{"queue": "q"}]}]}\n' > good-when.json
cs-route --check -p good-when.json >/dev/null; echo "exit $?"
printf '{"id":"a1","channels":{"chat":2}}\n{"id":"a2","skills":{"billing":9}}\n' > bad-agents.ndjson
echo '{"text":"hi"}' | cs-route --agents bad-agents.ndjson --field text; echo "exit $?"
echo 'not a model' > bad.model
echo '{"text":"hi"}' | cs-route -m bad.model --field text; echo "exit $?"
printf '{"kind":"agent","id":"a1","channels":{"chat":"many"}}\n{"text":"hi"}\n' | cs-route --field text; echo "exit $?"
printf '{"kind":"agent","id":"a1","channels":{"chat":"many"}}\n{"text":"hi"}\n' | cs-route --skip-bad --field text | jq -c .route.status; echo "exit $?"
printf 'text,label\nhello,greet\nbye,\nfine\n' | cs-route train -o m.model; echo "exit $?"
printf 'text,label\nhello,greet\nhi,greet\n' | cs-route train -o m.model; echo "exit $?"
cs-route --mode fastest </dev/null; echo "exit $?"
cs-route eval --model m.model --folds 3 </dev/null; echo "exit $?"
cs-route train </dev/null; echo "exit $?"
--- stdout
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
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 0
exit 3
exit 3
exit 1
"routed"
exit 0
exit 1
exit 1
exit 2
exit 2
exit 1
--- stderr
cs-route: --policy bad-policy.json:3: "priority" must be a number
cs-route: --policy bad-emotion.json:3: "emotions": "angry" is not anger, frustration, anxiety or satisfaction
cs-route: --policy bad-emotion-filter.json:1: "emotions": "worried" is not anger, frustration, anxiety or satisfaction
cs-route: --policy bad-holiday.json:3: "holidays": "2026-3-9" is not a real date as YYYY-MM-DD
cs-route: --policy bad-holiday-day.json:1: "holidays": "2026-02-30" is not a real date as YYYY-MM-DD
cs-route: --policy bad-timeout.json:2: "timeout" must be at least 1 second (leave it out not to widen; "skip_if": "no_agent" moves on at once)
cs-route: --policy last-timeout.json:3: "timeout" on the last target: there is no next target to widen to
cs-route: --policy last-timeout-filter.json:2: "timeout" on the last target: there is no next target to widen to
cs-route: --policy bad-when.json:2: "business_hours" must be true or false, not a string
cs-route: --policy bad-when.json:2: "vip" must be true or false, not a string
cs-route: --policy bad-when.json:2: "tier" must be bot or human
cs-route: --policy bad-when.json:2: "intent_source" must be rule, model, fallback or none
cs-route: --policy bad-when.json:2: "confidence" must be a number
cs-route: --policy bad-when.json:2: "vip" must be true or false, not a number
cs-route: --policy bad-when.json:2: "intent" must be a string or a list of strings
cs-route: --policy bad-when.json:2: "escalated" is not a number: lt, le, gt and ge cannot compare it
cs-route: --policy bad-when.json:2: "language" is not a number: lt, le, gt and ge cannot compare it
cs-route: --policy bad-when.json:2: "emotions" is not a number: lt, le, gt and ge cannot compare it
cs-route: --policy bad-when.json:2: "vip" is true or false: test it with eq or ne, not in or not_in
cs-route: --agents bad-agents.ndjson:2: "skills": "billing" must be a whole number from 0 to 5
cs-route: --model bad.model: not a cs-route model (or a version this cs-route cannot read)
cs-route: <stdin>:1: agent record: "channels": "chat" must be a whole number from 0 to 1000
cs-route: <stdin>:1: agent record: "channels": "chat" must be a whole number from 0 to 1000
cs-route: 1 bad record left out
cs-route train: <stdin>:3: no label: no field label, category or intent holds one
cs-route train: 2 examples with 1 label: training needs at least two labels
cs-route: --mode: 'fastest' is not longest_idle, least_loaded, round_robin or best_skill
Try 'cs-route --help' for more information.
cs-route eval: --model and --folds: give one (score a model, or cross-validate)
Try 'cs-route eval --help' for more information.
cs-route train: 0 examples with 0 labels: training needs at least two labels
--- exit
0
