# A value the record lacks is no number, not even 0: a test on it fails, but ne,
# not_in and {"exists": false} hold. A sentiment without customer text (written
# null) used to compare as 0, so outreach mail landed in "unhappy" and
# {"exists": false} never held; a confidence without an intent was absent for
# exists but 0 for lt; a numeric ne on a missing path failed. A route without
# an intent writes its confidence as null, as the policy reads it (it wrote 0).
--- cmd
cat > p.json <<'POLICY'
{"version": 1,
 "filters": [{"name": "unhappy", "when": {"sentiment": {"lt": -0.2}}, "targets": [{"queue": "care"}]},
             {"name": "low confidence", "when": {"confidence": {"lt": 0.5}}, "targets": [{"queue": "triage"}]},
             {"name": "no text", "when": {"sentiment": {"exists": false}, "priority_score": {"ne": 5}}, "targets": [{"queue": "outreach"}]}]}
POLICY
cs-route -p p.json | jq -c '[.id, .route.sentiment, .route.confidence, .route.filter, .route.queue]'
--- stdin
{"kind":"conversation","id":"agent-only","channel":"email","messages":[{"role":"agent","text":"Your order has shipped."}]}
{"kind":"conversation","id":"no-intent","messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"unhappy","messages":[{"role":"customer","text":"this is terrible"}]}
--- stdout
["agent-only",null,null,"no text","outreach"]
["no-intent",0,null,null,"general"]
["unhappy",-0.4767,null,"unhappy","care"]
--- stderr
--- exit
0
