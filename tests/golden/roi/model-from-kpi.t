# cs-roi model measured from what cs-roi kpi itself writes: AHT, ASA and
# the mean QA score come from sums.handle_ms, wait_ms and qa_score_milli
# (thousandths); a record written by hand may give whole seconds
# (sums.handle_s) instead, and a record's own is taken.
--- cmd
cat > convs.ndjson <<'IN'
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u1"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:10:00Z","qa":{"score":90},"messages":[{"id":"a","ts":"2026-03-02T01:00:00Z","role":"customer","text":"x"},{"id":"b","ts":"2026-03-02T01:01:00Z","role":"agent","text":"y"}]}
{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"u2"},"started":"2026-03-03T01:00:00Z","ended":"2026-03-03T01:05:00Z","qa":{"score":70},"messages":[{"id":"a","ts":"2026-03-03T01:00:00Z","role":"customer","text":"x"},{"id":"b","ts":"2026-03-03T01:00:30Z","role":"agent","text":"y"}]}
IN
cs-roi kpi convs.ndjson > kpi.ndjson
jq -c '[.window.from, .sums, .kpi.aht_s, .kpi.asa_s, .kpi.qa_score_mean]' kpi.ndjson
cat > model.json <<'IN'
{"version":1,"costs":[],
 "drivers":[{"id":"aht","basis":"seconds","contacts_per_month":1000,"cost_per_second":0.01,
  "seconds_saved":{"metric":"aht_s","before":"2026-03-02T00:00:00Z/2026-03-03T00:00:00Z","after":"2026-03-03T00:00:00Z/2026-03-04T00:00:00Z"}},
  {"id":"asa","basis":"seconds","contacts_per_month":1000,"cost_per_second":0.01,
  "seconds_saved":{"metric":"asa_s","before":"2026-03-02T00:00:00Z/2026-03-03T00:00:00Z","after":"2026-03-03T00:00:00Z/2026-03-04T00:00:00Z"}},
  {"id":"qa","basis":"amount","yearly":{"metric":"qa_score_mean","period":"2026-03-02T00:00:00Z/2026-03-04T00:00:00Z"}}]}
IN
cs-roi model model.json kpi.ndjson | jq -c '.drivers[] | {id, run_rate, formula}'
printf '%s\n' '{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T00:00:00Z","to":"2026-03-03T00:00:00Z"},"counts":{"handled":2},"sums":{"handle_s":1000}}' \
	'{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-03T00:00:00Z","to":"2026-03-04T00:00:00Z"},"counts":{"handled":2,"answered":1},"sums":{"handle_ms":600000,"wait_ms":1000}}' > mixed.ndjson
jq -c '.drivers |= .[0:1]' model.json > aht.json
cs-roi model aht.json mixed.ndjson | jq -c '.drivers[0].formula'
--- stdout
["2026-03-02T00:00:00Z",{"handle_ms":540000,"wait_ms":60000,"ces_score":0,"qa_score_milli":90000},540,60,90]
["2026-03-03T00:00:00Z",{"handle_ms":270000,"wait_ms":30000,"ces_score":0,"qa_score_milli":70000},270,30,70]
{"id":"aht","run_rate":32400,"formula":"1000 contacts a month x 270 s saved per contact (measured: aht_s 540 before, 270 after) x 0.01 per second x 12 months"}
{"id":"asa","run_rate":3600,"formula":"1000 contacts a month x 30 s saved per contact (measured: asa_s 60 before, 30 after) x 0.01 per second x 12 months"}
{"id":"qa","run_rate":80,"formula":"80 a year (measured: qa_score_mean over 2026-03-02T00:00:00Z/2026-03-04T00:00:00Z)"}
"1000 contacts a month x 200 s saved per contact (measured: aht_s 500 before, 300 after) x 0.01 per second x 12 months"
--- stderr
--- exit
0
