#!/bin/sh
# merge.sh RESULT OUT...: the parts' results (part.sh's OUT directories)
# into RESULT: the records of every part (sorted), the merged KPIs,
# staffing, mining, trust scores and stats, and the nightly report. Each is
# what one run over the whole day gives (tests/check/scale.sh checks it).
set -eu
result=${1:?usage: merge.sh RESULT OUT...}
shift
[ $# -gt 0 ] || { echo "merge.sh: no part directories" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd -P)
bin=${CS_BIN:-$here/../../bin}   # the build beside the examples, else cs on PATH
[ -x "$bin/cs-ingest" ] || bin=$(dirname "$(command -v cs-ingest || echo ./cs-ingest)")
ex=$here/..
tz=Asia/Shanghai
mkdir -p "$result"
each() { for d in "$@"; do printf '%s\0' "$d/$file"; done; }   # NUL-separated: any path
sorted() {   # the records of file in every part, in one order whatever the split
	file=$1
	shift
	each "$@" | xargs -0 cat | LC_ALL=C sort
}
sorted final.ndjson "$@" >"$result/final.ndjson"
sorted alerts.ndjson "$@" >"$result/alerts.ndjson"
sorted journeys.ndjson "$@" >"$result/journeys.ndjson"
file=kpi.ndjson; each "$@" | xargs -0 "$bin/cs-roi" merge --tz $tz --cost-per-hour 40 -o "$result/kpi.ndjson"
file=kpi-1h.ndjson; each "$@" | xargs -0 "$bin/cs-roi" merge --window 1h --tz $tz | "$bin/cs-roi" staff --json -o "$result/staffing.ndjson"
file=mine.ndjson; each "$@" | xargs -0 "$bin/cs-qa" mine --min-count 1 -o "$result/mined.ndjson"
file=trust.ndjson; each "$@" | xargs -0 "$bin/cs-signals" trust --merge --tz $tz --min-group 1 -o "$result/trust.ndjson"
file=stats.ndjson; each "$@" | xargs -0 "$bin/cs-roi" merge -o "$result/stats.ndjson"
"$bin/cs-roi" model "$ex/roi/ecommerce.json" >"$result/roi.json"
cat "$result/kpi.ndjson" "$result/roi.json" "$result/staffing.ndjson" "$result/alerts.ndjson" "$result/final.ndjson" |
	"$bin/cs-roi" report --title "Customer service, 2 March 2026" -o "$result/report.html"
