# --check loads everything a run would and says what it holds: the model's
# intents, the rules, the policy's thresholds, bot, business hours and each
# filter's targets in order, the phrases that ask for a person, the agents;
# without --policy, the share directory's default; a bad file is status 3
# as in a run.
--- cmd
cp "$REPO/examples/route-policy.json" policy.json; cp "$REPO/examples/agents.ndjson" agents.ndjson; cp "$TESTDATA/route/rules.json" rules.json
cs-route train -q -o m.model "$REPO/examples/intents.csv"
cs-route --check -m m.model --rules rules.json -p policy.json --agents agents.ndjson | sed 's/, [0-9]* features, temperature [0-9.]*$/, FEATURES/'
cs-route --check | sed "s|$REPO|REPO|"
echo '{"filters": [{"targets": []}]}' > bad.json
cs-route --check -p bad.json; echo "exit $?"
--- stdout
model m.model: 5 intents, FEATURES
rules rules.json: 3
policy policy.json: threshold 0.3, ambiguity 0.05, selection longest_idle, escalation at sentiment -0.5 (priority +10)
  bot: 3 intents, confidence at least 0.6, calm above -0.05, queue bot
  business hours: 08:00 to 22:00 at UTC+08:00, 0 holidays
  filter vip: senior (priority 5, skipped when no agent is free) then general (priority 5)
  filter money: billing (priority 0, billing >= 3, widen after 300 s, best_skill) then general (priority 0)
  filter orders: orders (priority 0, orders >= 3, skipped when no agent is free) then general (priority 0)
  filter after hours: overnight (priority 0)
  default: general (priority 0)
asks for a person: 167 phrases, 25 patterns
agents: 4 (3 available), 0 conversations waiting
policy REPO/share/route/default.json: threshold 0.3, ambiguity 0, selection longest_idle, escalation at sentiment -0.5 (priority +10)
  bot: 0 intents, confidence at least 0.8, calm above -0.05, queue bot
  filter vip: senior (priority 5, skipped when no agent is free) then general (priority 5)
  default: general (priority 0)
asks for a person: 166 phrases, 25 patterns
exit 3
--- stderr
cs-route: --policy bad.json:1: "targets" must be a non-empty array
--- exit
0
