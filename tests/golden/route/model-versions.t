# A model file of an earlier version is read and scored as it was trained:
# shop-v2.model was written by cs-route 0.1.0 before version 3 (character
# n-gram keys rolled over code points) from every third example of
# examples/intents.csv, and these scores are the ones that cs-route gave
# with it. Training now writes version 3, which gives the same intents.
--- cmd
printf '%s\n' '{"text":"where is my order"}' '{"text":"I want a refund for the broken item"}' \
	'{"text":"我要退款，订单还没到"}' '{"text":"can not log in to my account"}' '{"text":"zzz"}' > t.ndjson
cs-route -q -m "$REPO/tests/data/route/shop-v2.model" --field text t.ndjson | jq -c '.route | [.intent, .confidence, .alternatives]'
head -1 "$REPO/examples/intents.csv" > small.csv
sed -n '2,127p' "$REPO/examples/intents.csv" | awk 'NR % 3 == 1' >> small.csv
cs-route train -q -o v3.model small.csv
zstd -dc < v3.model | head -1
cs-route -q -m v3.model --field text t.ndjson | jq -c '.route.intent'
--- stdout
["order_status",0.9903,[{"intent":"refund","confidence":0.0032},{"intent":"billing","confidence":0.0029}]]
["refund",0.9811,[{"intent":"billing","confidence":0.0068},{"intent":"order_status","confidence":0.0055}]]
["refund",0.9784,[{"intent":"order_status","confidence":0.0093},{"intent":"faq","confidence":0.0046}]]
["order_status",0.4566,[{"intent":"account","confidence":0.3386},{"intent":"refund","confidence":0.1138}]]
["out_of_scope",0.2487,[{"intent":"refund","confidence":0.2195},{"intent":"faq","confidence":0.1995}]]
cs-intent-model 3
"order_status"
"refund"
"refund"
"order_status"
"out_of_scope"
--- stderr
--- exit
0
