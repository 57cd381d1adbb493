# cs-roi report --format md over the report fixture: every section as pipe
# tables, KPIs worked out again from the summed counts, channels by contacts,
# staffing by interval, the business case, the tornado order, alerts by type.
--- requires
bin/cs-roi
--- cmd
cs-roi report --format md "$TESTDATA/roi/report.ndjson"
--- stdout
# Customer service report

2026-03-02 to 2026-03-08: 7 days of metrics.

## At a glance

*The period at a glance*

| Measure | Value |
| --- | ---: |
| Contacts | 1,831 |
| CSAT | 81.5% |
| First contact resolution | 73.2% |
| Average handle time | 343 s |
| Service level | 77.0% |
| SLA attainment | 88.2% |
| QA score | 82.1 |
| Negative sentiment | 10.8% |
| Trust score | 77.1 |
| ROI over the horizon | 920.0% |
| Payback (months) | 0.3 |
| NPV (CNY) | 5,133,669 |

## KPI trends

*KPIs by day*

| Day | Contacts | CSAT | FCR | AHT | Service level |
| --- | ---: | ---: | ---: | ---: | ---: |
| 2026-03-02 | 254 | 84.1% | 73.4% | 336 s | 76.2% |
| 2026-03-03 | 237 | 80.3% | 73.2% | 347 s | 75.0% |
| 2026-03-04 | 260 | 81.0% | 73.7% | 332 s | 78.3% |
| 2026-03-05 | 266 | 81.4% | 77.1% | 328 s | 79.2% |
| 2026-03-06 | 287 | 80.6% | 72.0% | 357 s | 77.5% |
| 2026-03-07 | 274 | 81.1% | 72.8% | 352 s | 74.6% |
| 2026-03-08 | 253 | 81.7% | 70.0% | 347 s | 77.7% |

## Channel mix

*Channels over the period*

| Channel | Contacts | Share | CSAT | FCR | AHT |
| --- | ---: | ---: | ---: | ---: | ---: |
| chat | 808 | 44.1% | 81.6% | 73.6% | 293 s |
| phone | 622 | 34.0% | 81.7% | 73.1% | 359 s |
| email | 401 | 21.9% | 80.8% | 72.5% | 419 s |

## SLA attainment

*SLA attainment by day*

| Day | SLA targets | Met | Attainment |
| --- | ---: | ---: | ---: |
| 2026-03-02 | 101 | 89 | 88.1% |
| 2026-03-03 | 94 | 83 | 88.3% |
| 2026-03-04 | 103 | 93 | 90.3% |
| 2026-03-05 | 105 | 94 | 89.5% |
| 2026-03-06 | 114 | 97 | 85.1% |
| 2026-03-07 | 109 | 98 | 89.9% |
| 2026-03-08 | 100 | 86 | 86.0% |

## Quality and sentiment

*QA score by channel*

| Channel | QA scored | QA score |
| --- | ---: | ---: |
| chat | 740 | 83.2 |
| phone | 569 | 81.1 |
| email | 367 | 81.5 |

*Quality and sentiment by day*

| Day | QA scored | QA score | Sentiment scored | Negative | Trust |
| --- | ---: | ---: | ---: | ---: | ---: |
| 2026-03-02 | 232 | 81.9 | 106 | 12.3% | 79.0 |
| 2026-03-03 | 217 | 81.1 | 123 | 15.4% | 73.5 |
| 2026-03-04 | 237 | 83.6 | 129 | 10.1% | 77.9 |
| 2026-03-05 | 244 | 80.9 | 163 | 8.6% | 80.8 |
| 2026-03-06 | 263 | 82.4 | 143 | 6.3% | 80.7 |
| 2026-03-07 | 251 | 83.9 | 168 | 10.7% | 75.3 |
| 2026-03-08 | 232 | 80.9 | 129 | 14.0% | 71.8 |

## Staffing versus actual

8 intervals; 5 with fewer agents present (actual, else rostered) than needed.

*Staffing by interval*

| Interval | Volume | AHT | Needed | Rostered | Actual | Service level | ASA | Occupancy |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 2026-03-02 09:00 | 93 | 180 s | 16 | 21 | 16 | 83.1% | 19 s | 88.4% |
| 2026-03-02 10:00 | 102 | 180 s | 17 | 19 | 19 | 84.2% | 11 s | 83.9% |
| 2026-03-02 11:00 | 92 | 180 s | 16 | 21 | 13 | 84.4% | 14 s | 86.4% |
| 2026-03-02 12:00 | 105 | 180 s | 17 | 22 | 15 | 82.0% | 20 s | 87.2% |
| 2026-03-02 13:00 | 88 | 180 s | 16 | 18 | 14 | 80.8% | 19 s | 88.1% |
| 2026-03-02 14:00 | 119 | 180 s | 17 | 22 | 15 | 83.3% | 14 s | 85.5% |
| 2026-03-02 15:00 | 81 | 180 s | 16 | 18 | 18 | 84.0% | 17 s | 81.0% |
| 2026-03-02 16:00 | 88 | 180 s | 16 | 21 | 13 | 84.9% | 12 s | 88.7% |

## Business case: cash flow and payback

Over 3 years, in CNY: benefit 6,630,000, cost 650,000, net 5,980,000; ROI 920.0%; NPV at 8.0% 5,133,669; payback after 0.3 months.

*The business case by year*

| Year | Benefit (CNY) | Cost (CNY) | Net (CNY) | Cumulative net (CNY) |
| --- | ---: | ---: | ---: | ---: |
| 1 | 2,210,000 | 250,000 | 1,960,000 | 1,960,000 |
| 2 | 2,210,000 | 200,000 | 2,010,000 | 3,970,000 |
| 3 | 2,210,000 | 200,000 | 2,010,000 | 5,980,000 |

*Benefit drivers*

| Benefit driver | Source | Year 1 (CNY) | Formula |
| --- | --- | ---: | --- |
| Contacts the bot takes | given | 400,000 | 4 FTE x 100000 per FTE |
| AHT down 30% | given | 150,000 | 1.5 FTE x 100000 per FTE |
| Conversion uplift | given | 360,000 | 2000 inquiries x 12 months x 5% x 300 |
| Churn reduction | given | 1,200,000 | 50 customers x 12 months x 2000 |
| Management savings | given | 100,000 | given |

*Costs*

| Cost | Once (CNY) | Yearly (CNY) | Formula |
| --- | ---: | ---: | --- |
| Licence | 0 | 200,000 | 200000 a year |
| Implementation | 50,000 | 0 | 50000 once |

## Sensitivity

*ROI, NPV and payback with each driver 20% lower and higher*

| Driver | ROI at -20% | ROI at +20% | Swing (points) | NPV at -20% (CNY) | NPV at +20% (CNY) | Payback at -20% (months) | Payback at +20% (months) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| Churn reduction | 809.2% | 1030.8% | 221.5% | 4,515,165 | 5,752,172 | 0.3 | 0.3 |
| Contacts the bot takes | 883.1% | 956.9% | 73.8% | 4,927,501 | 5,339,836 | 0.3 | 0.3 |
| Conversion uplift | 886.8% | 953.2% | 66.5% | 4,948,118 | 5,319,220 | 0.3 | 0.3 |
| AHT down 30% | 906.2% | 933.9% | 27.7% | 5,056,356 | 5,210,982 | 0.3 | 0.3 |
| Management savings | 910.8% | 929.2% | 18.5% | 5,082,127 | 5,185,211 | 0.3 | 0.3 |

## Alerts

*Alerts by type, most first*

| Type | Alerts | Critical |
| --- | ---: | ---: |
| qa.compliance | 4 | 0 |
| ticket.sla\_breach | 3 | 3 |
| signals.segment\_anomaly | 2 | 0 |

---

Records read: 55 (21 roi.kpi metrics, 14 signals.trust metrics, 8 staffing, 1 business case, 9 alerts); left out: 1 metrics of other types and 1 records of other kinds. KPIs are worked out again from the counts and sums they add up.

ROI: (total benefit - total cost) / total cost over the horizon.

Payback: the first month in which the cumulative net benefit, once-off costs at month 0 and each year's net spread evenly over its months, reaches 0.

