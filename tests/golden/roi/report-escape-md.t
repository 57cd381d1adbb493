# Text from the records is escaped for Markdown (pipes, angle brackets,
# emphasis); sections without data say so; no payback within the horizon.
--- requires
bin/cs-roi
--- cmd
cs-roi report --format md --title "Escaping | <test>" "$TESTDATA/roi/report-escape.ndjson"
--- stdout
# Escaping \| \<test\>

2026-03-02 to 2026-03-02: 1 day of metrics.

## At a glance

*The period at a glance*

| Measure | Value |
| --- | ---: |
| Contacts | 20 |
| CSAT | 83.3% |
| ROI over the horizon | -33.3% |

## KPI trends

*KPIs by day*

| Day | Contacts | CSAT | FCR | AHT | Service level |
| --- | ---: | ---: | ---: | ---: | ---: |
| 2026-03-02 | 20 | 83.3% | n/a | n/a | n/a |

## Channel mix

*Channels over the period*

| Channel | Contacts | Share | CSAT | FCR | AHT |
| --- | ---: | ---: | ---: | ---: | ---: |
| \</title\>\<script\>alert(1)\</script\> | 12 | 60.0% | 75.0% | n/a | n/a |
| chat \| \<b\>bold\</b\> \& 'quoted' | 8 | 40.0% | 100.0% | n/a | n/a |

## SLA attainment

No SLA targets in the metrics (counts sla\_targets and sla\_met): no SLA attainment.

## Quality and sentiment

No QA scores, sentiment or trust score in the input: no quality and sentiment trends.

## Staffing versus actual

1 interval; 1 with fewer agents present (actual, else rostered) than needed.

*Staffing by interval*

| Interval | Volume | AHT | Needed | Rostered | Actual | Service level | ASA | Occupancy |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 2026-03-02 09:00 \<svg onload=alert(1)\> | n/a | n/a | 3 | 2 | n/a | n/a | n/a | n/a |

## Business case: cash flow and payback

Over 1 year, in \<u\>EUR\</u\>: benefit 100, cost 150, net -50; ROI -33.3%; no payback within the horizon.

*The business case by year*

| Year | Benefit (\<u\>EUR\</u\>) | Cost (\<u\>EUR\</u\>) | Net (\<u\>EUR\</u\>) | Cumulative net (\<u\>EUR\</u\>) |
| --- | ---: | ---: | ---: | ---: |
| 1 | 100 | 150 | -50 | -50 |

*Benefit drivers*

| Benefit driver | Source | Year 1 (\<u\>EUR\</u\>) | Formula |
| --- | --- | ---: | --- |
| \<style\>body{display:none}\</style\> | given | 100 | a \<b\> c |

*Costs*

| Cost | Once (\<u\>EUR\</u\>) | Yearly (\<u\>EUR\</u\>) | Formula |
| --- | ---: | ---: | --- |
| Licence \& more | 0 | 150 |  |

## Sensitivity

*ROI, NPV and payback with each driver 20% lower and higher*

| Driver | ROI at -20% | ROI at +20% | Swing (points) | NPV at -20% (\<u\>EUR\</u\>) | NPV at +20% (\<u\>EUR\</u\>) | Payback at -20% (months) | Payback at +20% (months) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| \<style\>body{display:none}\</style\> | -46.7% | -20.0% | 26.7% | n/a | n/a | n/a | n/a |

## Alerts

*Alerts by type, most first*

| Type | Alerts | Critical |
| --- | ---: | ---: |
| "\>\<img src=x onerror=alert(1)\> | 1 | 1 |

---

Records read: 5 (2 roi.kpi metrics, 0 signals.trust metrics, 1 staffing, 1 business case, 1 alerts); left out: 0 metrics of other types and 0 records of other kinds. KPIs are worked out again from the counts and sums they add up.

