#!/bin/sh
# bench/answer-bench.sh: cs-answer's build rate and query latency on a knowledge
# base of ANSWER_ENTRIES (default 100000) generated FAQ entries, with the
# issue's floors: build at least 20 MB/s of source text, median query under
# 5 ms and p99 under 50 ms (OR semantics: every entry holding any word of the
# question is scored), and questions per second in filter mode.
# Run from the repository root (make bench runs it); prints a report, exits 0.
set -u
cd "$(dirname -- "$0")/.." || exit 1
N=${ANSWER_ENTRIES:-100000}
Q=${ANSWER_QUESTIONS:-2000}
DIR=bench/data/answer
mkdir -p "$DIR"
FAQ=$DIR/faq-$N.ndjson
QUESTIONS=$DIR/questions-$N.ndjson
KB=$DIR/kb-$N.db
command -v python3 >/dev/null 2>&1 || { echo 'SKIP  cs-answer bench: no python3 to generate the knowledge base'; exit 0; }
[ -s "$FAQ" ] && [ -s "$QUESTIONS" ] || python3 bench/answer-gen.py "$N" "$FAQ" "$Q" "$QUESTIONS" || exit 0

now() { date +%s.%N; }
rm -f "$KB" "$KB-wal" "$KB-shm"
mkdir -p "$DIR/src"
SRC=$DIR/src/faq.ndjson   # the source as built, then changed in place for the rebuild
cp "$FAQ" "$SRC"
t0=$(now)
bin/cs-answer build -q --kb "$KB" "$SRC" > "$DIR/build.json" || { echo 'FAIL  cs-answer build failed'; exit 0; }
t1=$(now)
bytes=$(jq '.bytes_indexed' "$DIR/build.json")
src=$(wc -c < "$FAQ")
build_s=$(echo "$t1 - $t0" | bc -l)
build_mbs=$(echo "$src / 1000000 / $build_s" | bc -l)
# A rebuild where 1% of the entries changed: only those are indexed again.
awk -v n="$((N / 100))" 'NR <= n { sub(/"answer": "/, "\"answer\": \"Updated. ") } { print }' "$FAQ" > "$SRC"
t4=$(now)
bin/cs-answer build -q --kb "$KB" "$SRC" > "$DIR/rebuild.json" || { echo 'FAIL  cs-answer rebuild failed'; exit 0; }
t5=$(now)
rebuild_s=$(echo "$t5 - $t4" | bc -l)
updated=$(jq '.updated' "$DIR/rebuild.json")
eval_json=$(bin/cs-answer eval -q --latency --kb "$KB" "$QUESTIONS")
median=$(printf '%s' "$eval_json" | jq '.latency_ms.median')
p99=$(printf '%s' "$eval_json" | jq '.latency_ms.p99')
hit1=$(printf '%s' "$eval_json" | jq '.["hit@1"]')
t2=$(now)
bin/cs-answer -q --kb "$KB" "$QUESTIONS" > /dev/null
t3=$(now)
qps=$(echo "$(wc -l < "$QUESTIONS") / ($t3 - $t2)" | bc -l)

printf '\ncs-answer on %s generated FAQ entries (%s bytes of source, %s bytes of text indexed), %s questions:\n' \
	"$N" "$src" "$bytes" "$(wc -l < "$QUESTIONS")"
printf '| what | measured |\n|---|---|\n'
printf '| build from scratch (`cs-answer build`, one transaction) | %.1f s, %.1f MB/s of source |\n' "$build_s" "$build_mbs"
printf '| rebuild with %s entries changed (re-indexes those only) | %.1f s |\n' "$updated" "$rebuild_s"
printf '| query latency (`cs-answer eval --latency`) | median %.2f ms, p99 %.2f ms |\n' "$median" "$p99"
printf '| filter mode (`cs-answer --kb KB QUESTIONS`) | %.0f questions/s |\n' "$qps"
printf '| hit@1 of the generated questions (sanity) | %s |\n\n' "$hit1"
v() { if [ "$(echo "$1" | bc -l)" = 1 ]; then printf 'PASS  %s\n' "$2"; else printf 'FAIL  %s\n' "$2"; fi; }
v "$build_mbs >= 20" "cs-answer build $(printf '%.1f' "$build_mbs") MB/s >= 20 MB/s"
v "$median < 5" "cs-answer median query $(printf '%.2f' "$median") ms < 5 ms"
v "$p99 < 50" "cs-answer p99 query $(printf '%.2f' "$p99") ms < 50 ms"
