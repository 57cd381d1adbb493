# cs-roi kpi, merge and model: ai_resolution is ai_resolved over the bot
# sessions with a customer id (ai_eligible), the only ones whose repeat
# contacts can be followed, as fcr is over fcr_eligible. It divided by all
# bot sessions, so two contained sessions without a customer id gave
# ai_resolution 0 (not left out, though --explain says it needs "bot
# sessions with a customer id"), and one with an id (resolved) beside one
# without gave 0.5 where the one that could be checked was resolved.
--- cmd
b() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"web\",$2\"started\":\"2026-03-0$3T0$4:00:00Z\",\"messages\":[{\"role\":\"customer\",\"ts\":\"2026-03-0$3T0$4:00:00Z\",\"text\":\"hi\"},{\"role\":\"bot\",\"ts\":\"2026-03-0$3T0$4:00:05Z\",\"text\":\"done\"}$5]}"; }
agent=',{"role":"agent","ts":"2026-03-02T05:01:00Z","text":"let me"}'
{ b b1 '' 2 1; b b2 '' 2 2; } > anon.ndjson
{ b b1 '"customer":{"id":"u9"},' 2 1; b b2 '' 2 2; } > half.ndjson
{ b b1 '"customer":{"id":"u9"},' 2 1; b b2 '' 2 2; b b3 '"customer":{"id":"u8"},' 2 3; b b4 '"customer":{"id":"u8"},' 2 4; b b5 '"customer":{"id":"u7"},' 2 5 "$agent"; } > mixed.ndjson
cs-roi kpi --explain anon.ndjson | jq -c '[.counts.bot_sessions, .counts.bot_contained, .counts.ai_eligible, .counts.ai_resolved, .kpi, .absent.ai_resolution]'
for f in half mixed; do cs-roi kpi $f.ndjson | jq -c '.counts | [.bot_sessions, .bot_contained, .ai_eligible, .ai_resolved]' | tr '\n' ' '; cs-roi kpi $f.ndjson | jq -c .kpi.ai_resolution; done
grep u8 mixed.ndjson | cs-roi kpi > part1.ndjson; grep -v u8 mixed.ndjson | cs-roi kpi > part2.ndjson
cs-roi kpi mixed.ndjson > one.ndjson; cs-roi merge part1.ndjson part2.ndjson | cmp - one.ndjson && echo merged equals one run
{ cat mixed.ndjson; b b6 '"customer":{"id":"u6"},' 3 1; b b7 '' 3 2; } > weeks.ndjson
cs-roi kpi weeks.ndjson > kpi.ndjson
echo '{"version":1,"costs":[],"drivers":[{"id":"ai","basis":"amount","yearly":{"metric":"ai_resolution","period":"2026-03-02T00:00:00Z/2026-03-04T00:00:00Z"}}]}' > model.json
cs-roi model model.json kpi.ndjson | jq -c '.drivers[0].formula'
--- stdout
[2,2,0,0,{"containment":1},"bot sessions with a customer id"]
[2,2,1,1] 1
[5,4,4,2] 0.5
merged equals one run
"0.6 a year (measured: ai_resolution over 2026-03-02T00:00:00Z/2026-03-04T00:00:00Z)"
--- stderr
--- exit
0
