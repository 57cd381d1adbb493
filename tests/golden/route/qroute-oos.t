# A model trained with out-of-scope examples (CLINC150's "oos") predicts
# that label as an intent; cs-route takes it for out_of_scope (source
# fallback, a reason naming it), as cs-route eval counts it, so a policy's
# out_of_scope filter and the stats see it. "out_of_scope" as a label is
# the same; a real intent still routes on the model.
--- cmd
cat > train.ndjson <<'EOF2'
{"text":"where is my parcel","label":"order_status"}
{"text":"has my order shipped yet","label":"order_status"}
{"text":"track my package please","label":"order_status"}
{"text":"when will my order arrive","label":"order_status"}
{"text":"i want my money back","label":"refund"}
{"text":"how do i get a refund","label":"refund"}
{"text":"refund my purchase please","label":"refund"}
{"text":"can i return this for a refund","label":"refund"}
{"text":"what is the weather like today","label":"oos"}
{"text":"tell me a joke","label":"oos"}
{"text":"who won the football game","label":"oos"}
{"text":"what is the capital of france","label":"oos"}
EOF2
cs-route train -q -o shop.model train.ndjson
sed 's/"oos"/"out_of_scope"/' train.ndjson | cs-route train -q -o shop2.model
cat > policy.json <<'EOF2'
{"version":1,"fallback":{"threshold":0.3,"ambiguity":0},
 "filters":[{"name":"unknown","when":{"intent":"out_of_scope"},"targets":[{"queue":"triage"}]}],
 "default_targets":[{"queue":"general"}]}
EOF2
echo '{"text":"what is the weather like tomorrow","label":"oos"}' > oos.ndjson
cs-route eval -q --model shop.model --threshold 0.3 oos.ndjson | jq -c '{oos_label, oos_recall}'
cs-route -m shop.model -p policy.json --field text --stats=json oos.ndjson 2>stats.json | jq -c '.route | [.intent, .source, .queue, .reasons[0]]'
jq -c '{routed, out_of_scope}' stats.json
cs-route -m shop.model -p policy.json --field text | jq -c '[.text, .route.intent, .route.source, .route.queue]'
cs-route -m shop2.model -p policy.json --field text oos.ndjson | jq -c '[.route.intent, .route.source, .route.queue]'
--- stdin
{"text":"what is the weather like tomorrow"}
{"text":"zzzz qqqq"}
{"text":"where is my parcel"}
--- stdout
{"oos_label":"oos","oos_recall":1}
["out_of_scope","fallback","triage","intent: best oos at 0.997 is the model's label of out-of-scope examples: out_of_scope"]
{"routed":1,"out_of_scope":1}
["what is the weather like tomorrow","out_of_scope","fallback","triage"]
["zzzz qqqq","out_of_scope","fallback","triage"]
["where is my parcel","order_status","model","general"]
["out_of_scope","fallback","triage"]
--- stderr
--- exit
0
