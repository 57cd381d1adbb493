# Fallback as Rasa does it: below the confidence threshold, or with the best
# two intents closer than the ambiguity threshold, the intent is
# out_of_scope and the reason names the numbers compared. --threshold and
# --ambiguity override the policy's; route.alternatives lists the next ones.
# --alternatives 0 lists none, yet the ambiguity check still compares the
# best with the real runner-up.
--- cmd
tee in.ndjson >/dev/null
cs-route train -q -o m.model "$REPO/examples/intents.csv"
cs-route -m m.model --field text in.ndjson | jq -c '[.text, .route.intent, .route.source, .route.confidence, [.route.alternatives[].intent]]'
cs-route -m m.model --field text --threshold 0.999 in.ndjson | jq -r '.route.reasons[0]' | head -2
cs-route -m m.model --field text --ambiguity 0.6 --alternatives 1 in.ndjson | jq -c '[.route.intent, (.route.alternatives | length), .route.reasons[0]]' | tail -1
cs-route -m m.model --field text --ambiguity 0.6 --alternatives 0 in.ndjson | jq -c '[.route.intent, (.route.alternatives | length), .route.reasons[0]]' | tail -1
--- stdin
{"text":"where is my order"}
{"text":"我要退款"}
{"text":"refund my invoice charge"}
--- stdout
["where is my order","order_status","model",0.9997,["refund","account"]]
["我要退款","refund","model",0.9991,["faq","account"]]
["refund my invoice charge","refund","model",0.5573,["billing","account"]]
intent: order_status at 1.000 (threshold 0.999, ambiguity 0, next refund at 0.000)
intent: refund at 0.999 (threshold 0.999, ambiguity 0, next faq at 0.000)
["out_of_scope",1,"intent: refund at 0.557 and billing at 0.441 are 0.116 apart, less than the ambiguity threshold 0.6: out_of_scope"]
["out_of_scope",0,"intent: refund at 0.557 and billing at 0.441 are 0.116 apart, less than the ambiguity threshold 0.6: out_of_scope"]
--- stderr
--- exit
0
