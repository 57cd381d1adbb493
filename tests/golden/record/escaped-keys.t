# A member name written with escapes is that name (RFC 8259): "\u0069d" is
# "id", "sc\u006fre" is "score", in a nested object as at the top. cs_jget
# compared a nested member's raw bytes, so cs-roi kpi counted no customer and
# no NPS response (0 and 0, 1 and 1 unescaped), cs-signals saw no detractor,
# and cs-ticket refused a conversation whose "id" was escaped ("a
# conversation needs an "id"", exit 1) that cs-qa and cs-route took.
--- cmd
cat > esc.ndjson <<'X'
{"kind":"conversation","id":"c1","channel":"chat","customer":{"\u0069d":"k1"},"started":"2026-03-02T09:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"hi"},{"id":"m2","ts":"2026-03-02T09:01:00Z","role":"agent","text":"Hello"}]}
{"kind":"event","id":"e1","ts":"2026-03-02T09:05:00Z","customer":{"id":"k2"},"type":"survey","survey":{"metric":"nps","sc\u006fre":2}}
X
sed 's/\\u0069d/id/; s/sc\\u006fre/score/' esc.ndjson > plain.ndjson
for f in esc plain; do cs-roi kpi $f.ndjson | jq -c '.counts | {customers, nps_responses, nps_detractors}'; done
for f in esc plain; do cs-signals --signals-only --no-alerts $f.ndjson | jq -c '[.type, .customer.id, .score]'; done
echo '{"k\u0069nd":"conversation","\u0069d":"c1","customer":{"\u0069d":"k1"},"messages":[{"id":"m1","ts":"2026-03-02T09:00:00Z","role":"customer","text":"hi"}]}' |
	cs-ticket --db t.db | jq -c '.ticket | {id, status}'
cs-ticket export --db t.db | jq -c '{conversation_id, customer}'
--- stdout
{"customers":1,"nps_responses":1,"nps_detractors":1}
{"customers":1,"nps_responses":1,"nps_detractors":1}
["survey_detractor","k2",2]
["survey_detractor","k2",2]
{"id":"T-515debc6547d","status":"new"}
{"conversation_id":"c1","customer":{"id":"k1"}}
--- exit
0
