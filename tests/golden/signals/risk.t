# Churn risk in journeys (decayed, weighted signals, bands, reasons in
# words), a signals.churn_risk alert for a red customer once per cooldown
# (--state), --now; cs-signals fit learns weights from labelled customers
# (the same bytes every time) and eval reports AUC and precision at the top
# decile on held-out customers; errors exit with the suite's codes.
--- cmd
sig() { echo "{\"kind\":\"signal\",\"ts\":\"2026-03-$2Z\",\"type\":\"$1\"}"; }
conv() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"customer\":{\"id\":\"$2\"},\"started\":\"2026-03-$3Z\",\"tags\":[\"refund\"]$4}"; }
nps() { echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-$3Z\",\"customer\":{\"id\":\"$2\"},\"type\":\"survey\",\"survey\":{\"metric\":\"nps\",\"score\":$4}}"; }
{ conv a1 red 01T10:00:00; conv a2 red 02T10:00:00; nps s1 red 02T11:00:00 2; conv b1 calm 02T12:00:00; } > in.ndjson
cs-signals journey --state st.db in.ndjson | jq -c 'if .kind == "alert" then [.type, .severity, .customer.id, .ts, [.evidence[].kind], .action] else [.customer.id, .to, .risk.score, .risk.band, [.risk.reasons[] | [.type, .points]]] end'
echo again; cs-signals journey --state st.db in.ndjson | jq -c 'select(.kind == "alert")'
echo two weeks later; cs-signals journey --now 2026-03-16T11:00:00Z --no-alerts in.ndjson | jq -c '[.customer.id, .risk.score, .risk.band, .risk.reasons[0].text]'
# fit and eval on journeys of their own
j() { printf '{"kind":"journey","customer":{"id":"%s"},"from":"2026-02-01T00:00:00Z","to":"2026-03-01T00:00:00Z","steps":[%s]}\n' "$1" "$2"; }
s() { printf '{"ts":"2026-02-%sT10:00:00Z","step":"signal","type":"%s"}' "$2" "$1"; }
for i in 1 2 3 4 5 6; do j r$i "$(s repeat_contact 2$i),$(s dead_click 20)"; j q$i "$(s dead_click 1$i)"; done > journeys.ndjson
j r7 "$(s dead_click 20)" >> journeys.ndjson; j q7 "$(s repeat_contact 27)" >> journeys.ndjson
{ echo customer,churned; for i in 1 2 3 4 5 6 7; do echo r$i,1; echo q$i,0; done; echo nobody,1; } > labels.csv
cs-signals fit --labels labels.csv --stats=json --stats-file stats -o model.json journeys.ndjson; echo "exit $?"
jq -c '{weights: (.weights | map_values(. * 100 | round)), bias: (.bias * 100 | round)}' model.json
cs-signals fit --labels labels.csv journeys.ndjson | cmp - model.json && echo same bytes
cs-signals eval --labels labels.csv --holdout 0.5 journeys.ndjson | jq -c '{kind, customers, held_out, auc, precision_top_decile, base_rate}'
cs-signals eval --labels labels.csv --model model.json --holdout 0.5 journeys.ndjson | jq -c '{held_out, auc}'
echo 'customer,churned' > none.csv; echo 'r1,1' >> none.csv
cs-signals fit --labels none.csv journeys.ndjson; echo "exit $?"
cs-signals fit journeys.ndjson; echo "exit $?"
cs-signals fit --labels labels.csv --where '.x' journeys.ndjson; echo "exit $?"
echo '{"version":1,"bias":"x"}' > bad.json; cs-signals journey --model bad.json in.ndjson; echo "exit $?"
--- stdout
["calm","2026-03-02T12:00:00Z",5,"green",[]]
["red","2026-03-02T11:00:00Z",87,"red",[["survey_detractor",50],["repeat_contact",50]]]
["signals.churn_risk","critical","red","2026-03-02T11:00:00Z",["signal","signal"],"a proactive call from a senior agent about the open issues"]
again
two weeks later
["calm",5,"green",null]
["red",47,"yellow","1 detractor survey answer in the last 14 days, the latest 14 days ago"]
exit 0
{"weights":{"dead_click":56,"repeat_contact":107},"bias":-55}
same bytes
{"kind":"risk_eval","customers":14,"held_out":6,"auc":1,"precision_top_decile":1,"base_rate":0.3333}
{"held_out":6,"auc":1}
exit 1
exit 2
exit 2
exit 3
--- stderr
cs-signals fit: 1 label without a journey left out
cs-signals fit: 1 label without a journey left out
cs-signals eval: 1 label without a journey left out
cs-signals eval: 1 label without a journey left out
cs-signals fit: 13 customers with a journey but no label left out
cs-signals fit: 1 labelled customer, 1 churned and 0 stayed: fitting needs both
cs-signals fit: --labels FILE is required: who churned and who stayed
Try 'cs-signals fit --help' for more information.
cs-signals fit: --where passes the other records through, and this command writes no records it reads: use --select
Try 'cs-signals fit --help' for more information.
cs-signals journey: bad.json:1: "bias" must be a number
--- exit
0
