# cs-roi kpi: every KPI on a day worked out by hand (one group, --by none):
#  contacts 6 (c1-c6), handled 3 (c1, c2, c4: an agent replied);
#  AHT = (300 + 240 + 600) s / 3 = 380 s (first agent reply to the end);
#  ASA = (15 + 10 + 60) s / 3 answered = 28.33 s; abandonment = 2 / 5 queued = 0.4;
#  service level 80/20 = answered within 20 s (c1, c2) / (3 answered + 1
#  abandoned after 20 s: c5) = 0.5; CSAT = 1 of 2 (5 and 2) = 50; NPS: 10, 8
#  and 3 = (1 - 1) / 3 = 0; CES 6 and 2: mean 4, easy 0.5; bot sessions c3
#  (route.tier bot) and c4 (a bot message, then an agent): containment 1 / 2,
#  AI resolution 1 / 2 bot sessions with a customer id (ai_eligible; c3, no
#  repeat); transfers 1 / 3 handled = 0.3333;
#  FCR: c2 comes back on c1's issue the same day, so 5 of 6 = 0.8333, and the
#  5 others' 7 days run past the input's end (fcr_window_open 5); the
#  "resolved" survey 1 of 2; SLA: c1's first reply met, resolution breached =
#  0.5; QA (90 + 70) / 2 = 80; negative sentiment 1 of 2; self-service: 1 help
#  user of 5 customers = 0.2; cost per contact at 36 an hour = 1140 s x 0.01 /
#  3 = 3.8. A help-centre page is one under /help, /faq or /support (a
#  path segment): /helpful-tips, /faqs and /support-team are not.
--- cmd
m() { echo "{\"role\":\"$1\",\"ts\":\"2026-03-02T$2Z\"$3}"; }
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"$2\",\"customer\":{\"id\":\"$3\"},\"started\":\"2026-03-02T$4Z\",\"tags\":[\"$5\"],\"messages\":[$6]$7}"; }
s() { echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-02T18:00:00Z\",\"customer\":{\"id\":\"$2\"},\"type\":\"survey\",\"survey\":{\"metric\":\"$3\",$4}}"; }
{
c c1 chat A 10:00:00 refund "$(m customer 10:00:00),$(m agent 10:00:15)" ',"ended":"2026-03-02T10:05:15Z","csat":5,"qa":{"score":90,"sentiment":{"customer":{"end":0.5}}},"ticket":{"sla":{"first_response":{"state":"met"},"resolution":{"state":"breached"}}}'
c c3 app B 11:00:00 order "$(m customer 11:00:00),$(m bot 11:00:05)" ',"route":{"tier":"bot","intent":"order_status"}'
c c4 chat C 12:00:00 card "$(m customer 12:00:00),$(m bot 12:00:02),$(m system 12:00:30 ',"event":"transfer"'),$(m agent 12:01:00)" ',"ended":"2026-03-02T12:11:00Z"'
c c5 phone D 13:00:00 late "$(m customer 13:00:00)" ',"abandoned":true,"ended":"2026-03-02T13:00:45Z"'
c c6 phone E 13:30:00 late "$(m customer 13:30:00)" ',"abandoned":true,"ended":"2026-03-02T13:30:10Z"'
c c2 chat A 15:00:00 refund "$(m customer 15:00:00),$(m agent 15:00:10)" ',"ended":"2026-03-02T15:04:10Z","csat":2,"qa":{"score":70,"sentiment":{"customer":{"end":-0.3}}}'
s n1 A nps '"score":10'; s n2 B nps '"score":8'; s n3 C nps '"score":3'; s e1 A ces '"score":6'; s e2 C ces '"score":2'
s r1 B resolved '"resolved":true'; s r2 C resolved '"resolved":false'
echo '{"kind":"event","id":"h1","ts":"2026-03-02T09:00:00Z","customer":{"id":"B"},"type":"help_view","name":"/help/orders"}'
echo '{"kind":"message","id":"x"}'
} > day.ndjson
cs-roi kpi --cost-per-hour 36 --stats=json --stats-file stats day.ndjson > kpi.ndjson
jq -c '{id, window, group}' kpi.ndjson
jq -c .counts kpi.ndjson
jq -c .sums kpi.ndjson
jq -c .kpi kpi.ndjson
jq -c .variants kpi.ndjson
jq -c '{windows_groups, untimed, other_records}' stats
echo by channel; cs-roi kpi --by channel day.ndjson | jq -c '[.group.channel, .counts.contacts, .kpi.aht_s, .kpi.fcr]'
echo explain; cs-roi kpi --explain --window week day.ndjson | jq -c '[.id, .window, .absent]'
echo help pages; for p in /help /en-us/help/articles/1 '/faq?q=1' https://shop.example/support/ /helpful-tips /faqs /support-team /shop/helpers; do
	echo "{\"kind\":\"event\",\"id\":\"p\",\"ts\":\"2026-03-02T10:00:00Z\",\"customer\":{\"id\":\"$p\"},\"type\":\"page_view\",\"name\":\"$p\"}"
done | cs-roi kpi | jq -c '.counts.help_users'
cs-roi kpi --window 7m day.ndjson; echo "exit $?"
cs-roi kpi --by colour day.ndjson; echo "exit $?"
cs-roi kpi --target 80 day.ndjson; echo "exit $?"
--- stdout
{"id":"kpi-2026-03-02-6c4b6ec0501f4352","window":{"from":"2026-03-02T00:00:00Z","to":"2026-03-03T00:00:00Z"},"group":{}}
{"contacts":6,"handled":3,"customers":5,"fcr_eligible":6,"fcr_resolved":5,"fcr_window_open":5,"fcr_survey_responses":2,"fcr_survey_yes":1,"csat_responses":2,"csat_positive":1,"nps_responses":3,"nps_promoters":1,"nps_detractors":1,"ces_responses":2,"ces_easy":1,"bot_sessions":2,"bot_contained":1,"ai_eligible":2,"ai_resolved":1,"transfers":1,"queued":5,"answered":3,"answered_within_target":2,"abandoned":2,"abandoned_after_target":1,"sla_targets":2,"sla_met":1,"qa_scored":2,"sentiment_scored":2,"negative_sentiment":1,"help_users":1,"qa_below_60":0,"qa_60_to_79":1,"qa_80_up":1}
{"handle_ms":1140000,"wait_ms":85000,"ces_score":8,"qa_score_milli":160000}
{"fcr":0.8333,"fcr_survey":0.5,"aht_s":380,"asa_s":28.33,"abandonment_rate":0.4,"service_level":0.5,"csat":50,"nps":0,"ces_mean":4,"ces_easy_rate":0.5,"containment":0.5,"ai_resolution":0.5,"transfer_rate":0.3333,"sla_attainment":0.5,"qa_score_mean":80,"negative_rate":0.5,"self_service_score":0.2,"cost_per_contact":3.8}
{"fcr":"no repeat contact by the customer on the same issue within 7 days","service_level":"answered within 20 s / (answered + abandoned after 20 s), target 80%","csat":"4-5 of 5"}
{"windows_groups":1,"untimed":0,"other_records":1}
by channel
["app",1,null,1]
["chat",3,380,0.6667]
["phone",2,null,1]
["unknown",0,null,null]
explain
["kpi-2026-W10-6c4b6ec0501f4352",{"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z"},{"cost_per_contact":"--cost-per-hour and conversations with an agent's reply","occupancy":"agents' available time, which cs records do not carry yet"}]
help pages
4
exit 2
exit 2
exit 2
--- stderr
cs-roi kpi: --window: '7m' is not day, week, month or whole minutes that divide a day (15m, 30m, 1h)
cs-roi kpi: --by: 'colour' is not channel, team, intent, tier, agent or customer_tier
cs-roi kpi: --target: '80' is not PERCENT/SECONDS such as 80/20
Try 'cs-roi kpi --help' for more information.
--- exit
0
