# Fallback as Rasa does it: below the confidence threshold, or with the best
# two intents closer than the ambiguity threshold, the intent is
# out_of_scope and the reason names the numbers compared. --threshold and
# --ambiguity override the policy's; route.alternatives lists the next ones.
--- cmd
tee in.ndjson >/dev/null
cs-route train -q -o m.model "$REPO/examples/intents.csv"
cs-route -m m.model --field text in.ndjson | jq -c '[.text, .route.intent, .route.source, .route.confidence, [.route.alternatives[].intent]]'
cs-route -m m.model --field text --threshold 0.999 in.ndjson | jq -r '.route.reasons[0]' | head -2
cs-route -m m.model --field text --ambiguity 0.5 --alternatives 1 in.ndjson | jq -c '[.route.intent, (.route.alternatives | length), .route.reasons[0]]' | tail -1
--- stdin
{"text":"where is my order"}
{"text":"我要退款"}
{"text":"refund my invoice charge"}
--- stdout
["where is my order","order_status","model",0.9965,["refund","account"]]
["我要退款","refund","model",0.9944,["order_status","faq"]]
["refund my invoice charge","billing","model",0.688,["refund","account"]]
intent: best order_status at 0.996 is below the threshold 0.999: out_of_scope
intent: best refund at 0.994 is below the threshold 0.999: out_of_scope
["out_of_scope",1,"intent: billing at 0.688 and refund at 0.305 are 0.383 apart, less than the ambiguity threshold 0.5: out_of_scope"]
--- stderr
--- exit
0
