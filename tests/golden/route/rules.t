# A rules file adds intents (chargeback, which the model does not know) and
# overrides the model: the matching rule of highest priority wins, the first
# listed among equal priorities; patterns match normalized text (full-width
# and upper case fold). With no rule matching, the model decides; without a
# model, no rule means no intent.
--- cmd
tee in.ndjson >/dev/null
cs-route train -q -o m.model "$REPO/examples/intents.csv"
cs-route -m m.model --rules "$TESTDATA/route/rules.json" --field text in.ndjson | jq -c '[.text, .route.intent, .route.source, .route.confidence, .route.reasons[0]]'
cs-route --rules "$TESTDATA/route/rules.json" --field text in.ndjson | jq -c '[.route.intent, .route.source]' | tail -1
--- stdin
{"text":"I will file a CHARGEBACK for this refund"}
{"text":"ＲＥＦＵＮＤ the money please"}
{"text":"you charged me, where is the money"}
{"text":"银行拒付了"}
{"text":"where is my order"}
--- stdout
["I will file a CHARGEBACK for this refund","chargeback","rule",1,"intent: chargeback by rule \"chargeback\" (priority 20) on \"chargeback\""]
["ＲＥＦＵＮＤ the money please","refund","rule",0.9,"intent: refund by rule \"refund words\" (priority 10) on \"refund\""]
["you charged me, where is the money","billing","rule",1,"intent: billing by rule \"any money\" (priority 10) on \"charged\""]
["银行拒付了","chargeback","rule",1,"intent: chargeback by rule \"chargeback\" (priority 20) on \"拒付\""]
["where is my order","order_status","model",0.9997,"intent: order_status at 1.000 (threshold 0.3, ambiguity 0, next refund at 0.000)"]
[null,"none"]
--- stderr
--- exit
0
