#!/bin/sh
# bench/scale-bench.sh: the nightly job of examples/scale over a generated
# day of a shop's exports, as one process and as N shards side by side under
# GNU parallel, and one process on 1x to 4x the input:
#  - one process: cs-ingest --split 1 (the exports grouped and written as the
#    pipeline's input), part.sh over all of it, merge.sh, each timed;
#  - N shards (SCALE_SHARDS, default "2 4") on SCALE_JOBS cores (default all):
#    cs-ingest --split N (the split cost), parallel -j JOBS part.sh (the
#    parts), merge.sh (the merge cost), timed apart, and the speed-up over
#    one process; PASS|FAIL: the merged shards equal one process's result,
#    file by file (cmp);
#  - `cat | cat` and `jq -c .` on the pipeline's input, for scale;
#  - one process on 1x to SCALE_SIZES x (default 4) the input: the time per
#    record and its ratio to 1x's, wall clock and CPU (user + system of every
#    process), and where it goes, program by program; PASS|FAIL for each: it
#    stays flat (within 1.2x 1x's). CPU time is printed beside wall time
#    because other work on a shared machine moves the wall clock more.
# Prepared once: the intent model and the knowledge base (prepare.sh).
#
# The input at size k is two exports, as the nightly job gets them:
#  - contact-centre chat messages (bench/gen.c), k * SCALE_MESSAGES_MB
#    million bytes (default 10: about 31000 messages that cs-ingest groups
#    into 6100 conversations, each a different customer's, on 1 March);
#  - the shop's clickstream with its own contacts, tickets and alerts
#    (bench/signals-gen.py), k * SCALE_CLICKS_MB million bytes (default 30:
#    161000 records over 2.3 hours of 2 March) from k * SCALE_CUSTOMERS
#    customers (default 3000).
# At 1x the pipeline gets 167000 records (41 MB); the four sizes take about
# three and a half minutes on 2 cores, half a minute more to generate.
# A larger input is generated, not the same records repeated: repeats would
# be duplicates (cs-ingest drops them) or repeat contacts and longer journeys
# (cs-signals counts them), and the work per record would change with the
# size. So each export is a longer stretch of time at the same rate (the
# sessions and conversations open at once stay the same), with more
# customers in proportion: each clickstream customer has about as many
# sessions at every size, and every chat conversation is still a new
# customer's. gen's messages at size k are the start of size k+1's (the
# same seed): a longer stretch of the same day.
#
# Run from the repository root (make bench runs it last; make bench-scale
# alone) or as sh bench/scale-bench.sh after make. The inputs are made once
# into bench/data/scale/ and again when a generator or a knob changes; the
# work directory is removed at the end, the programs' messages (stderr) kept
# in bench/data/scale/run.log. Each job runs SCALE_RUNS times (default 2),
# the runs going round the jobs, and its fastest run counts: on a shared
# virtual machine a run now and then loses a fifth of its speed to other
# work, wall and CPU time alike.
# Knobs: SCALE_MESSAGES_MB, SCALE_CLICKS_MB, SCALE_CUSTOMERS, SCALE_SIZES,
# SCALE_RUNS, SCALE_SHARDS, SCALE_JOBS. Prints a report and exits 0.
# shellcheck disable=SC2016 # the backquotes are Markdown, not command substitution
set -u
cd "$(dirname -- "$0")/.." || exit 1
. bench/lib.sh

MESSAGES_MB=${SCALE_MESSAGES_MB:-10}
CLICKS_MB=${SCALE_CLICKS_MB:-30}
CUSTOMERS=${SCALE_CUSTOMERS:-3000}
SIZES=${SCALE_SIZES:-4}
RUNS=${SCALE_RUNS:-2}
SHARDS=${SCALE_SHARDS:-2 4}
JOBS=${SCALE_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
FLAT=1.2    # the largest ratio of a size's time per record to 1x's that is flat
ROOT=$(pwd -P)
DIR=bench/data/scale
WORK=$DIR/work
ERRORS=$DIR/run.log
HELPER_DIR=build/bench
WRAP_DIR=$HELPER_DIR/scale-bin
GEN=bench/signals-gen.py
SCALE=examples/scale
JOBS_FILE=$WORK/jobs    # NAME SIZE PARTS RECORDS BYTES SPLIT_S PARTS_S MERGE_S PEAK_KIB
RESULT_FILES="final.ndjson alerts.ndjson journeys.ndjson kpi.ndjson staffing.ndjson mined.ndjson trust.ndjson stats.ndjson report.html"

skip() {
	printf 'SKIP  scale bench: %s\n' "$*"
	exit 0
}

for knob in "$MESSAGES_MB" "$CLICKS_MB" "$CUSTOMERS" "$SIZES" "$RUNS" "$JOBS" $SHARDS; do
	is_count "$knob" || skip "SCALE_MESSAGES_MB, SCALE_CLICKS_MB, SCALE_CUSTOMERS, SCALE_SIZES, SCALE_RUNS, SCALE_SHARDS and SCALE_JOBS take whole numbers above 0, not '$knob'"
done
for p in cs-ingest cs-qa cs-route cs-answer cs-ticket cs-signals cs-roi; do
	[ -x "bin/$p" ] || skip "bin/$p is not built (run make first)"
done
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3) || skip 'no python3 to generate the clickstream'
PARALLEL=
if parallel --version 2>/dev/null | grep -q '^GNU parallel'; then PARALLEL=parallel; fi
rm -rf "$WORK"
mkdir -p "$DIR" "$WORK/times" "$HELPER_DIR" || skip "cannot create $DIR or $HELPER_DIR"
build_helper gen || skip "cannot build $HELPER_DIR/gen"
build_helper measure || skip "cannot build $HELPER_DIR/measure"
: >"$ERRORS"
: >"$JOBS_FILE"

# ---- the inputs -------------------------------------------------------------

# inputs K: the exports of size K, DIR/messages-Kx.ndjson and
# DIR/clickstream-Kx.ndjson (its generator's summary line beside it), made
# unless current: DIR/Kx.params holds the options they were made with.
inputs() {
	m=$DIR/messages-$1x.ndjson
	c=$DIR/clickstream-$1x.ndjson
	params="gen --bytes $(($1 * MESSAGES_MB * 1000000)); signals-gen.py --mb $(($1 * CLICKS_MB)) --customers $(($1 * CUSTOMERS))"
	if [ -s "$m" ] && [ -s "$c" ] && [ "$(cat "$DIR/$1x.params" 2>/dev/null)" = "$params" ] &&
		! newer bench/gen.c "$m" && ! newer "$GEN" "$c"; then
		return 0
	fi
	printf 'generating the %sx input into %s...\n' "$1" "$DIR" >&2
	"$HELPER_DIR/gen" --bytes $(($1 * MESSAGES_MB * 1000000)) >"$m.tmp" && mv "$m.tmp" "$m" &&
		"$PYTHON" "$GEN" --mb $(($1 * CLICKS_MB)) --customers $(($1 * CUSTOMERS)) -o "$c.tmp" 2>"$c.summary" &&
		mv "$c.tmp" "$c" && printf '%s\n' "$params" >"$DIR/$1x.params"
}

# summary_of NAME K: the value NAME in the size-K clickstream's summary line.
summary_of() { sed -n "s/.*\"$1\": \"*\([^,\"}]*\).*/\1/p" "$DIR/clickstream-$2x.ndjson.summary" | head -n 1; }

# ---- the programs, timed one by one -----------------------------------------

# In awk: sec(X), the seconds in X as the shell's times prints them (1m2.5s).
AWK_SEC='function sec(x, a) { split(x, a, "m"); sub(/s$/, "", a[2]); return a[1] * 60 + a[2] }'

# wrappers: a script in WRAP_DIR for each cs program that runs the real one
# and, when SCALE_TIMES names a file, adds to it "PROGRAM [SUBCOMMAND] START
# END USER SYS" (wall clock, then CPU as times prints it): part.sh and merge.sh
# run them through CS_BIN, so the bench sees where a part's time goes (the
# wrapper costs a few ms a program).
wrappers() {
	case $(date +%N) in '' | *[!0-9]*) return 1 ;; esac
	mkdir -p "$WRAP_DIR" || return 1
	for p in bin/cs-*; do
		cat >"$WRAP_DIR/${p#bin/}" <<-EOF || return 1
			#!/bin/sh
			t0=\$(date +%s.%N)
			"$ROOT/$p" "\$@"
			rc=\$?
			[ -n "\${SCALE_TIMES:-}" ] || exit \$rc
			t1=\$(date +%s.%N)
			times >"\$SCALE_TIMES.\$\$"
			{ read -r _; read -r user sys; } <"\$SCALE_TIMES.\$\$"
			rm -f "\$SCALE_TIMES.\$\$"
			case \${1:-} in -* | '') sub= ;; *) sub=" \$1" ;; esac
			echo "${p#bin/}\$sub \$t0 \$t1 \$user \$sys" >>"\$SCALE_TIMES"
			exit \$rc
		EOF
		chmod +x "$WRAP_DIR/${p#bin/}" || return 1
	done
}
if wrappers; then
	CS_BIN=$ROOT/$WRAP_DIR
else
	CS_BIN=$ROOT/bin
	printf 'bench: date +%%N does not give nanoseconds: no time a program\n' >&2
fi
export CS_BIN

# ---- the job ----------------------------------------------------------------

# timed WHAT COMMAND: runs COMMAND once with the measure helper, its errors
# into ERRORS, the cs programs' times into WORK/times/WHAT; sets T (seconds),
# KIB (the largest process) and CPU (user + system seconds of all its
# processes), or says what failed and returns 1.
timed() {
	printf '== %s: %s\n' "$1" "$2" >>"$ERRORS"
	SCALE_TIMES=$WORK/times/$1
	export SCALE_TIMES
	if measure 1 "{ $2; } 2>>$ERRORS; rc=\$?; times >$WORK/cpu; exit \$rc"; then
		T=$SECONDS_TAKEN KIB=$PEAK_KIB
		CPU=$(awk "$AWK_SEC"' NR == 2 { print sec($1) + sec($2) }' "$WORK/cpu")
		return 0
	fi
	printf 'bench: %s failed: %s\nthe end of %s:\n' "$1" "$2" "$ERRORS" >&2
	tail -n 5 "$ERRORS" >&2
	return 1
}

# once NAME K N R: run R of the job NAME (see job) in WORK/NAME; prints its
# line for JOBS_FILE (NAME K N RECORDS BYTES SPLIT_S PARTS_S MERGE_S PEAK_KIB
# CPU_S); the cs programs' times of its parts are in WORK/times/parts-NAME.R.
once() {
	d=$WORK/$1
	rm -rf "$d"
	mkdir -p "$d/in" "$d/out" || return 1
	cat "$DIR/messages-$2x.ndjson" "$DIR/clickstream-$2x.ndjson" >/dev/null    # into the page cache
	sync    # what earlier runs (or the generators) wrote goes to disk before this run, not during it
	timed "split-$1.$4" "bin/cs-ingest --split $3 -o $d/in/part-%d.ndjson $DIR/messages-$2x.ndjson $DIR/clickstream-$2x.ndjson" ||
		return 1
	split_s=$T cpu=$CPU
	if [ "$3" -eq 1 ]; then
		timed "parts-$1.$4" "sh $SCALE/part.sh $WORK $d/in/part-1.ndjson $d/out/1" || return 1
	else
		timed "parts-$1.$4" "$PARALLEL --will-cite --halt now,fail=1 -j $JOBS sh $SCALE/part.sh $WORK {} $d/out/{#} ::: $(parts "$d/in/part-" .ndjson "$3")" ||
			return 1
	fi
	parts_s=$T parts_kib=$KIB cpu="$cpu $CPU"
	timed "merge-$1.$4" "sh $SCALE/merge.sh $d/result $(parts "$d/out/" '' "$3")" || return 1
	# shellcheck disable=SC2046 # the parts' names have no blanks
	echo "$1 $2 $3 $(records_bytes $(parts "$d/in/part-" .ndjson "$3")) $split_s $parts_s $T $parts_kib $cpu $CPU" |
		awk '{ $10 += $11 + $12; NF = 10; print }'
}

# job NAME K N R: run R of the nightly job on the size-K input in N parts in
# WORK/NAME: the split into in/part-1..N.ndjson, the parts (part.sh; under
# GNU parallel when N > 1) into out/1..N, the merge into result/. Keeps the
# fastest run's line (the least total) in WORK/best/NAME, and its programs'
# times as WORK/times/parts-NAME.
job() {
	printf 'running %s (run %s of %s)...\n' "$1" "$4" "$RUNS" >&2
	line=$(once "$1" "$2" "$3" "$4") || return 1
	best=$(cat "$WORK/best/$1" 2>/dev/null)
	if [ -z "$best" ] || echo "$line $best" | awk '{ exit !($6 + $7 + $8 < $16 + $17 + $18) }'; then
		echo "$line" >"$WORK/best/$1"
		[ ! -f "$WORK/times/parts-$1.$4" ] || mv "$WORK/times/parts-$1.$4" "$WORK/times/parts-$1"
	fi
}

# records_bytes FILE...: the lines and bytes in all the FILEs.
records_bytes() { cat -- "$@" | wc -l -c; }

# parts PREFIX SUFFIX N: PREFIX1SUFFIX ... PREFIXNSUFFIX
parts() { awk -v p="$1" -v s="$2" -v n="$3" 'BEGIN { for (i = 1; i <= n; i++) printf "%s%s%s ", p, i, s }'; }

# same A B: the result files of jobs A and B that differ, one a line.
same() {
	for f in $RESULT_FILES; do
		cmp -s "$WORK/$1/result/$f" "$WORK/$2/result/$f" || echo "$f"
	done
}

# ---- the report ---------------------------------------------------------------

# jobs_table: one process and the shards at 1x.
jobs_table() {
	printf '| job | split s | parts s | merge s | total s | CPU s | records/s | speed-up | peak RSS (MiB) | merged = one process |\n'
	printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n'
	awk -v jobs="$JOBS" -v verdicts="$WORK/verdicts" '
		BEGIN { while ((getline l < verdicts) > 0) { split(l, v, " "); verdict[v[1]] = substr(l, length(v[1]) + 2) } }
		$2 != 1 { next }
		{
			total = $6 + $7 + $8
			if ($3 == 1) { one = total; label = "one process: `part.sh` over the whole input" }
			else label = sprintf("%d shards: `parallel -j %d part.sh` over the parts", $3, jobs)
			printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %s | %.1f | %s |\n", label, $6, $7, $8, total, $10,
				$4 / total, one ? sprintf("%.2fx", one / total) : "", $9 / 1024,
				$3 == 1 ? "(the reference)" : verdict[$1]
		}' "$JOBS_FILE"
}

# sizes_table: one process at 1x to SIZES x.
sizes_table() {
	printf '| input | MB | records | conversations | clickstream hours | customers | split s | part s | merge s | total s | µs/record | ratio to 1x | CPU µs/record | ratio to 1x |\n'
	printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
	awk -v info="$WORK/sizes" '
		BEGIN { while ((getline l < info) > 0) { split(l, v, " "); convs[v[1]] = v[2]; hours[v[1]] = v[3]; customers[v[1]] = v[4] } }
		$3 != 1 { next }
		{
			total = $6 + $7 + $8
			us = total / $4 * 1e6
			cpu = $10 / $4 * 1e6
			if ($2 == 1) { base = us; cpu_base = cpu }
			printf "| %dx | %.1f | %d | %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %s | %.1f | %s |\n", $2, $5 / 1e6, $4,
				convs[$2], hours[$2], customers[$2], $6, $7, $8, total, us, base ? sprintf("%.2f", us / base) : "",
				cpu, cpu_base ? sprintf("%.2f", cpu / cpu_base) : ""
		}' "$JOBS_FILE"
}

# programs_table: part.sh's wall and CPU time a record by program, one
# process at each size.
programs_table() {
	k=1
	while [ "$k" -le "$SIZES" ]; do
		[ -s "$WORK/times/parts-one-${k}x" ] || return 0
		k=$((k + 1))
	done
	k=1
	while [ "$k" -le "$SIZES" ]; do
		awk -v k="$k" '$3 == 1 && $2 == k { print $4 }' "$JOBS_FILE" | {
			read -r n
			awk "$AWK_SEC"' { wall = $(NF - 2) - $(NF - 3); cpu = sec($(NF - 1)) + sec($NF); NF -= 4
				print k, wall / n * 1e6, cpu / n * 1e6, $0 }' k="$k" n="$n" "$WORK/times/parts-one-${k}x"
		}
		k=$((k + 1))
	done | awk -v sizes="$SIZES" '
		{ name = $4; for (i = 5; i <= NF; i++) name = name " " $i
		  if (!(name in seen)) { seen[name] = 1; order[++names] = name }
		  wall[name, $1] += $2; cpu[name, $1] += $3; wall["", $1] += $2; cpu["", $1] += $3 }
		function cells(t, name,   k) {
			for (k = 1; k <= sizes; k++) printf " %.1f |", t[name, k]
			printf " %s |", (t[name, 1] > 0 ? sprintf("%.2f", t[name, sizes] / t[name, 1]) : "")
		}
		END {
			printf "| program in part.sh |"
			for (k = 1; k <= sizes; k++) printf " %dx |", k
			printf " %dx / 1x |", sizes
			for (k = 1; k <= sizes; k++) printf " CPU %dx |", k
			printf " CPU %dx / 1x |\n|---|", sizes
			for (k = 0; k < 2 * (sizes + 1); k++) printf "---:|"
			printf "\n"
			order[++names] = ""
			for (i = 1; i <= names; i++) {
				printf "| %s |", order[i] == "" ? "all of them" : "`" order[i] "`"
				cells(wall, order[i])
				cells(cpu, order[i])
				printf "\n"
			}
		}'
}

# scale_row LABEL SECONDS: a row of the table for scale, on the pipeline input.
scale_row() {
	if [ -z "$2" ]; then
		printf '| %s | failed or not here | | |\n' "$1"
		return 0
	fi
	awk -v l="$1" -v s="$2" -v b="$IN_BYTES" -v n="$IN_LINES" 'BEGIN {
		printf "| %s | %.2f | %.1f | %.0f |\n", l, s, b / s / 1e6, n / s }'
}

# flat WHAT FIELD: PASS|FAIL for the time per record of one process at every
# size within FLAT times 1x's; FIELD is the jobs' field (0: the wall total).
flat() {
	awk -v what="$1" -v f="$2" -v sizes="$SIZES" -v flat="$FLAT" '
		$3 == 1 { us[$2] = (f ? $f : $6 + $7 + $8) / $4 * 1e6; n++ }
		END {
			if (n < sizes || !us[1]) { printf "FAIL  one process did not run at every size from 1x to %dx (see above)\n", sizes; exit }
			worst = 1
			for (k = 2; k <= sizes; k++) { r = us[k] / us[1]; if (r > worst) worst = r; list = list sprintf(", %dx %.2f", k, r) }
			printf "%s  %s a record flat from 1x to %dx (at most %sx 1x): %.1f µs at 1x%s\n",
				(worst <= flat ? "PASS" : "FAIL"), what, sizes, flat, us[1], list }' "$JOBS_FILE"
}

# ---- the run ------------------------------------------------------------------

# load: the 1-minute load average (other work on the machine skews the times).
load() { cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo unknown; }

k=1
while [ "$k" -le "$SIZES" ]; do
	inputs "$k" || skip "cannot generate the ${k}x input into $DIR"
	k=$((k + 1))
done
LOAD_START=$(load)
sh "$SCALE/prepare.sh" "$WORK" 1 >/dev/null 2>>"$ERRORS" || { tail -n 5 "$ERRORS"; skip "$SCALE/prepare.sh failed (the model and the knowledge base)"; }

# size_info K: a line for the sizes table from one process's input at size K
# (K, conversations, clickstream hours, customers).
size_info() {
	s=$WORK/one-$1x/in/part-1.ndjson
	[ -s "$s" ] || return 0
	echo "$1 $(grep -c '^{"kind":"conversation"' "$s") $(awk -v f="$(summary_of from "$1")" \
		-v t="$(summary_of to "$1")" 'BEGIN { split(substr(f, 12, 8), a, ":"); split(substr(t, 12, 8), b, ":")
			d = substr(t, 9, 2) - substr(f, 9, 2)
			printf "%.1f", d * 24 + b[1] - a[1] + (b[2] - a[2]) / 60 + (b[3] - a[3]) / 3600 }') $(($1 * CUSTOMERS))"
}

# The runs go round the jobs (1x, the shards, 2x, ... then again), so that
# a spell of other work on the machine does not slow every run of one job.
: >"$WORK/verdicts"
: >"$WORK/sizes"
mkdir -p "$WORK/best" || skip "cannot create $WORK/best"
ONE=one-1x
r=1
while [ "$r" -le "$RUNS" ]; do
	if job "$ONE" 1 1 "$r"; then
		for n in $SHARDS; do
			[ "$n" -gt 1 ] || continue
			name=shards-$n
			if [ -z "$PARALLEL" ]; then
				echo "$name SKIP (no GNU parallel)" >>"$WORK/verdicts"
			elif job "$name" 1 "$n" "$r"; then
				differ=$(same "$ONE" "$name")
				if [ -z "$differ" ]; then
					echo "$name PASS" >>"$WORK/verdicts"
				else
					echo "$name FAIL: $(echo "$differ" | tr '\n' ' ')differ (run $r)" >>"$WORK/verdicts"
				fi
			fi
			rm -rf "${WORK:?}/$name"
		done
		if [ "$r" -eq 1 ]; then
			size_info 1 >>"$WORK/sizes"
			IN=$WORK/$ONE/in/part-1.ndjson
			IN_BYTES=$(byte_count "$IN")
			IN_LINES=$(line_count "$IN")
			CAT_S='' JQ_S=''
			if measure 3 "cat $IN | cat > /dev/null"; then CAT_S=$SECONDS_TAKEN; fi
			if command -v jq >/dev/null 2>&1 && measure 1 "jq -c . $IN > /dev/null"; then JQ_S=$SECONDS_TAKEN; fi
		fi
	fi
	k=2
	while [ "$k" -le "$SIZES" ]; do
		job "one-${k}x" "$k" 1 "$r" && [ "$r" -eq 1 ] && size_info "$k" >>"$WORK/sizes"
		rm -rf "${WORK:?}/one-${k}x"
		k=$((k + 1))
	done
	r=$((r + 1))
done
# the jobs' lines in order; a job's verdict is its first FAIL, else PASS (or SKIP)
for name in "$ONE" $(for n in $SHARDS; do echo "shards-$n"; done) $(k=2; while [ "$k" -le "$SIZES" ]; do echo "one-${k}x"; k=$((k + 1)); done); do
	cat "$WORK/best/$name" 2>/dev/null
done >"$JOBS_FILE"
awk '!($1 in v) || (v[$1] !~ /^FAIL/ && $2 ~ /^FAIL/) { v[$1] = $0; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
	END { for (i = 1; i <= n; i++) print v[order[i]] }' "$WORK/verdicts" >"$WORK/verdict"
mv "$WORK/verdict" "$WORK/verdicts"

printf '\nThe nightly job of examples/scale (prepare.sh once; cs-ingest --split, part.sh, merge.sh) on a generated day; %s UTC; %s; %s; %s cores; %s.\n' \
	"$(date -u '+%Y-%m-%d %H:%M')" "$(uname -m)" "$(cpu_model)" "$JOBS" "$(bin/cs-ingest --version 2>/dev/null | head -n 1)"
printf 'Input at 1x: %s (%s MB of chat messages) and %s (%s MB: %s sessions, %s to %s, %s customers), ' \
	"$DIR/messages-1x.ndjson" "$(mb_per_s "$(byte_count "$DIR/messages-1x.ndjson")" 1)" \
	"$DIR/clickstream-1x.ndjson" "$(mb_per_s "$(byte_count "$DIR/clickstream-1x.ndjson")" 1)" \
	"$(summary_of sessions_started 1)" "$(summary_of from 1)" "$(summary_of to 1)" "$CUSTOMERS"
if [ -n "${IN_LINES:-}" ]; then
	printf 'into the pipeline as %s records (%s MB: %s conversations, the rest clickstream events, tickets and alerts).\n' \
		"$IN_LINES" "$(mb_per_s "$IN_BYTES" 1)" "$(awk '$1 == 1 { print $2 }' "$WORK/sizes")"
else
	printf 'which the job did not get through (see above).\n'
fi
printf 'Each job the fastest of %s runs; MB = 10^6 bytes; total = split + parts + merge; records/s = records / total; CPU = user + system of all the processes.\n' "$RUNS"
printf 'Load average (1 min): %s at the start, %s at the end (the job itself keeps one to two cores busy; more is other work, which slows it).\n\n' \
	"$LOAD_START" "$(load)"

jobs_table
if [ -n "${IN_LINES:-}" ]; then
	printf '\nFor scale, on the pipeline input at 1x (%s):\n\n| command | s | MB/s | records/s |\n|---|---:|---:|---:|\n' "$IN"
	scale_row '`cat IN \| cat` (median of 3)' "$CAT_S"
	scale_row '`jq -c . IN`' "$JQ_S"
	awk '$2 == 1 { t = $6 + $7 + $8; printf "| the nightly job, %s | %.2f | %.1f | %.0f |\n",
		($3 == 1 ? "one process" : $3 " shards"), t, $5 / t / 1e6, $4 / t }' "$JOBS_FILE"
fi
printf '\nOne process from 1x to %sx the input (each size generated: a longer stretch, more customers):\n\n' "$SIZES"
sizes_table
if [ "$CS_BIN" != "$ROOT/bin" ]; then
	printf '\nWhere one process spends it: each program of part.sh, µs a record of the whole input (wall clock, then CPU):\n\n'
	programs_table
fi
echo

while read -r name verdict; do
	n=${name#shards-}
	case $verdict in
	PASS) printf 'PASS  %s shards merged = one process: %s result files byte for byte (cmp)\n' "$n" "$(echo "$RESULT_FILES" | wc -w | tr -d ' ')" ;;
	SKIP*) printf 'SKIP  %s shards: %s\n' "$n" "${verdict#SKIP }" ;;
	*) printf 'FAIL  %s shards merged = one process: %s\n' "$n" "${verdict#FAIL: }" ;;
	esac
done <"$WORK/verdicts"
for n in $SHARDS; do
	[ "$n" -gt 1 ] && ! grep -q "^shards-$n " "$WORK/verdicts" && printf 'FAIL  %s shards did not run to the end (see above)\n' "$n"
done
awk -v jobs="$JOBS" '$2 == 1 && $3 == 1 { one = $6 + $7 + $8; one_parts = $7; one_cpu = $10 }
	$2 == 1 && $3 > 1 && one { t = $6 + $7 + $8
		printf "INFO  %d shards on %d cores: %.2fx one process (parts alone %.2fx); split %.2f s and merge %.2f s of %.2f s; CPU %.2fx one process'"'"'s\n",
			$3, jobs, one / t, one_parts / $7, $6, $8, t, $10 / one_cpu }' "$JOBS_FILE"
flat 'wall time' 0
flat 'CPU time' 10
rm -rf "$WORK"
exit 0
