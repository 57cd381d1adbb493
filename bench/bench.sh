#!/bin/sh
# bench/bench.sh: throughput and memory of cs-ingest, cs-qa and cs-route beside cat, jq
# and Miller on one generated corpus; prints a Markdown table and the PASS/FAIL floor checks,
# then runs bench/answer-bench.sh (cs-answer), bench/ticket-bench.sh (cs-ticket),
# bench/signals-bench.sh (cs-signals), bench/roi-bench.sh (cs-roi kpi) and
# bench/scale-bench.sh (the nightly job of examples/scale, in one process and in shards).
# Run from the repository root (make bench) or anywhere as sh bench/bench.sh.
# Knobs: BENCH_BYTES (corpus size), BENCH_RUNS (runs per row; jq at most 3).
# Exits 0 even when a floor check fails: the output is a report.
# shellcheck disable=SC2016 # the backquotes are Markdown, not command substitution
set -u

cd "$(dirname -- "$0")/.." || exit 1
. bench/lib.sh

HELPER_DIR=build/bench
DATA_DIR=bench/data
CORPUS=$DATA_DIR/messages.ndjson
CORPUS_STAMP=$DATA_DIR/messages.bytes
QUARTER=$DATA_DIR/quarter.ndjson
RAW=$DATA_DIR/raw.ndjson
CSV=$DATA_DIR/messages.csv
MBOX=$DATA_DIR/messages.mbox
CONVS=$DATA_DIR/conversations.ndjson
# The CSV's columns as cs fields (channel, role and text have their names already).
CSV_MAP='id=message_id,conversation_id=ticket_id,ts=created,customer.id=customer_id'
STATUS_FILE=$HELPER_DIR/status
INGEST=bin/cs-ingest
QA=bin/cs-qa
ROUTE=bin/cs-route
ROUTE_MODEL=$HELPER_DIR/shop.model
ROUTE_ARGS="-q -m $ROUTE_MODEL -p examples/route-policy.json"
BANKING77=${CS_SHARED_DATA:-../shared/data}/banking77/train.csv
# A reduced version of cs-qa's default checks in jq, for the floor: a greeting
# regex in the agent's first two turns, a closing regex in its last two, and a
# list of forbidden phrases, added as the conversation's "qa" field.
QA_JQ='select(.kind == "conversation") | [.messages[] | select(.role == "agent") | .text] as $a | .qa = {greeting: ($a[0:2] | any(test("\\b(hello|hi|good (morning|afternoon|evening)|thanks? (you )?for (calling|contacting))\\b|您好|你好|欢迎(致电|来到)"; "i"))), closing: ($a[-2:] | any(test("anything else|is there anything|have a (great|nice) day|还有(什么|其他)(可以|需要)|感谢您的(来电|咨询)|再见"; "i"))), forbidden: ($a | map(select(test("not my (job|problem)|calm down|you should have|不归我管|我也没办法|你自己(看|查)|爱(用|买)不用"; "i"))) | length > 0)}'

BYTES=${BENCH_BYTES:-220000000}
RUNS=${BENCH_RUNS:-5}
JQ_RUNS=3
# --select expressions, run by cs-ingest and by jq on the same file: one in the
# natively evaluated subset, one that needs jq (ltrimstr is outside the subset).
NATIVE_EXPR='.role == "customer" and (.text | test("refund|退款"))'
JQONLY_EXPR='.text | ltrimstr("I ") | length > 40'
# The duplicate table's default bound (cs-ingest --dedup-max) and a small one.
DEDUP_MAX_DEFAULT=4000000
DEDUP_MAX_SMALL=100000

die() {
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

check_knobs() {
	is_count "$BYTES" || die "BENCH_BYTES must be a positive byte count, not '$BYTES'"
	is_count "$RUNS" || die "BENCH_RUNS must be a positive number, not '$RUNS'"
	if [ "$RUNS" -lt "$JQ_RUNS" ]; then JQ_RUNS=$RUNS; fi
}

# ---- helpers and corpus ---------------------------------------------------

corpus_is_current() {
	[ -f "$CORPUS" ] && [ -f "$CORPUS_STAMP" ] &&
		[ "$(cat "$CORPUS_STAMP")" = "$BYTES" ] && ! newer bench/gen.c "$CORPUS"
}

make_corpus() {
	printf 'generating corpus...\n' >&2
	rm -f "$QUARTER" "$RAW" "$CORPUS_STAMP"
	"$HELPER_DIR/gen" --bytes "$BYTES" >"$CORPUS.tmp" || die "cannot generate $CORPUS"
	mv "$CORPUS.tmp" "$CORPUS" || die "cannot write $CORPUS"
	printf '%s\n' "$BYTES" >"$CORPUS_STAMP"
}

# The first quarter of the corpus, cut at a line end.
make_quarter() {
	if [ -f "$QUARTER" ] && ! newer "$CORPUS" "$QUARTER"; then return 0; fi
	head -c "$((CORPUS_BYTES / 4))" "$CORPUS" >"$QUARTER.tmp" || die "cannot write $QUARTER"
	if [ "$(tail -c 1 "$QUARTER.tmp" | wc -l)" -eq 0 ]; then
		partial=$(tail -n 1 "$QUARTER.tmp" | wc -c)
		head -c "$((CORPUS_BYTES / 4 - partial))" "$CORPUS" >"$QUARTER.tmp" ||
			die "cannot write $QUARTER"
	fi
	mv "$QUARTER.tmp" "$QUARTER" || die "cannot write $QUARTER"
}

# The same messages as the quarter, without conversation ids: a raw export
# that cs-ingest groups by customer, channel and inactivity gap.
make_raw() {
	if [ -f "$RAW" ] && ! newer "$CORPUS" "$RAW"; then return 0; fi
	"$HELPER_DIR/gen" --no-conversation-id --bytes "$((CORPUS_BYTES / 4))" >"$RAW.tmp" ||
		die "cannot generate $RAW"
	mv "$RAW.tmp" "$RAW" || die "cannot write $RAW"
}

# The same kind of messages as a helpdesk CSV export and as a mail archive,
# each about a quarter of the corpus in size.
make_shape() {
	if [ -f "$2" ] && ! newer "$CORPUS" "$2"; then return 0; fi
	"$HELPER_DIR/gen" "$1" --bytes "$((CORPUS_BYTES / 4))" >"$2.tmp" || die "cannot generate $2"
	mv "$2.tmp" "$2" || die "cannot write $2"
}

# ---- the header -------------------------------------------------------------

cs_version() {
	if [ -x "$INGEST" ]; then
		v=$("$INGEST" --version 2>/dev/null | head -n 1)
		printf '%s\n' "${v:-unknown version}"
	else
		printf 'cs-ingest not built\n'
	fi
}

print_header() {
	mb=$(awk -v b="$CORPUS_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
	printf 'Corpus %s: %s MB (%s bytes), %s records; %s UTC; %s; %s; %s.\n' \
		"$CORPUS" "$mb" "$CORPUS_BYTES" "$CORPUS_LINES" "$(date -u '+%Y-%m-%d %H:%M')" \
		"$(uname -m)" "$(cpu_model)" "$(cs_version)"
	printf 'Median of %s runs (jq: %s); MB = 10^6 bytes; output to /dev/null.\n\n' "$RUNS" "$JQ_RUNS"
	printf '| command | MB/s | records/s | peak RSS (MiB) | ratio to `cat\\|cat` |\n'
	printf '|---|---:|---:|---:|---:|\n'
}

# ---- measuring --------------------------------------------------------------

# row LABEL RUNS COMMAND BYTES LINES: measures COMMAND and prints its table row;
# sets ROW_MBS and ROW_KIB (empty if the command failed).
row() {
	ROW_MBS=
	ROW_KIB=
	if ! measure "$2" "$3"; then
		printf '| %s | failed | | | |\n' "$1"
		return 1
	fi
	ROW_MBS=$(mb_per_s "$4" "$SECONDS_TAKEN")
	ROW_KIB=$PEAK_KIB
	awk -v l="$1" -v s="$SECONDS_TAKEN" -v mbs="$ROW_MBS" -v n="$5" -v k="$PEAK_KIB" \
		-v base="${CAT_MBS:-$ROW_MBS}" 'BEGIN {
			if (s < 1e-6) s = 1e-6
			printf "| %s | %s | %.0f | %.1f | %.2f |\n", l, mbs, n / s, k / 1024, mbs / base
		}'
}

# ingest_pipe ARGS: the command line "bin/cs-ingest ARGS | cat > /dev/null"
# that exits with cs-ingest's status rather than cat's (dash has no pipefail).
ingest_pipe() { status_pipe "$INGEST" "$1"; }

warm_page_cache() {
	cat "$CORPUS" "$QUARTER" "$RAW" "$CSV" "$MBOX" >/dev/null
	[ -f "$CONVS" ] && cat "$CONVS" >/dev/null
	return 0
}

# The first quarter grouped into conversation records, for cs-qa.
make_conversations() {
	[ -x "$INGEST" ] || return 0
	if [ -f "$CONVS" ] && ! newer "$QUARTER" "$CONVS" && ! newer "$INGEST" "$CONVS"; then return 0; fi
	"$INGEST" -q --format ndjson "$QUARTER" >"$CONVS.tmp" || die "cannot write $CONVS"
	mv "$CONVS.tmp" "$CONVS" || die "cannot write $CONVS"
}

# qa_pipe ARGS: "bin/cs-qa ARGS | cat > /dev/null" with cs-qa's exit status.
qa_pipe() { status_pipe "$QA" "$1"; }

# cs-qa with the default scorecard on conversation records, beside cat and the
# reduced checks in jq.
measure_qa() {
	QA_MBS= QA_JQ_MBS= QA_CAT_MBS=
	[ -x "$QA" ] && [ -f "$CONVS" ] || return 0
	row '`cat CONVS \| cat` (the first quarter as conversation records)' "$RUNS" "cat $CONVS | cat > /dev/null" "$CONVS_BYTES" "$CONVS_LINES"
	QA_CAT_MBS=$ROW_MBS
	row '`cs-qa CONVS \| cat` (default scorecard, sentiment, alerts)' "$RUNS" \
		"$(qa_pipe "-q $CONVS")" "$CONVS_BYTES" "$CONVS_LINES"
	QA_MBS=$ROW_MBS
	row '`cs-qa --sentiment-only CONVS \| cat`' "$RUNS" \
		"$(qa_pipe "-q --sentiment-only $CONVS")" "$CONVS_BYTES" "$CONVS_LINES"
	if command -v jq >/dev/null 2>&1; then
		row '`jq -c QA_JQ CONVS` (greeting and closing regexes, forbidden phrases)' "$JQ_RUNS" \
			"jq -c '$QA_JQ' $CONVS > /dev/null" "$CONVS_BYTES" "$CONVS_LINES"
		QA_JQ_MBS=$ROW_MBS
	fi
}

# route_pipe ARGS: "bin/cs-route ARGS | cat > /dev/null" with cs-route's exit status.
route_pipe() { status_pipe "$ROUTE" "$1"; }

# seconds_of COMMAND: the best wall-clock seconds of RUNS runs, or nothing.
seconds_of() {
	measure "$RUNS" "$1" && printf '%s' "$SECONDS_TAKEN"
}

# cs-route on the same conversation records, with a model learnt from the
# example shop's requests: intents, tiers and queues alone, then with the
# example agents (assignments, a queue that grows). With BANKING77 beside
# the checkout: training time on all of it, and utterances a second.
measure_route() {
	ROUTE_MBS= ROUTE_TRAIN_S= ROUTE_UTT=
	[ -x "$ROUTE" ] && [ -f "$CONVS" ] || return 0
	"$ROUTE" train -q -o "$ROUTE_MODEL" examples/intents.csv || return 0
	row '`cs-route -m MODEL -p POLICY CONVS \| cat` (intents, asks, sentiment, tiers, queues)' "$RUNS" \
		"$(route_pipe "$ROUTE_ARGS $CONVS")" "$CONVS_BYTES" "$CONVS_LINES"
	ROUTE_MBS=$ROW_MBS
	row '`cs-route -m MODEL -p POLICY --agents AGENTS CONVS \| cat` (and agents)' "$RUNS" \
		"$(route_pipe "$ROUTE_ARGS --agents examples/agents.ndjson $CONVS")" "$CONVS_BYTES" "$CONVS_LINES"
	[ -f "$BANKING77" ] || return 0
	ROUTE_TRAIN_S=$(awk -v s="$(seconds_of "$ROUTE train -q -o $HELPER_DIR/b77.model $BANKING77")" \
		'BEGIN { if (s != "") printf "%.2f", s }')
	jq -R -c 'select(. != "text,category") | {text: .}' "$BANKING77" >"$HELPER_DIR/b77.ndjson" || return 0
	for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$HELPER_DIR/b77.ndjson"; done >"$HELPER_DIR/b77x10.ndjson"
	lines=$(line_count "$HELPER_DIR/b77x10.ndjson")
	secs=$(awk -v s="$(seconds_of "$ROUTE -q -m $HELPER_DIR/b77.model --field text $HELPER_DIR/b77x10.ndjson > /dev/null")" \
		'BEGIN { if (s != "") printf "%.2f", s }')
	[ -n "$secs" ] && ROUTE_UTT=$(awk -v n="$lines" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
	printf '\nBANKING77 (%s): training on all of it %s s; %s utterances through cs-route --field text in %s s\n' \
		"$BANKING77" "${ROUTE_TRAIN_S:-?}" "$lines" "${secs:-?}"
}

measure_all() {
	row '`cat FILE \| cat`' "$RUNS" "cat $CORPUS | cat > /dev/null" "$CORPUS_BYTES" "$CORPUS_LINES"
	CAT_MBS=$ROW_MBS
	[ -n "$CAT_MBS" ] || die "cat | cat failed"

	JQ_MBS=
	if command -v jq >/dev/null 2>&1; then
		row '`jq -c . FILE`' "$JQ_RUNS" "jq -c . $CORPUS > /dev/null" "$CORPUS_BYTES" "$CORPUS_LINES"
		JQ_MBS=$ROW_MBS
	fi

	PASS_MBS=
	PASS_KIB=
	QUARTER_KIB=
	[ -x "$INGEST" ] || return 0
	row '`cs-ingest --format ndjson --messages FILE \| cat` (pass-through)' "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages $CORPUS")" "$CORPUS_BYTES" "$CORPUS_LINES"
	PASS_MBS=$ROW_MBS
	PASS_KIB=$ROW_KIB
	row '`cs-ingest --format ndjson FILE \| cat` (conversations)' "$RUNS" \
		"$(ingest_pipe "--format ndjson $CORPUS")" "$CORPUS_BYTES" "$CORPUS_LINES"
	CONV_MBS=$ROW_MBS
	row '`cs-ingest --format ndjson --messages QUARTER \| cat` (pass-through, first quarter)' "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages $QUARTER")" "$QUARTER_BYTES" "$QUARTER_LINES"
	QUARTER_KIB=$ROW_KIB
	row '`cs-ingest --messages --no-dedup FILE \| cat` (no duplicate table)' "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages --no-dedup $CORPUS")" "$CORPUS_BYTES" "$CORPUS_LINES"
	NODEDUP_KIB=$ROW_KIB
	row '`cs-ingest --messages --no-dedup QUARTER \| cat` (no duplicate table, first quarter)' "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages --no-dedup $QUARTER")" "$QUARTER_BYTES" "$QUARTER_LINES"
	NODEDUP_QUARTER_KIB=$ROW_KIB
	row "\`cs-ingest --messages --dedup-max $DEDUP_MAX_SMALL FILE \\| cat\` (small duplicate table)" "$RUNS" \
		"$(ingest_pipe "-q --format ndjson --messages --dedup-max $DEDUP_MAX_SMALL $CORPUS")" "$CORPUS_BYTES" "$CORPUS_LINES"
	SMALLDEDUP_KIB=$ROW_KIB
	row "\`cs-ingest --messages --dedup-max $DEDUP_MAX_SMALL QUARTER \\| cat\` (small duplicate table, first quarter)" "$RUNS" \
		"$(ingest_pipe "-q --format ndjson --messages --dedup-max $DEDUP_MAX_SMALL $QUARTER")" "$QUARTER_BYTES" "$QUARTER_LINES"
	SMALLDEDUP_QUARTER_KIB=$ROW_KIB
	measure_select
	row '`cs-ingest --format ndjson --messages RAW \| cat` (ids by customer, channel and gap)' "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages $RAW")" "$RAW_BYTES" "$RAW_LINES"
	row '`cs-ingest --format ndjson RAW \| cat` (grouped by customer, channel and gap)' "$RUNS" \
		"$(ingest_pipe "--format ndjson $RAW")" "$RAW_BYTES" "$RAW_LINES"
	measure_formats
	measure_qa
	measure_route
	measure_side_by_side
}

# The floors that are ratios, each measured once more as pairs run side by
# side (see side_by_side), so that a machine that speeds up or slows down
# between two rows of the table does not decide them.
measure_side_by_side() {
	PASS_SIDE= CONV_SIDE= CSV_SIDE= QA_SIDE= ROUTE_SIDE=
	cat_pipe="cat $CORPUS | cat > /dev/null"
	side_by_side "$RUNS" "$cat_pipe" "$(ingest_pipe "--format ndjson --messages $CORPUS")" && PASS_SIDE=$SPEED_RATIO
	side_by_side "$RUNS" "$cat_pipe" "$(ingest_pipe "--format ndjson $CORPUS")" && CONV_SIDE=$SPEED_RATIO
	if command -v mlr >/dev/null 2>&1; then
		side_by_side "$JQ_RUNS" "mlr --icsv --ojsonl cat $CSV > /dev/null" \
			"$(ingest_pipe "-f csv -M '$CSV_MAP' $CSV")" && CSV_SIDE=$SPEED_RATIO
	fi
	[ -f "$CONVS" ] || return 0
	convs_pipe="cat $CONVS | cat > /dev/null"
	[ -x "$QA" ] && side_by_side "$RUNS" "$convs_pipe" "$(qa_pipe "-q $CONVS")" && QA_SIDE=$SPEED_RATIO
	[ -x "$ROUTE" ] && side_by_side "$RUNS" "$convs_pipe" "$(route_pipe "$ROUTE_ARGS $CONVS")" && ROUTE_SIDE=$SPEED_RATIO
	return 0
}

# Helpdesk CSV and mail to conversations, beside cat and (for CSV) Miller.
measure_formats() {
	CSV_MBS= MLR_MBS= MBOX_MBS=
	row '`cat CSV \| cat` (a helpdesk CSV export, quarter size)' "$RUNS" "cat $CSV | cat > /dev/null" "$CSV_BYTES" "$CSV_LINES"
	row "\`cs-ingest -f csv -M '$CSV_MAP' CSV \\| cat\` (CSV to conversations)" "$RUNS" \
		"$(ingest_pipe "-f csv -M '$CSV_MAP' $CSV")" "$CSV_BYTES" "$CSV_LINES"
	CSV_MBS=$ROW_MBS
	if command -v mlr >/dev/null 2>&1; then
		row '`mlr --icsv --ojsonl cat CSV` (Miller)' "$JQ_RUNS" "mlr --icsv --ojsonl cat $CSV > /dev/null" "$CSV_BYTES" "$CSV_LINES"
		MLR_MBS=$ROW_MBS
	fi
	row '`cat MBOX \| cat` (a mail archive, quarter size)' "$RUNS" "cat $MBOX | cat > /dev/null" "$MBOX_BYTES" "$MBOX_LINES"
	row '`cs-ingest -f mbox MBOX \| cat` (mail to conversations)' "$RUNS" \
		"$(ingest_pipe "-f mbox $MBOX")" "$MBOX_BYTES" "$MBOX_LINES"
	MBOX_MBS=$ROW_MBS
}

# --select on the first quarter, by cs-ingest and by jq, one expression each
# way; the expressions are in single quotes in the commands (they hold none).
measure_select() {
	SEL_NATIVE_MBS= SEL_NATIVE_JQ_MBS= SEL_JQONLY_MBS= SEL_JQONLY_JQ_MBS=
	command -v jq >/dev/null 2>&1 || return 0
	# the expressions hold '|', which a Markdown table cell must escape
	native_label=$(printf '%s' "$NATIVE_EXPR" | sed 's/|/\\|/g')
	jqonly_label=$(printf '%s' "$JQONLY_EXPR" | sed 's/|/\\|/g')
	row "\`cs-ingest --messages --no-dedup --select '$native_label' QUARTER\` (native subset)" "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages --no-dedup --select '$NATIVE_EXPR' $QUARTER")" "$QUARTER_BYTES" "$QUARTER_LINES"
	SEL_NATIVE_MBS=$ROW_MBS
	row "\`jq -c 'select($native_label)' QUARTER\`" "$JQ_RUNS" \
		"jq -c 'select($NATIVE_EXPR)' $QUARTER > /dev/null" "$QUARTER_BYTES" "$QUARTER_LINES"
	SEL_NATIVE_JQ_MBS=$ROW_MBS
	row "\`cs-ingest --messages --no-dedup --select '$jqonly_label' QUARTER\` (jq worker)" "$RUNS" \
		"$(ingest_pipe "--format ndjson --messages --no-dedup --select '$JQONLY_EXPR' $QUARTER")" "$QUARTER_BYTES" "$QUARTER_LINES"
	SEL_JQONLY_MBS=$ROW_MBS
	row "\`jq -c 'select($jqonly_label)' QUARTER\`" "$JQ_RUNS" \
		"jq -c 'select($JQONLY_EXPR)' $QUARTER > /dev/null" "$QUARTER_BYTES" "$QUARTER_LINES"
	SEL_JQONLY_JQ_MBS=$ROW_MBS
}

# ---- the floor --------------------------------------------------------------

# verdict CONDITION TEXT: CONDITION is an awk expression over a and b (from $A, $B).
verdict() {
	if awk -v a="$A" -v b="$B" "BEGIN { exit !($1) }"; then
		printf 'PASS  %s\n' "$2"
	else
		printf 'FAIL  %s\n' "$2"
	fi
}

# side_verdict RATIO CONDITION TEXT MBS BASE_MBS: the verdict on a ratio run
# side by side (TEXT's %s is the ratio), with the table's two rates beside it.
side_verdict() {
	# shellcheck disable=SC2059 # TEXT is the format
	if [ -z "$1" ]; then
		printf 'FAIL  %s: the side-by-side runs failed\n' "$(printf "$3" '?')"
		return 0
	fi
	A=$1 B=''
	# shellcheck disable=SC2059
	verdict "$2" "$(printf "$3" "$1") (side by side; the table: $4 vs $5 MB/s)"
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

check_floor() {
	printf '\n'
	if [ ! -x "$INGEST" ]; then
		printf 'SKIP  floor checks: %s is not built yet (run make first)\n' "$INGEST"
		return 0
	fi
	if [ -z "$PASS_MBS" ]; then
		printf 'FAIL  pass-through did not run to completion (see the errors above)\n'
		return 0
	fi

	printf 'Ratio floors "side by side": the median of %s pairs (Miller: %s), the reference run just before the command each time.\n' "$RUNS" "$JQ_RUNS"
	side_verdict "$PASS_SIDE" 'a >= 0.5' "pass-through at %s of cat|cat >= 1/2" "$PASS_MBS" "$CAT_MBS"

	if [ -n "$JQ_MBS" ]; then
		A=$PASS_MBS B=$JQ_MBS
		verdict 'a >= 10 * b' "pass-through $A MB/s >= 10x jq -c . ($B MB/s)"
	else
		printf 'SKIP  pass-through >= 10x jq: jq did not run\n'
	fi

	if [ -n "${CONV_MBS:-}" ]; then
		side_verdict "$CONV_SIDE" 'a >= 0.2' "conversations at %s of cat|cat >= 1/5" "$CONV_MBS" "$CAT_MBS"
	else
		printf 'FAIL  conversations did not run to completion\n'
	fi

	if [ -n "${SEL_NATIVE_MBS:-}" ] && [ -n "${SEL_NATIVE_JQ_MBS:-}" ]; then
		A=$SEL_NATIVE_MBS B=$SEL_NATIVE_JQ_MBS
		verdict 'a >= 10 * b' "native --select $A MB/s >= 10x jq with the same select ($B MB/s)"
	else
		printf 'SKIP  native --select >= 10x jq: a run failed or jq is missing\n'
	fi
	if [ -n "${SEL_JQONLY_MBS:-}" ] && [ -n "${SEL_JQONLY_JQ_MBS:-}" ]; then
		A=$SEL_JQONLY_MBS B=$SEL_JQONLY_JQ_MBS
		verdict 'a >= b' "jq-only --select $A MB/s >= jq with the same select ($B MB/s)"
	else
		printf 'SKIP  jq-only --select >= jq: a run failed or jq is missing\n'
	fi

	if [ -n "${CSV_MBS:-}" ] && [ -n "${MLR_MBS:-}" ]; then
		side_verdict "$CSV_SIDE" 'a >= 5' "CSV to conversations at %sx Miller mlr --icsv --ojsonl cat >= 5x" "$CSV_MBS" "$MLR_MBS"
	else
		printf 'SKIP  CSV >= 5x Miller: a run failed or mlr is missing (apt-get install miller)\n'
	fi
	if [ -n "${MBOX_MBS:-}" ]; then
		A=$MBOX_MBS B=50
		verdict 'a >= b' "mbox to conversations $A MB/s >= $B MB/s of mail"
	else
		printf 'FAIL  mbox to conversations did not run to completion\n'
	fi

	if [ -n "${QA_MBS:-}" ] && [ -n "${QA_CAT_MBS:-}" ]; then
		side_verdict "$QA_SIDE" 'a >= 0.2' "cs-qa at %s of cat|cat on the same conversations >= 1/5" "$QA_MBS" "$QA_CAT_MBS"
		if [ -n "${QA_JQ_MBS:-}" ]; then
			A=$QA_MBS B=$QA_JQ_MBS
			verdict 'a >= 5 * b' "cs-qa $A MB/s >= 5x the reduced checks in jq ($B MB/s)"
		else
			printf 'SKIP  cs-qa >= 5x jq: jq did not run\n'
		fi
	else
		printf 'SKIP  cs-qa floors: cs-qa is not built or its run failed\n'
	fi

	if [ -n "${ROUTE_MBS:-}" ] && [ -n "${QA_CAT_MBS:-}" ]; then
		side_verdict "$ROUTE_SIDE" 'a >= 0.2' "cs-route at %s of cat|cat on the same conversations >= 1/5" "$ROUTE_MBS" "$QA_CAT_MBS"
	else
		printf 'SKIP  cs-route floor: cs-route is not built or its run failed\n'
	fi
	if [ -n "${ROUTE_TRAIN_S:-}" ]; then
		A=$ROUTE_TRAIN_S B=5
		verdict 'a < b' "cs-route train on BANKING77 in $A s < $B s"
	else
		printf 'SKIP  cs-route training time: %s is not here\n' "$BANKING77"
	fi
	if [ -n "${ROUTE_UTT:-}" ]; then
		A=$ROUTE_UTT B=20000
		verdict 'a >= b' "cs-route $A utterances/s >= $B"
	fi

	if [ -n "${NODEDUP_KIB:-}" ] && [ -n "${NODEDUP_QUARTER_KIB:-}" ]; then
		A=$NODEDUP_KIB B=$NODEDUP_QUARTER_KIB
		verdict 'a <= b + 2 * 1024' "working memory independent of input size: full corpus $(mib "$A") MiB vs first quarter $(mib "$B") MiB (--no-dedup)"
	else
		printf 'FAIL  working memory independent of input size: a --no-dedup run failed\n'
	fi
	if [ -n "${SMALLDEDUP_KIB:-}" ] && [ -n "${SMALLDEDUP_QUARTER_KIB:-}" ]; then
		A=$SMALLDEDUP_KIB B=$SMALLDEDUP_QUARTER_KIB
		verdict 'a <= b + 2 * 1024' "memory bounded with the duplicate table on: full corpus $(mib "$A") MiB vs first quarter $(mib "$B") MiB (--dedup-max $DEDUP_MAX_SMALL)"
	fi
	if [ -n "$PASS_KIB" ] && [ -n "${NODEDUP_KIB:-}" ]; then
		# bytes per remembered key as measured here, times the default bound (x2: growth steps, two generations)
		A=$PASS_KIB B=$(awk -v full="$PASS_KIB" -v nd="$NODEDUP_KIB" -v n="$CORPUS_LINES" -v max="$DEDUP_MAX_DEFAULT" \
			'BEGIN { per = (full - nd) / n; printf "%.0f", nd + per * max * 2 }')
		verdict 'a <= b' "default peak memory $(mib "$A") MiB within its bound $(mib "$B") MiB (the duplicate table holds at most --dedup-max $DEDUP_MAX_DEFAULT keys)"
	fi
	if [ -n "$QUARTER_KIB" ] && [ -n "${NODEDUP_KIB:-}" ]; then
		awk -v full="$PASS_KIB" -v nd="$NODEDUP_KIB" -v n="$CORPUS_LINES" 'BEGIN {
			printf "INFO  the duplicate table (on by default) is the one thing that grows, up to --dedup-max keys: %.1f MiB for %d message ids here, %.0f bytes each\n",
				(full - nd) / 1024, n, (full - nd) * 1024 / n }'
	fi
}

# The measurement behind the parser choice: each candidate over every line of
# the corpus, in memory (bench/parsers.c). cJSON is measured when installed.
parser_choice() {
	[ -f lib/libcs.a ] || return 0
	libs=${BENCH_LIBS:--ljq -lzstd -lpcre2-8 -lsqlite3 -lz -lm}
	out=$HELPER_DIR/parsers
	if ! ${CC:-cc} -std=c17 -D_GNU_SOURCE -O2 -Ilib -o "$out" bench/parsers.c lib/libcs.a -lcjson $libs 2>/dev/null &&
		! ${CC:-cc} -std=c17 -D_GNU_SOURCE -O2 -Ilib -o "$out" bench/parsers.c lib/libcs.a $libs; then
		printf 'bench: cannot build %s\n' "$out" >&2
		return 0
	fi
	printf '\nParser choice for the record hot path (first quarter of the corpus, in memory, best of 3):\n\n'
	"$out" "$QUARTER" | sed 's/^/    /'
}

main() {
	check_knobs
	mkdir -p "$HELPER_DIR" "$DATA_DIR" || die "cannot create $HELPER_DIR or $DATA_DIR"
	build_helper gen || die "cannot build $HELPER_DIR/gen"
	build_helper measure || die "cannot build $HELPER_DIR/measure"
	corpus_is_current || make_corpus
	CORPUS_BYTES=$(byte_count "$CORPUS")
	CORPUS_LINES=$(line_count "$CORPUS")
	make_quarter
	QUARTER_BYTES=$(byte_count "$QUARTER")
	QUARTER_LINES=$(line_count "$QUARTER")
	make_raw
	RAW_BYTES=$(byte_count "$RAW")
	RAW_LINES=$(line_count "$RAW")
	make_shape --csv "$CSV"
	CSV_BYTES=$(byte_count "$CSV")
	CSV_LINES=$(line_count "$CSV")
	make_shape --mbox "$MBOX"
	MBOX_BYTES=$(byte_count "$MBOX")
	MBOX_LINES=$(grep -c '^From ' "$MBOX")
	make_conversations
	if [ -f "$CONVS" ]; then
		CONVS_BYTES=$(byte_count "$CONVS")
		CONVS_LINES=$(line_count "$CONVS")
	fi
	if [ ! -x "$INGEST" ]; then
		printf 'bench: %s is not built yet: skipping the cs-ingest rows (run make first)\n' "$INGEST" >&2
	fi

	warm_page_cache
	print_header
	measure_all
	check_floor
	parser_choice
	sh bench/answer-bench.sh
	sh bench/ticket-bench.sh
	sh bench/signals-bench.sh
	sh bench/roi-bench.sh
	sh bench/scale-bench.sh
	return 0
}

main "$@"
