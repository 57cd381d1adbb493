#!/bin/sh
# bench/roi-bench.sh: cs-roi kpi over the bench corpus grouped into
# conversations (bench/data/conversations.ndjson, which bench.sh makes),
# beside `cat | cat` and a jq program that computes a reduced version of the
# KPIs (contacts, AHT and CSAT by channel and day) on the same input, with
# the issue's floor (5 times the jq program), and peak memory on the file
# and on four months of it (the same conversations moved a month on three
# times): it follows the windows and groups and the last repeat window of
# contacts, not the input.
# Run from the repository root (make bench runs it after bench.sh's rows;
# make bench-roi runs it alone, after bench.sh made the conversations).
# Knobs: ROI_RUNS (runs per row, default 3; the median).
# shellcheck disable=SC2016 # the backquotes are Markdown, not command substitution
set -u
cd "$(dirname -- "$0")/.." || exit 1
. bench/lib.sh

RUNS=${ROI_RUNS:-3}
CONVS=bench/data/conversations.ndjson
LONG=bench/data/conversations-4months.ndjson
HELPER_DIR=build/bench
STATUS_FILE=$HELPER_DIR/roi.status
ROI=bin/cs-roi
# contacts, handle seconds (first agent reply to the end) and CSAT by channel and day
JQ_PROG='reduce inputs as $c ({};
  (($c.channel // "unknown") + " " + (($c.started // "")[0:10])) as $k
  | ([$c.messages[]? | select(.role == "agent") | .ts][0]) as $a
  | .[$k].contacts += 1
  | if $a and $c.ended then .[$k].handled += 1
      | .[$k].handle_s += (($c.ended[0:19] + "Z" | fromdateiso8601) - ($a[0:19] + "Z" | fromdateiso8601)) else . end
  | if $c.csat then .[$k].csat_n += 1 | .[$k].csat_pos += (if $c.csat >= 4 then 1 else 0 end) else . end)
  | to_entries[] | {key, contacts: .value.contacts, aht_s: ((.value.handle_s // 0) / (.value.handled // 1)),
      csat: (if .value.csat_n then 100 * .value.csat_pos / .value.csat_n else null end)}'

skip() {
	printf 'SKIP  cs-roi bench: %s\n' "$*"
	exit 0
}

is_count "$RUNS" || skip "ROI_RUNS must be a positive number, not '$RUNS'"
[ -x "$ROI" ] || skip "$ROI is not built (run make first)"
[ -s "$CONVS" ] || skip "$CONVS is missing (make bench makes it with cs-ingest)"
mkdir -p "$HELPER_DIR" || skip "cannot create $HELPER_DIR"
build_helper measure || skip "cannot build $HELPER_DIR/measure"
if [ ! -s "$LONG" ] || newer "$CONVS" "$LONG"; then
	{ cat "$CONVS"; for m in 04 05 06; do sed "s/\"2026-03-/\"2026-$m-/g" "$CONVS"; done; } >"$LONG" ||
		skip "cannot write $LONG"
fi
BYTES=$(wc -c <"$CONVS" | tr -d ' ')
LINES=$(wc -l <"$CONVS" | tr -d ' ')

# row LABEL RUNS COMMAND: prints a table row; sets ROW_MBS and ROW_KIB.
row() {
	ROW_MBS= ROW_KIB=
	measure "$2" "$3" || { printf '| %s | failed | | |\n' "$1"; return 0; }
	ROW_MBS=$(mb_per_s "$BYTES" "$SECONDS_TAKEN")
	ROW_KIB=$PEAK_KIB
	printf '| %s | %s | %.0f | %.1f |\n' "$1" "$ROW_MBS" \
		"$(awk -v n="$LINES" -v s="$SECONDS_TAKEN" 'BEGIN { print n / s }')" \
		"$(awk -v k="$PEAK_KIB" 'BEGIN { print k / 1024 }')"
}

printf '\ncs-roi kpi on %s (%s MB, %s conversations). Median of %s runs; output to /dev/null.\n\n' \
	"$CONVS" "$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')" "$LINES" "$RUNS"
printf '| command | MB/s | conversations/s | peak RSS (MiB) |\n|---|---:|---:|---:|\n'
row '`cat CONVS \| cat`' "$RUNS" "cat $CONVS | cat > /dev/null"
CAT=$ROW_MBS
row '`cs-roi kpi --by channel CONVS \| cat` (every KPI by channel and day)' "$RUNS" \
	"$(status_pipe "$ROI" "kpi -q --by channel $CONVS")"
KPI=$ROW_MBS KPI_KIB=$ROW_KIB
row '`cs-roi kpi --by channel --window 15m CONVS \| cat` (staffing intervals)' "$RUNS" \
	"$(status_pipe "$ROI" "kpi -q --by channel --window 15m $CONVS")"
LONG_KIB=
if measure 1 "$(status_pipe "$ROI" "kpi -q --by channel $LONG")"; then LONG_KIB=$PEAK_KIB; fi
JQ=
if command -v jq >/dev/null 2>&1; then
	row '`jq -n JQ_PROG CONVS` (contacts, AHT and CSAT by channel and day)' 1 "jq -n '$JQ_PROG' $CONVS > /dev/null"
	JQ=$ROW_MBS
fi
echo
if [ -n "$KPI" ] && [ -n "$JQ" ]; then
	awk -v a="$KPI" -v b="$JQ" 'BEGIN { printf "%s  cs-roi kpi %s MB/s >= 5x the reduced KPIs in jq (%s MB/s): %.2fx\n",
		(a >= 5 * b ? "PASS" : "FAIL"), a, b, a / b }'
else
	printf 'SKIP  cs-roi >= 5x jq: a run failed or jq is not here\n'
fi
[ -n "$KPI" ] && [ -n "$CAT" ] && printf 'INFO  cs-roi kpi at %s of cat|cat (%s MB/s)\n' \
	"$(awk -v a="$KPI" -v b="$CAT" 'BEGIN { printf "%.2f", a / b }')" "$CAT"
if [ -n "$KPI_KIB" ] && [ -n "$LONG_KIB" ]; then
	awk -v a="$LONG_KIB" -v b="$KPI_KIB" 'BEGIN { printf "%s  cs-roi memory bounded by windows and groups, not input: %.1f MiB on four months (4x the input) vs %.1f MiB on one\n",
		(a <= b * 1.25 + 2048 ? "PASS" : "FAIL"), a / 1024, b / 1024 }'
fi
exit 0
