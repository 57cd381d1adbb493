# Operational and experience signals: a repeat contact (same customer, same
# issue: route.intent, else the first tag) within 7 days; transfers (1 or
# more, 0 none); long waits (10 minutes or more for an agent's public reply);
# negative (end <= -0.05) and worsening (end below start by 0.5 or more,
# 0.7 to 0.2 too, though 0.7 - 0.2 is 0.49999999999999994 in binary)
# customer sentiment from cs-qa; survey detractors (NPS 0-6, CSAT 1-2, CES
# 1-3), where a score off its metric's scale (CSAT 0, NPS -1: an export's "no
# answer") is no detractor but counted as bad_survey_scores; refunds and
# returns; reopened tickets (from a ticket's history, a follow-up, or a
# ticket_event) and SLA breaches from cs-ticket's alerts.
--- cmd
conv() { # id started issue-field [messages] [extra]
	echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"customer\":{\"id\":\"k1\"},\"started\":\"2026-03-$2Z\",$3,\"messages\":[${4:-}]${5:-}}"
}
msg() { echo "{\"role\":\"$1\",\"ts\":\"2026-03-$2Z\"${3:-}}"; }
sig() { cs-signals | jq -c 'if .kind == "conversation" then [.id, .signals] else [.kind, .type, [.evidence[].id], .days_between // .wait_s // .transfers // .metric // .how // .sentiment_end] end'; }
echo repeat within 7 days; { conv a 01T10:00:00 '"tags":["delivery"]'; conv b 08T10:00:00 '"tags":["delivery","late"]'; } | sig
echo 7 days and 1 ms; { conv a 01T10:00:00 '"tags":["delivery"]'; conv b 08T10:00:00.001 '"tags":["delivery"]'; } | sig
echo another issue; { conv a 01T10:00:00 '"route":{"intent":"refund"}'; conv b 02T10:00:00 '"route":{"intent":"card_lost"}'; } | sig
echo waits; conv w 01T10:00:00 '"tags":[]' "$(msg customer 01T10:00:00),$(msg agent 01T10:09:59),$(msg customer 01T10:10:00),$(msg agent 01T10:15:00 ',"internal":true'),$(msg agent 01T10:20:00)" | sig
echo transfers; conv t 01T10:00:00 '"tags":[]' "$(msg system 01T10:01:00 ',"event":"transfer"'),$(msg system 01T10:02:00 ',"event":"transfer"')" | sig
echo no transfer; conv t 01T10:00:00 '"tags":[]' "$(msg system 01T10:01:00 ',"event":"assignment"')" | sig
echo sentiment; { conv s1 01T10:00:00 '"tags":[]' '' ',"qa":{"sentiment":{"customer":{"start":0.2,"end":-0.05}}}'; conv s2 01T11:00:00 '"tags":[]' '' ',"qa":{"sentiment":{"customer":{"start":0.6,"end":0.1}}}'; conv s3 01T12:00:00 '"tags":[]' '' ',"qa":{"sentiment":{"customer":{"start":0.5,"end":-0.04}}}'; conv s4 01T13:00:00 '"tags":[]' '' ',"qa":{"sentiment":{"customer":{"start":0.7,"end":0.2}}}'; } | sig
survey() { echo "{\"kind\":\"event\",\"id\":\"$1-$2\",\"ts\":\"2026-03-01T10:00:00Z\",\"customer\":{\"id\":\"v-$1-$2\"},\"type\":\"survey\",\"survey\":{\"metric\":\"$1\",\"score\":$2}}"; }
echo surveys; { survey nps 6; survey nps 7; survey csat 2; survey csat 3; survey ces 3; survey ces 4; } | cs-signals --signals-only --no-alerts | jq -c '[.type, .metric, .score]'
echo surveys off their scale; { survey csat 0; survey nps -1; survey ces 0; survey nps 11; survey ces 2.5; survey csat 1; survey nps 0; survey ces 1; } | cs-signals --signals-only --no-alerts --stats=json --stats-file stats | jq -c '[.type, .metric, .score]'; jq -c '{bad_survey_scores}' stats
echo refunds; { echo '{"kind":"event","id":"r1","ts":"2026-03-01T10:00:00Z","customer":{"id":"k2"},"type":"refund","name":"order-5"}'; echo '{"kind":"event","id":"r2","ts":"2026-03-01T10:00:00Z","customer":{"id":"k2"},"type":"return"}'; } | cs-signals --signals-only | jq -c '[.type, .customer.id]'
echo tickets; {
echo '{"kind":"ticket","id":"T-1","customer":{"id":"k3"},"status":"open","created":"2026-03-01T10:00:00Z","history":[{"ts":"2026-03-02T10:00:00Z","action":"status","from":"open","to":"solved"},{"ts":"2026-03-03T10:00:00Z","action":"status","from":"solved","to":"open"}]}'
echo '{"kind":"ticket","id":"T-1","customer":{"id":"k3"},"status":"open","created":"2026-03-01T10:00:00Z","history":[{"ts":"2026-03-03T10:00:00Z","action":"status","from":"solved","to":"open"}]}'
echo '{"kind":"ticket","id":"T-1-2","customer":{"id":"k3"},"status":"new","created":"2026-03-04T10:00:00Z","follow_up_of":"T-1"}'
echo '{"kind":"ticket_event","ticket":"T-5","seq":9,"ts":"2026-03-05T10:00:00Z","customer":{"id":"k3"},"action":"status","old":"closed","new":"open"}'
echo '{"kind":"alert","id":"T-9:first_response:breach:1","ts":"2026-03-05T11:00:00Z","source":"cs-ticket","type":"ticket.sla_breach","customer":{"id":"k3"},"ticket":"T-9","metric":"first_response"}'
} | cs-signals --signals-only | jq -c '[.type, .ts, .ticket, .how // .metric, [.evidence[].id]]'
--- stdout
repeat within 7 days
["a",{"repeat_contact":false,"issue":"delivery","types":[]}]
["b",{"repeat_contact":true,"repeat_of":"a","issue":"delivery","types":["repeat_contact"]}]
["signal","repeat_contact",["a","b"],7]
7 days and 1 ms
["a",{"repeat_contact":false,"issue":"delivery","types":[]}]
["b",{"repeat_contact":false,"issue":"delivery","types":[]}]
another issue
["a",{"repeat_contact":false,"issue":"refund","types":[]}]
["b",{"repeat_contact":false,"issue":"card_lost","types":[]}]
waits
["w",{"repeat_contact":false,"issue":"unknown","types":["long_wait"]}]
["signal","long_wait",["w"],600]
transfers
["t",{"repeat_contact":false,"issue":"unknown","types":["transfer"]}]
["signal","transfer",["t"],2]
no transfer
["t",{"repeat_contact":false,"issue":"unknown","types":[]}]
sentiment
["s1",{"repeat_contact":false,"issue":"unknown","types":["negative_sentiment"]}]
["signal","negative_sentiment",["s1"],-0.05]
["s2",{"repeat_contact":true,"repeat_of":"s1","issue":"unknown","types":["repeat_contact","worsening_sentiment"]}]
["signal","repeat_contact",["s1","s2"],0]
["signal","worsening_sentiment",["s2"],0.1]
["s3",{"repeat_contact":true,"repeat_of":"s2","issue":"unknown","types":["repeat_contact","worsening_sentiment"]}]
["signal","repeat_contact",["s2","s3"],0]
["signal","worsening_sentiment",["s3"],-0.04]
["s4",{"repeat_contact":true,"repeat_of":"s3","issue":"unknown","types":["repeat_contact","worsening_sentiment"]}]
["signal","repeat_contact",["s3","s4"],0]
["signal","worsening_sentiment",["s4"],0.2]
surveys
["survey_detractor","nps",6]
["survey_detractor","csat",2]
["survey_detractor","ces",3]
surveys off their scale
["survey_detractor","csat",1]
["survey_detractor","nps",0]
["survey_detractor","ces",1]
{"bad_survey_scores":5}
refunds
["refund","k2"]
["return","k2"]
tickets
["reopened_ticket","2026-03-03T10:00:00Z","T-1","reopened",["T-1"]]
["reopened_ticket","2026-03-04T10:00:00Z","T-1-2","follow_up",["T-1-2"]]
["reopened_ticket","2026-03-05T10:00:00Z","T-5","reopened",["T-5"]]
["sla_breach","2026-03-05T11:00:00Z","T-9","first_response",["T-9:first_response:breach:1"]]
--- stderr
cs-signals: 5 surveys left out: no score on the metric's scale (csat 1-5, nps 0-10, ces 1-7)
--- exit
0
