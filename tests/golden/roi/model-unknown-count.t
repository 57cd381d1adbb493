# A measured count that no record in the period holds is unknown, as a KPI
# without its denominator is: the run ends naming the driver and input, exit
# 1, nothing written. A misspelt count ("contcts") used to measure 0 and report
# an ROI of -100 %. Spelt right it is measured; a record without it adds none.
--- cmd
cat > roi.json <<'IN'
{"version": 1, "costs": [{"id": "licence", "yearly": 10000}],
 "drivers": [{"id": "deflection", "basis": "contacts", "cost_per_contact": 5,
              "contacts_per_month": {"metric": "contcts", "period": "2026-02-01T00:00:00Z/2026-03-01T00:00:00Z"}}]}
IN
cs-roi model roi.json "$REPO/examples/roi/metrics.ndjson"; echo "exit $?"
sed 's/contcts/contacts/' roi.json > right.json
{ cat "$REPO/examples/roi/metrics.ndjson"; echo '{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-02-02T00:00:00Z","to":"2026-02-03T00:00:00Z"},"counts":{"handled":5}}'; } > more.ndjson
cs-roi model right.json more.ndjson | jq -c '.drivers[0].formula'; echo "exit $?"
--- stdout
exit 1
"3261.1607 contacts a month (measured: contacts over 2026-02-01T00:00:00Z/2026-03-01T00:00:00Z) x 5 per contact x 12 months"
exit 0
--- stderr
cs-roi model: roi.json: driver deflection: contacts_per_month: contcts is not known in 2026-02-01T00:00:00Z/2026-03-01T00:00:00Z: the records there have no counts.contcts
cs-roi model: 2 records left out: not roi.kpi metrics in a measured period and group
--- exit
0
