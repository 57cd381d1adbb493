#!/bin/sh
# bench/sentiment-eval.sh: how well cs-qa's sentiment scorer does, printed
# for the README (make eval-sentiment). Run from the repository root.
#  - English: VADER's human-rated movie review snippets (../shared/data/vader:
#    id, mean of human ratings on -4..4, text): Pearson r between cs-qa's
#    compound and the human mean; 2-class accuracy (the sign, snippets rated
#    0 left out); 3-class macro F1 with neutral taken as |human mean| < 0.5
#    and |compound| < 0.05 (VADER's thresholds).
#  - When node and the npm package vader-sentiment (a JavaScript port of an
#    older VADER) are found (NODE_PATH), how often cs-qa gives the same
#    compound as that port.
#  - When Debian's python3-nltk is installed, how often cs-qa gives the same
#    compound as NLTK's port of VADER.
#  - Chinese: tests/data/sentiment/zh-{dev,test}.tsv (written for cs; the
#    scorer was tuned on the dev half only): accuracy, by domain, a neutral
#    score counting as wrong.
#  - Traditional Chinese: tests/data/sentiment/zh-traditional.tsv (20 lines
#    written in Traditional), and, when Debian's opencc is installed, both
#    halves turned Traditional by OpenCC: s2tw (Taiwan characters), s2hk (Hong
#    Kong's), s2twp (Taiwan characters and words: 软件 as 軟體); accuracy, and
#    how many lines score as they do in Simplified. OpenCC's tables are its
#    own, not the ones cs reads Traditional with.
set -u
cd "$(dirname -- "$0")/.." || exit 1
QA=${QA:-bin/cs-qa}
DATA=${CS_SHARED_DATA:-../shared/data}
[ -x "$QA" ] || { echo "sentiment-eval: $QA is not built (run make)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cs-senti.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

score() {   # stdin: text lines; stdout: compound scores, one a line
	jq -R -c '{text: .}' | CS_SHARE_DIR=${CS_SHARE_DIR:-share} "$QA" -q --sentiment-only |
		jq -r '.qa.sentiment.compound'
}

english() {
	truth=$DATA/vader/movieReviewSnippets_GroundTruth.txt
	if [ ! -f "$truth" ]; then
		echo "English: skipped, $truth is not here"
		return 0
	fi
	cut -f3 "$truth" >"$tmp/en.txt"
	score <"$tmp/en.txt" >"$tmp/en.cs"
	cut -f2 "$truth" | paste - "$tmp/en.cs" | awk -F'\t' '
		function cls(v, band) { return v >= band ? 1 : v <= -band ? -1 : 0 }
		{ h = $1 + 0; c = $2 + 0; n++; sh += h; sc += c; shh += h * h; scc += c * c; shc += h * c
		  if (h != 0) { bin++; if ((h > 0) == (c > 0) && c != 0) binok++ }
		  hc = cls(h, 0.5); cc = cls(c, 0.05); tp[hc] += (hc == cc); pred[cc]++; gold[hc]++ }
		END {
			r = (n * shc - sh * sc) / sqrt((n * shh - sh * sh) * (n * scc - sc * sc))
			f = 0; for (k = -1; k <= 1; k++) { p = pred[k] ? tp[k] / pred[k] : 0; q = gold[k] ? tp[k] / gold[k] : 0; f += (p + q) ? 2 * p * q / (p + q) : 0 }
			printf "English (VADER movie review snippets, %d texts): Pearson r %.3f with the human mean; 2-class accuracy %.3f (%d texts not rated 0); 3-class macro F1 %.3f\n", n, r, binok / bin, bin, f / 3
		}'
	if command -v node >/dev/null 2>&1 && node -e 'require("vader-sentiment")' 2>/dev/null; then
		node -e '
			const v = require("vader-sentiment"), fs = require("fs");
			for (const s of fs.readFileSync(process.argv[1], "utf8").split("\n").slice(0, -1))
				console.log(v.SentimentIntensityAnalyzer.polarity_scores(s).compound)' "$tmp/en.txt" >"$tmp/en.js"
		paste "$tmp/en.cs" "$tmp/en.js" | awk '{ d = $1 - $2; if (d < 0) d = -d; n++; same += d < 0.00005; near += d <= 0.05
				x = $1; y = $2; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y }
			END { printf "English against vader-sentiment (npm 1.1.3, a port of an older VADER): Pearson r %.3f; the same compound for %.1f%%, within 0.05 for %.1f%%\n",
				(n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)), 100 * same / n, 100 * near / n }'
	else
		echo "English against vader-sentiment: skipped (npm install vader-sentiment, and set NODE_PATH, to compare)"
	fi
	nltk_compare
}

# NLTK's port of VADER (Debian's python3-nltk), given VADER's lexicon from
# share/ (Debian ships NLTK without its data).
nltk_compare() {
	if ! /usr/bin/python3 -c 'import nltk.sentiment.vader' 2>/dev/null; then
		echo "English against NLTK's VADER: skipped (apt-get install python3-nltk to compare)"
		return 0
	fi
	/usr/bin/python3 -c '
import sys
from nltk.sentiment import vader
class Analyzer(vader.SentimentIntensityAnalyzer):
    def __init__(self, lexicon):
        self.lexicon_file = open(lexicon, encoding="utf-8").read().strip()
        self.lexicon = self.make_lex_dict()
        self.constants = vader.VaderConstants()
a = Analyzer(sys.argv[1])
for line in open(sys.argv[2], encoding="utf-8"):
    print(a.polarity_scores(line.rstrip("\n"))["compound"])' share/lexicons/vader_lexicon.txt "$tmp/en.txt" >"$tmp/en.nltk"
	paste "$tmp/en.cs" "$tmp/en.nltk" | awk '{ d = $1 - $2; if (d < 0) d = -d; n++; same += d < 0.00005 }
		END { printf "English against NLTK %s VADER (an older port: no \"no\" rule, no emoji, its own word split): the same compound for %.1f%%\n", v, 100 * same / n }' \
		v="$(/usr/bin/python3 -c 'import nltk; print(nltk.__version__)')"
}

# accuracy NAME [SCORES] < label TAB domain TAB text lines: and, given the
# scores of the same lines in Simplified, how often the score is the same.
accuracy() {
	cat >"$tmp/zh.tsv"
	cut -f3 "$tmp/zh.tsv" | score >"$tmp/zh.cs"
	cut -f1,2 "$tmp/zh.tsv" | paste - "$tmp/zh.cs" "${2:-/dev/null}" | awk -F'\t' -v name="$1" -v compare="${2:+1}" '
		{ ok = ($1 == "pos" && $3 >= 0.05) || ($1 == "neg" && $3 <= -0.05); n++; right += ok; dn[$2]++; dr[$2] += ok
		  neutral += ($3 > -0.05 && $3 < 0.05); same += $3 == $4 }
		END {
			printf "Chinese (%s, %d reviews): accuracy %.3f (", name, n, right / n
			sep = ""; for (d in dn) { printf "%s%s %.2f", sep, d, dr[d] / dn[d]; sep = ", " }
			printf "); %d scored neutral", neutral
			if (compare) printf "; the same score as in Simplified for %d (%.1f%%)", same, 100 * same / n
			printf "\n"
		}'
}

chinese() {
	for half in dev test; do
		grep -v '^#' tests/data/sentiment/zh-$half.tsv | accuracy "$half half"
		cp "$tmp/zh.cs" "$tmp/zh-$half.cs"
	done
}

traditional() {
	grep -v '^#' tests/data/sentiment/zh-traditional.tsv | accuracy "Traditional lines"
	if ! command -v opencc >/dev/null 2>&1; then
		echo "Chinese, the halves in Traditional: skipped (apt-get install opencc to convert them)"
		return 0
	fi
	for half in dev test; do
		for config in s2tw s2hk s2twp; do
			grep -v '^#' tests/data/sentiment/zh-$half.tsv | opencc -c "$config.json" |
				accuracy "$half half, OpenCC $config" "$tmp/zh-$half.cs"
		done
	done
}

english
chinese
traditional
