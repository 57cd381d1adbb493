# A UTF-8 byte-order mark at the start of a rules or configuration file is
# dropped, as cs(7) says of files (an editor on Windows writes one): a
# policy, a scorecard and an SLA policy with one were bad JSON (status 3), and
# a mapping with one a bad mapping; a lexicon already dropped it.
--- cmd
bom() { printf '\357\273\277'; cat "$1"; }
bom "$REPO/examples/route-policy.json" > policy.json
echo '{"kind":"conversation","id":"c1","channel":"chat","messages":[{"id":"1","role":"customer","text":"where is my order"}]}' > c.ndjson
cs-route -p policy.json c.ndjson > r.ndjson; echo "policy: exit $?"; jq -c '[.route.tier, .route.queue]' r.ndjson
bom "$REPO/share/scorecards/default.json" > card.json
cs-qa --check -c card.json > /dev/null; echo "scorecard: exit $?"
bom "$REPO/examples/sla-policy.json" > sla.json
cs-ticket --db t.db --policy sla.json --now 2026-03-02T12:00:00Z c.ndjson > /dev/null; echo "SLA policy: exit $?"
printf '{"format": "csv", "fields": {"conversation_id": "Ticket ID", "ts": {"from": "Created", "type": "time"}, "customer.id": "Requester", "text": "Body"}}' > plain.json; bom plain.json > map.json
cs-ingest -q -g 1d --mapping map.json "$REPO/examples/helpdesk.csv" | jq -c '[.id, .message_count]'; echo "mapping: exit $?"
printf 'zzqword\t3\n' > words.tsv; bom words.tsv > bom.tsv
echo '{"text":"zzqword"}' | cs-qa --sentiment-only --lexicon bom.tsv | jq -c '.qa.sentiment.compound'
--- stdout
policy: exit 0
["human","general"]
scorecard: exit 0
SLA policy: exit 0
["T-501",1]
["T-500",3]
mapping: exit 0
0.6124
--- stderr
--- exit
0
