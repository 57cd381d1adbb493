# cs-qa mine: the customer's terms over-represented in negative or low-scoring
# conversations (G² against the rest, English words and pairs, Chinese character
# pairs and triples), the agent's terms of the best-scoring ones; --partial counts
# merge to the same lists; --previous gives the terms emerging since.
--- cmd
cat > scored.ndjson <<'DATA'
{"kind":"conversation","id":"n1","qa":{"score":40,"sentiment":{"customer":{"mean":-0.6}}},"messages":[{"id":"a","role":"customer","text":"The refund never arrived, still waiting"},{"id":"b","role":"agent","text":"Let me check"}]}
{"kind":"conversation","id":"n2","qa":{"score":50,"sentiment":{"customer":{"mean":-0.4}}},"messages":[{"id":"c","role":"customer","text":"Where is my refund? Still waiting."},{"id":"d","role":"agent","text":"Let me check"}]}
{"kind":"conversation","id":"n3","qa":{"score":55,"sentiment":{"customer":{"mean":-0.5}}},"messages":[{"id":"e","role":"customer","text":"退款还没到账，refund please"},{"id":"f","role":"agent","text":"Let me check"}]}
{"kind":"conversation","id":"p1","qa":{"score":95,"sentiment":{"customer":{"mean":0.5}}},"messages":[{"id":"g","role":"customer","text":"Thanks, the parcel arrived"},{"id":"h","role":"agent","text":"Glad to help, anything else I can do?"}]}
{"kind":"conversation","id":"p2","qa":{"score":92,"sentiment":{"customer":{"mean":0.4}}},"messages":[{"id":"i","role":"customer","text":"Parcel arrived, thanks"},{"id":"j","role":"agent","text":"Glad to help"}]}
{"kind":"conversation","id":"p3","qa":{"score":91,"sentiment":{"customer":{"mean":0.3}}},"messages":[{"id":"k","role":"customer","text":"parcel arrived today"},{"id":"l","role":"agent","text":"Glad to help!"}]}
{"kind":"alert","id":"x","type":"qa.churn_intent"}
DATA
cs-qa mine --min-count 2 --top 3 scored.ndjson | jq -c '[.type, .side, .term, .conversations, .of, .baseline_conversations, .g2, .example.conversation_id]'
head -3 scored.ndjson > a.ndjson; tail -4 scored.ndjson > b.ndjson
cs-qa mine --partial a.ndjson > a.counts; cs-qa mine --partial b.ndjson > b.counts
cs-qa mine --min-count 2 --top 3 scored.ndjson > whole.out; cat a.counts b.counts | cs-qa mine --min-count 2 --top 3 | cmp - whole.out && echo "merged counts give the same lists"
cs-qa mine --min-count 2 --top 2 --previous b.ndjson a.ndjson | jq -c 'select(.type == "emerging") | [.term, .conversations, .baseline_conversations]'
--- stdout
["over_represented","customer","refund",3,3,0,8.318,"n2"]
["over_represented","customer","still waiting",2,3,0,3.819,"n2"]
["best_practice","agent","glad to",3,3,0,8.318,"p1"]
["best_practice","agent","to help",3,3,0,8.318,"p1"]
merged counts give the same lists
["refund",3,0]
["still waiting",2,0]
--- stderr
--- exit
0
