#!/bin/sh
# bench/signals-bench.sh: cs-signals on a generated clickstream with its
# contacts (bench/signals-gen.py: SIGNALS_MB million bytes, default 220, and
# a SIGNALS_SMALL_MB prefix of it, default 50, for the memory check), beside
# `cat FILE | cat` and `jq -c . FILE`: MB/s, records/s and peak RSS; then
#  - PASS|FAIL  cs-signals at least 5x jq -c . (MB/s), the issue's floor;
#  - PASS|FAIL  peak memory bounded by open sessions, not input size: the
#    peak on the whole file within 1.25x (+2 MiB) of the peak on the prefix,
#    for an input 4 times as large;
#  - INFO lines: the signals found by type, the generator's summary.
# Run from the repository root (make bench runs it after ticket-bench.sh;
# make bench-signals runs it alone) or as sh bench/signals-bench.sh after make.
# The corpus is made once into bench/data/signals/ and again when the
# generator changes. Knobs: SIGNALS_MB, SIGNALS_SMALL_MB, SIGNALS_RUNS (runs a
# row, the median; default 3; jq at most 3). Prints a report and exits 0.
# shellcheck disable=SC2016 # the backquotes are Markdown, not command substitution
set -u
cd "$(dirname -- "$0")/.." || exit 1
. bench/lib.sh

MB=${SIGNALS_MB:-220}
SMALL_MB=${SIGNALS_SMALL_MB:-50}
RUNS=${SIGNALS_RUNS:-3}
JQ_RUNS=3
GEN=bench/signals-gen.py
DIR=bench/data/signals
CORPUS=$DIR/clickstream-${MB}mb.ndjson
PREFIX=$DIR/clickstream-${SMALL_MB}mb.ndjson
HELPER_DIR=build/bench
STATUS_FILE=$HELPER_DIR/signals-status
SIGNALS=bin/cs-signals
FOUND=$DIR/signals.ndjson
FLOOR_X=5           # times jq -c .
MAX_OPEN=1000       # the --max-open row's bound

skip() {
	printf 'SKIP  cs-signals bench: %s\n' "$*"
	exit 0
}

is_count "$MB" || skip "SIGNALS_MB must be a whole number of megabytes, not '$MB'"
is_count "$SMALL_MB" || skip "SIGNALS_SMALL_MB must be a whole number of megabytes, not '$SMALL_MB'"
is_count "$RUNS" || skip "SIGNALS_RUNS must be a positive number, not '$RUNS'"
[ "$SMALL_MB" -lt "$MB" ] || skip "SIGNALS_SMALL_MB ($SMALL_MB) must be below SIGNALS_MB ($MB)"
if [ "$RUNS" -lt "$JQ_RUNS" ]; then JQ_RUNS=$RUNS; fi
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3) || skip 'no python3 to generate the clickstream'
mkdir -p "$DIR" "$HELPER_DIR" || skip "cannot create $DIR or $HELPER_DIR"
build_helper measure || skip "cannot build $HELPER_DIR/measure"

# ---- the corpus -------------------------------------------------------------

# corpus FILE MB: the generator's file of MB million bytes (the same seed, so
# a smaller one is the start of a larger one), made unless current; its
# summary line (stderr) beside it in FILE.summary.
corpus() {
	if [ -s "$1" ] && [ -s "$1.summary" ] && ! newer "$GEN" "$1"; then return 0; fi
	printf 'generating %s...\n' "$1" >&2
	"$PYTHON" "$GEN" --mb "$2" -o "$1.tmp" 2>"$1.summary.tmp" &&
		mv "$1.tmp" "$1" && mv "$1.summary.tmp" "$1.summary"
}
corpus "$CORPUS" "$MB" || skip "cannot generate $CORPUS"
corpus "$PREFIX" "$SMALL_MB" || skip "cannot generate $PREFIX"
BYTES=$(wc -c <"$CORPUS" | tr -d ' ')
LINES=$(wc -l <"$CORPUS" | tr -d ' ')
PREFIX_BYTES=$(wc -c <"$PREFIX" | tr -d ' ')
PREFIX_LINES=$(wc -l <"$PREFIX" | tr -d ' ')

# summary_of NAME FILE: the number NAME in a generator's summary line.
summary_of() { sed -n "s/.*\"$1\": \"*\([^,\"}]*\).*/\1/p" "$2.summary" | head -n 1; }

# ---- measuring --------------------------------------------------------------

ROWS=$DIR/rows    # LABEL<tab>MB/s<tab>records/s<tab>peak KiB, or LABEL<tab>WHY
: >"$ROWS"
CAT_MBS=
JQ_MBS=
# row LABEL RUNS COMMAND BYTES LINES: measures COMMAND and keeps its figures
# for the table; sets ROW_MBS and ROW_KIB (empty if the command failed).
row() {
	ROW_MBS=
	ROW_KIB=
	if ! measure "$2" "$3"; then
		printf '%s\tfailed\n' "$1" >>"$ROWS"
		return 1
	fi
	ROW_MBS=$(mb_per_s "$4" "$SECONDS_TAKEN")
	ROW_KIB=$PEAK_KIB
	awk -v s="$SECONDS_TAKEN" -v n="$5" 'BEGIN { if (s < 1e-6) s = 1e-6; printf "%.0f", n / s }' |
		{ read -r rps; printf '%s\t%s\t%s\t%s\n' "$1" "$ROW_MBS" "$rps" "$ROW_KIB"; } >>"$ROWS"
}

# table: the rows with their ratios to cat | cat and to jq -c .
table() {
	printf '| command | MB/s | records/s | peak RSS (MiB) | ratio to `cat\\|cat` | ratio to `jq -c .` |\n'
	printf '|---|---:|---:|---:|---:|---:|\n'
	awk -F '\t' -v cat="$CAT_MBS" -v jq="$JQ_MBS" '
		NF < 4 { printf "| %s | %s | | | | |\n", $1, $2; next }
		{ printf "| %s | %s | %s | %.1f | %s | %s |\n", $1, $2, $3, $4 / 1024,
			cat ? sprintf("%.2f", $2 / cat) : "", jq ? sprintf("%.2f", $2 / jq) : "" }' "$ROWS"
}

# signal_types: the type of each signal record in FOUND, one a line.
signal_types() {
	if command -v jq >/dev/null 2>&1; then
		jq -r 'select(.kind == "signal") | .type' "$FOUND"
	else
		sed -n 's/^{"kind":"signal","id":"[^"]*","type":"\([a-z_]*\)".*/\1/p' "$FOUND"
	fi
}

# has_option OPTION: true if cs-signals --help lists OPTION.
has_option() { "$SIGNALS" --help 2>/dev/null | grep -q -e "$1\\b"; }

cat "$CORPUS" "$PREFIX" >/dev/null    # into the page cache, for every reader alike

row '`cat FILE \| cat`' "$RUNS" "cat $CORPUS | cat > /dev/null" "$BYTES" "$LINES"
CAT_MBS=$ROW_MBS
if command -v jq >/dev/null 2>&1; then
	row '`jq -c . FILE`' "$JQ_RUNS" "jq -c . $CORPUS > /dev/null" "$BYTES" "$LINES"
	JQ_MBS=$ROW_MBS
else
	printf '%s\tskipped: no jq\n' '`jq -c . FILE`' >>"$ROWS"
fi

SIG_MBS=
SIG_KIB=
PREFIX_KIB=
WHY=
if [ ! -x "$SIGNALS" ]; then
	WHY="$SIGNALS is not built yet (run make first)"
else
	row '`cs-signals FILE \| cat` (every record passed on, signals and alerts added)' "$RUNS" \
		"$(status_pipe "$SIGNALS" "-q $CORPUS")" "$BYTES" "$LINES"
	SIG_MBS=$ROW_MBS
	SIG_KIB=$ROW_KIB
	row "\`cs-signals PREFIX \\| cat\` (the first $SMALL_MB MB)" "$RUNS" \
		"$(status_pipe "$SIGNALS" "-q $PREFIX")" "$PREFIX_BYTES" "$PREFIX_LINES"
	PREFIX_KIB=$ROW_KIB
	if has_option --signals-only; then
		row '`cs-signals --signals-only FILE \| cat`' "$RUNS" \
			"$(status_pipe "$SIGNALS" "-q --signals-only $CORPUS")" "$BYTES" "$LINES"
		ONLY_MBS=$ROW_MBS
		row "\`cs-signals --signals-only PREFIX \\| cat\` (the first $SMALL_MB MB)" "$RUNS" \
			"$(status_pipe "$SIGNALS" "-q --signals-only $PREFIX")" "$PREFIX_BYTES" "$PREFIX_LINES"
	fi
	if has_option --max-open; then
		row "\`cs-signals --max-open $MAX_OPEN FILE \\| cat\` (at most $MAX_OPEN sessions open)" "$RUNS" \
			"$(status_pipe "$SIGNALS" "-q --max-open $MAX_OPEN $CORPUS")" "$BYTES" "$LINES"
	fi
	# the signals themselves, once, for the INFO line
	"$SIGNALS" -q --signals-only --no-alerts "$CORPUS" >"$FOUND" 2>/dev/null || rm -f "$FOUND"
fi

# ---- the report -------------------------------------------------------------

printf '\ncs-signals on a generated clickstream with its contacts: %s (%s MB, %s records; %s to %s, %s sessions started);\n' \
	"$CORPUS" "$(mb_per_s "$BYTES" 1)" "$LINES" "$(summary_of from "$CORPUS")" "$(summary_of to "$CORPUS")" \
	"$(summary_of sessions_started "$CORPUS")"
printf 'PREFIX is its first %s MB (%s, %s records). Median of %s runs (jq: %s); MB = 10^6 bytes; output to /dev/null.\n\n' \
	"$(mb_per_s "$PREFIX_BYTES" 1)" "$PREFIX" "$PREFIX_LINES" "$RUNS" "$JQ_RUNS"
table
printf '\n'

if [ -s "$FOUND" ]; then
	printf 'INFO  signals found in FILE: %s\n' "$(signal_types | sort | uniq -c |
		awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')"
fi
printf 'INFO  planted by the generator (including what fell after the cut): %s\n' \
	"$(sed -n 's/.*"made": {\(.*\)}}$/\1/p' "$CORPUS.summary" | tr -d '"' | sed 's/: / /g')"

if [ -n "$WHY" ]; then
	printf 'SKIP  cs-signals >= %sx jq -c .: %s\n' "$FLOOR_X" "$WHY"
	printf 'SKIP  cs-signals memory bounded by open sessions: %s\n' "$WHY"
	exit 0
fi
if [ -z "$SIG_MBS" ]; then
	printf 'FAIL  cs-signals did not run to completion (see the errors above)\n'
elif [ -z "$JQ_MBS" ]; then
	printf 'SKIP  cs-signals >= %sx jq -c .: jq did not run\n' "$FLOOR_X"
else
	awk -v a="$SIG_MBS" -v b="$JQ_MBS" -v x="$FLOOR_X" -v only="${ONLY_MBS:-}" 'BEGIN {
		printf "%s  cs-signals %s MB/s >= %sx jq -c . (%s MB/s): %.2fx\n", (a >= x * b ? "PASS" : "FAIL"), a, x, b, a / b
		if (only != "")
			printf "INFO  cs-signals --signals-only %s MB/s, %.2fx jq -c .\n", only, only / b }'
fi
if [ -n "$SIG_KIB" ] && [ -n "$PREFIX_KIB" ]; then
	awk -v a="$SIG_KIB" -v b="$PREFIX_KIB" -v n="$BYTES" -v m="$PREFIX_BYTES" 'BEGIN {
		printf "%s  cs-signals memory bounded by open sessions, not input size: %.1f MiB on %.0f MB vs %.1f MiB on %.0f MB (input %.1fx, peak %.2fx)\n",
			(a <= 1.25 * b + 2048 ? "PASS" : "FAIL"), a / 1024, n / 1e6, b / 1024, m / 1e6, n / m, a / b }'
fi
rm -f "$STATUS_FILE" "$ROWS"
exit 0
