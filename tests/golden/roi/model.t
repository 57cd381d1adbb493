# cs-roi model on the brief's e-commerce case (examples/roi/ecommerce.json),
# worked by hand: benefits 400,000 + 150,000 + 360,000 (2,000 x 0.05 x 300 x
# 12) + 1,200,000 (50 x 2,000 x 12) + 100,000 = 2,210,000 a year; costs
# 50,000 once and 200,000 a year: 650,000 over 3 years; ROI (6,630,000 -
# 650,000) / 650,000 = 920%; payback 50,000 / 167,500 a month = 0.30 months;
# NPV at 8% = -50,000 + 2,010,000 (1/1.08 + 1/1.08^2 + 1/1.08^3) =
# 5,129,964.94. A measured driver reads the KPIs of metrics records; a bad
# model file names its line (exit 3).
--- cmd
cs-roi model "$REPO/examples/roi/ecommerce.json" > roi.json
jq -c '{benefit_total, cost_total, net_total, roi_pct, npv, payback_months}' roi.json
jq -c '.years[] | [.year, .benefit, .cost, .net, .cumulative_net]' roi.json
jq -c '.sensitivity[] | [.driver, .minus_20.roi_pct, .plus_20.roi_pct]' roi.json
cs-roi model --format md "$REPO/examples/roi/ecommerce.json" | grep -E '^\| (ROI|Payback|NPV)'
cs-roi model "$REPO/examples/roi/measured.json" "$REPO/examples/roi/metrics.ndjson" | jq -c '[.drivers[] | {id, source, yearly: .yearly[0]}]'
printf '{\n  "horizon_years": 3,\n  "costs": 5\n}\n' > bad.json; cs-roi model bad.json; echo "exit $?"
cs-roi model; echo "exit $?"
--- stdout
{"benefit_total":6630000,"cost_total":650000,"net_total":5980000,"roi_pct":920,"npv":5129964.94,"payback_months":0.3}
[1,2210000,250000,1960000,1960000]
[2,2210000,200000,2010000,3970000]
[3,2210000,200000,2010000,5980000]
["bot_deflection",883.08,956.92]
["aht_reduction",906.15,933.85]
["conversion_uplift",886.77,953.23]
["churn_reduction",809.23,1030.77]
["management_savings",910.77,929.23]
| ROI over the horizon | 920% | (6630000 - 650000) / 650000 x 100 |
| NPV at 0.08 | 5,129,964.94 | -50000 + 2010000 / 1.08^1 + 2010000 / 1.08^2 + 2010000 / 1.08^3 |
| Payback | 0.30 months | 0 + 50000 / 167500: cash short by 50000 after month 0, 167500 net in month 1 |
[{"id":"aht_reduction","source":"measured","yearly":49823.29},{"id":"bot_containment","source":"measured","yearly":32175}]
exit 3
exit 2
--- stderr
cs-roi model: bad.json:1: no "version" (1)
cs-roi model: a model file is needed (cs-roi-model(5))
Try 'cs-roi model --help' for more information.
--- exit
0
