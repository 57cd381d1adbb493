#!/bin/sh
# bench/intent-eval.sh: how well and how fast cs-route detects intents,
# printed for the README (make eval-intent). Run from the repository root.
#  - BANKING77 (../shared/data/banking77/train.csv): 5-fold cross-validated
#    accuracy and macro-F1 (cs-route eval --folds 5, stratified folds from
#    seed 1), the seconds to train on all of it (model written, confidence
#    calibrated on 3 folds), and utterances routed a second by the program
#    (cs-route --field text on the texts as NDJSON, ten times over).
#  - CLINC150 (../shared/data/clinc150): trained on train (the 100
#    out-of-scope examples as a label of their own), scored on val at the
#    default threshold 0.3: in-scope accuracy and out-of-scope recall as in
#    Larson et al. 2019, and the sweep of thresholds.
#  - When Debian's python3-sklearn is installed, the same folds with
#    scikit-learn's TF-IDF word and character n-grams and LinearSVC
#    (bench/intent-sklearn.py), accuracy and seconds, to compare; and with
#    python3-snowballstemmer, the same plus cs-route's pairs of word stems.
# Times are wall-clock seconds on this machine, best of BENCH_RUNS (default 3).
set -u
cd "$(dirname -- "$0")/.." || exit 1
ROUTE=${ROUTE:-bin/cs-route}
DATA=${CS_SHARED_DATA:-../shared/data}
RUNS=${BENCH_RUNS:-3}
[ -x "$ROUTE" ] || { echo "intent-eval: $ROUTE is not built (run make)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cs-intent.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export CS_SHARE_DIR=${CS_SHARE_DIR:-share}

now() { date +%s.%N; }

# best_of N CMD...: the fewest seconds CMD took over N runs.
best_of() {
	n=$1
	shift
	best=
	while [ "$n" -gt 0 ]; do
		t0=$(now)
		"$@" || return 1
		t=$(echo "$(now) - $t0" | bc)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
		n=$((n - 1))
	done
	printf '%.2f' "$best"
}

banking() {
	b77=$DATA/banking77/train.csv
	if [ ! -f "$b77" ]; then
		echo "BANKING77: skipped, $b77 is not here"
		return 0
	fi
	"$ROUTE" eval --folds 5 "$b77" >"$tmp/b77.eval"
	jq -r '"BANKING77 5-fold cross-validation: accuracy \(.accuracy), macro-F1 \(.macro_f1), ECE \(.ece), examples \(.examples)"' "$tmp/b77.eval"
	secs=$(best_of "$RUNS" "$ROUTE" train -q -o "$tmp/b77.model" "$b77") || return 1
	echo "BANKING77 training on all $(jq -r .examples "$tmp/b77.eval") examples: $secs s"
	jq -R -c 'select(. != "text,category") | {text: .}' "$b77" >"$tmp/one.ndjson"
	for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/one.ndjson"; done >"$tmp/texts.ndjson"
	lines=$(wc -l <"$tmp/texts.ndjson")
	secs=$(best_of "$RUNS" sh -c '"$0" -q -m "$1" --field text "$2" >/dev/null' "$ROUTE" "$tmp/b77.model" "$tmp/texts.ndjson") || return 1
	echo "cs-route -m MODEL --field text: $lines utterances in $secs s: $(echo "$lines / $secs" | bc) a second"
	jq -r '.confused[0:5][] | "  most confused: \(.intent) taken for \(.predicted) \(.count) times"' "$tmp/b77.eval"
}

clinc() {
	train=$DATA/clinc150/train.ndjson val=$DATA/clinc150/val.ndjson
	if [ ! -f "$train" ] || [ ! -f "$val" ]; then
		echo "CLINC150: skipped, $train or $val is not here"
		return 0
	fi
	"$ROUTE" train -q -o "$tmp/clinc.model" "$train"
	"$ROUTE" eval --model "$tmp/clinc.model" --threshold 0.3 --sweep "$val" >"$tmp/clinc.eval"
	jq -r '"CLINC150 val at threshold \(.threshold): in-scope accuracy \(.in_scope_accuracy), out-of-scope recall \(.oos_recall), ECE \(.ece)"' "$tmp/clinc.eval"
	jq -r '"  threshold \(.sweep[] | "\(.threshold): in-scope \(.in_scope_accuracy), oos recall \(.oos_recall)")"' "$tmp/clinc.eval" |
		awk 'NR % 2 == 1'
}

sklearn() {
	if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
		echo "scikit-learn: skipped (apt-get install python3-sklearn to compare)"
		return 0
	fi
	[ -f "$DATA/banking77/train.csv" ] || return 0
	/usr/bin/python3 bench/intent-sklearn.py "$DATA/banking77/train.csv" "$tmp/b77.eval"
}

banking
clinc
sklearn
