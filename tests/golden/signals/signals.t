# negative_sentiment needs only the end of the customer's sentiment
# ("qa.sentiment.customer.end", cs-signals(1) SIGNALS), as cs-roi kpi and
# cs-signals trust count it; worsening_sentiment needs the start as well.
# A "qa" field with an end and no start raised nothing before. The signal
# then has no "sentiment_start" detail.
--- cmd
for c in '{"end":-0.5}' '{"start":0,"end":-0.5}' '{"start":0.5}' '{"start":0.5,"end":0}'; do
  printf '{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u1"},"started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","ts":"2026-03-02T10:00:00Z","text":"hi"},{"role":"agent","ts":"2026-03-02T10:01:00Z","text":"hello"}],"qa":{"sentiment":{"customer":%s}}}\n' "$c" > ns.ndjson
  echo "$c"
  cs-signals -q ns.ndjson > out.ndjson
  jq -c 'select(.kind == "conversation") | .signals.types' out.ndjson
  jq -c 'select(.kind == "signal") | [.type, .sentiment_start, .sentiment_end]' out.ndjson
  echo "roi: $(cs-roi kpi ns.ndjson | jq -c '.counts.negative_sentiment'), trust: $(cs-signals trust --min-group 1 out.ndjson | jq -c '.counts.negative_sentiment')"
done
--- stdout
{"end":-0.5}
["negative_sentiment"]
["negative_sentiment",null,-0.5]
roi: 1, trust: 1
{"start":0,"end":-0.5}
["negative_sentiment","worsening_sentiment"]
["negative_sentiment",0,-0.5]
["worsening_sentiment",0,-0.5]
roi: 1, trust: 1
{"start":0.5}
[]
roi: 0, trust: 0
{"start":0.5,"end":0}
["worsening_sentiment"]
["worsening_sentiment",0.5,0]
roi: 0, trust: 0
--- stderr
--- exit
0
