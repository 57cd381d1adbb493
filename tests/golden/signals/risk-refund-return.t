# A churn reason names what it counts: refunds are "refund(s)" (the
# built-in weight is for refunds alone: a return has none), and a model that
# weighs returns names them "return(s)" (the reason read "2 refunds or
# returns" for two refunds, and a weighted return was "2 signals of type return").
--- cmd
ev() { echo "{\"kind\":\"event\",\"id\":\"$1$3\",\"ts\":\"2026-03-0$3T10:00:00Z\",\"customer\":{\"id\":\"$1\"},\"type\":\"$2\"}"; }
{ ev k1 refund 1; ev k1 refund 2; ev k2 return 1; ev k2 return 2; } > in.ndjson
cs-signals journey --no-alerts --now 2026-03-03T00:00:00Z in.ndjson | jq -c '[.customer.id, [.risk.reasons[].text]]'
echo '{"version":1,"bias":-2.95,"weights":{"return":2.0}}' > model.json
cs-signals journey --no-alerts --model model.json --now 2026-03-03T00:00:00Z in.ndjson | jq -c '[.customer.id, [.risk.reasons[].text]]'
--- stdout
["k1",["2 refunds in the last 14 days, the latest less than a day ago"]]
["k2",[]]
["k1",[]]
["k2",["2 returns in the last 14 days, the latest less than a day ago"]]
--- stderr
--- exit
0
