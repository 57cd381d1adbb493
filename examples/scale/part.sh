#!/bin/sh
# part.sh WORK IN OUT: the nightly pipeline over one part of the exports
# (IN, whole customers, from prepare.sh), its results in the directory OUT:
#   final.ndjson     every record, scored, routed, answered, ticketed, with signals
#   alerts.ndjson    the SLA check's warnings and breaches of the day
#   journeys.ndjson  each customer's journey and churn risk
#   kpi.ndjson       metrics by day and channel; kpi-1h.ndjson by hour (staffing)
#   mine.ndjson      cs-qa mine's term counts (--partial); trust.ndjson the trust counts (--partial)
#   stats.ndjson     the --stats=json lines of the filters (their counts add up
#                    to one run's); partial-stats.ndjson those of the partial
#                    aggregates (they count partial records, which merge into fewer)
# CS_NOW is the time of the run (the tickets' SLA clock; default the demo's
# noon, 2026-03-02T12:00:00+08:00), CS_TODAY the answers' effective date
# (default CS_NOW's day). CS_UNTIL is the end of the period the exports
# cover (default the demo's): every part gets the same, so a customer's 24
# hours without a contact run out alike in every part, whatever time the
# part's last record has.
# Each part has its own stores (tickets.db, signals.db): a customer's tickets
# and signal cooldowns stay in the part that holds the customer. cs-route
# runs without agents: assigning people is one queue per pool of agents,
# not a thing to split by customer (cs(7), SCALING OUT).
set -eu
work=${1:?usage: part.sh WORK IN OUT}
in=${2:?usage: part.sh WORK IN OUT}
out=${3:?usage: part.sh WORK IN OUT}
here=$(cd "$(dirname "$0")" && pwd -P)
bin=${CS_BIN:-$here/../../bin}   # the build beside the examples, else cs on PATH
[ -x "$bin/cs-ingest" ] || bin=$(dirname "$(command -v cs-ingest || echo ./cs-ingest)")
ex=$here/..
tz=Asia/Shanghai
until=${CS_UNTIL:-2026-03-06T00:00:00+08:00}
now=${CS_NOW:-2026-03-02T12:00:00+08:00}     # the tickets' SLA clock at the run
day=${now%%T*}                               # the answers' effective date, and the SLA checks' day
mkdir -p "$out"
rm -f "$out"/*.db "$out"/*.db-wal "$out"/*.db-shm "$out"/*stats.ndjson "$out/alerts.ndjson"
st="--stats-file=$out/stats.ndjson"             # the filters' --stats=json lines
pst="--stats-file=$out/partial-stats.ndjson"    # the partial aggregates'
"$bin/cs-qa" --stats=json "$st" -o "$out/scored.ndjson" "$in"
"$bin/cs-route" --stats=json "$st" -m "$work/shop.model" -p "$ex/route-policy.json" -o "$out/routed.ndjson" "$out/scored.ndjson"
"$bin/cs-answer" --stats=json "$st" --kb "$work/kb.db" --today "${CS_TODAY:-$day}" -k 3 -o "$out/answered.ndjson" "$out/routed.ndjson"
"$bin/cs-ticket" --stats=json "$st" --db "$out/tickets.db" --policy "$ex/sla-policy.json" --now "$now" \
	-o "$out/ticketed.ndjson" "$out/answered.ndjson"
for at in 15:30 17:30; do
	"$bin/cs-ticket" sla --db "$out/tickets.db" --policy "$ex/sla-policy.json" --now "${day}T$at:00+08:00" \
		>>"$out/alerts.ndjson"
done
"$bin/cs-signals" --stats=json "$st" --until "$until" --state "$out/signals.db" -o "$out/final.ndjson" "$out/ticketed.ndjson" "$out/alerts.ndjson"
"$bin/cs-signals" journey --stats=json "$st" --until "$until" -o "$out/journeys.ndjson" "$out/ticketed.ndjson" "$out/alerts.ndjson"
"$bin/cs-roi" kpi --stats=json "$pst" --until "$until" --by channel --tz $tz --cost-per-hour 40 -o "$out/kpi.ndjson" "$out/final.ndjson"
"$bin/cs-roi" kpi --stats=json "$pst" --until "$until" --window 1h --tz $tz -o "$out/kpi-1h.ndjson" "$out/final.ndjson"
"$bin/cs-qa" mine --stats=json "$pst" --partial -o "$out/mine.ndjson" "$out/scored.ndjson"
"$bin/cs-signals" trust --stats=json "$pst" --tz $tz --partial -o "$out/trust.ndjson" "$out/final.ndjson"
rm -f "$out/scored.ndjson" "$out/routed.ndjson" "$out/answered.ndjson" "$out/ticketed.ndjson"
