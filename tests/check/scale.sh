#!/bin/sh
# Scaling out gives what one run gives: the nightly job of examples/scale
# (prepare, part, merge) over N parts split by customer, merged, equals the
# same job as one part, file by file and byte for byte (records sorted):
#  - the bundled demo exports in 2, 3 and 4 parts;
#  - a generated month of a shop's clickstream and contacts
#    (bench/signals-gen.py) in 4 parts;
#  - GNU parallel running the parts, on this host and through --sshlogin
#    (a stand-in ssh that runs the command here, so the test needs no sshd:
#    parallel still quotes the command and carries it as a remote login does).
# Usage: scale.sh [BINDIR]. Skips (77) without jq; the month without
# python3 and the parallel runs without GNU parallel are skipped with a note.
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd)
bindir=${1:-bin}
case $bindir in /*) ;; *) bindir=$root/$bindir ;; esac
[ -x "$bindir/cs-ingest" ] || { echo "no $bindir/cs-ingest (run make): skipped"; exit 77; }
export CS_BIN="$bindir"
work=$(mktemp -d "${TMPDIR:-/tmp}/cs-scale.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
fail=0
files="final.ndjson alerts.ndjson journeys.ndjson kpi.ndjson staffing.ndjson mined.ndjson trust.ndjson stats.ndjson report.html"

# job DIR N [EXPORT...]: split into N parts, run each part, merge into DIR/result.
job() {
	dir=$1
	n=$2
	shift 2
	sh examples/scale/prepare.sh "$dir" "$n" "$@" 2>"$dir.err" || { cat "$dir.err"; return 1; }
	k=1
	while [ "$k" -le "$n" ]; do
		sh examples/scale/part.sh "$dir" "$dir/parts/part-$k.ndjson" "$dir/out/$k" 2>>"$dir.err" ||
			{ cat "$dir.err"; return 1; }
		k=$((k + 1))
	done
	merge "$dir" "$n"
}

merge() {
	set --  "$1" "$2" "$1/result"
	k=1
	while [ "$k" -le "$2" ]; do
		set -- "$@" "$1/out/$k"
		k=$((k + 1))
	done
	dir=$1
	shift 2
	sh examples/scale/merge.sh "$@" 2>>"$dir.err" || { cat "$dir.err"; return 1; }
}

# same WHAT ONE MANY: every result file of MANY equals ONE's.
same() {
	for f in $files; do
		if ! cmp -s "$2/result/$f" "$3/result/$f"; then
			echo "FAIL: $1: $f differs from one run's:"
			diff "$2/result/$f" "$3/result/$f" | head -5 | cut -c1-300
			fail=1
		fi
	done
	[ "$(wc -l <"$2/result/final.ndjson")" -gt 0 ] || { echo "FAIL: $1: no records at all"; fail=1; }
}

job "$work/demo-1" 1 || fail=1
for n in 2 3 4; do
	job "$work/demo-$n" $n && same "the demo in $n parts" "$work/demo-1" "$work/demo-$n" || fail=1
done

if command -v python3 >/dev/null 2>&1; then
	python3 bench/signals-gen.py --seed 14 --sessions-per-hour 2 --customers 1500 --mb 9 \
		-o "$work/month.ndjson" >/dev/null 2>&1
	export CS_UNTIL=2026-04-05T00:00:00Z
	job "$work/month-1" 1 "$work/month.ndjson" || fail=1
	job "$work/month-4" 4 "$work/month.ndjson" && same "a generated month in 4 parts" "$work/month-1" "$work/month-4" ||
		fail=1
	days=$(jq -r '.ts // empty | .[0:10]' "$work/month.ndjson" | sort -u | wc -l)
	[ "$days" -ge 28 ] || { echo "FAIL: the generated month spans only $days days"; fail=1; }
	unset CS_UNTIL
else
	echo "note: python3 not found: the generated month was not checked"
fi

if command -v parallel >/dev/null 2>&1; then
	# The parts of the 4-part demo again, under GNU parallel, here and "remotely".
	d=$work/demo-4
	rm -rf "$d/out" "$d/result"
	parallel --will-cite --halt now,fail=1 -j 2 sh examples/scale/part.sh "$d" {} "$d/out/{#}" ::: \
		"$d/parts/part-1.ndjson" "$d/parts/part-2.ndjson" "$d/parts/part-3.ndjson" "$d/parts/part-4.ndjson" 2>/dev/null &&
		merge "$d" 4 && same "GNU parallel, this host" "$work/demo-1" "$d" || { echo "FAIL: GNU parallel"; fail=1; }
	cat >"$work/ssh" <<'END'
#!/bin/sh
# ssh stand-in: drop the options, the host and a "--", run the command here,
# in a login's environment: parallel's remote worker runs the job with $SHELL,
# which a login sets and a CI job may not.
SHELL=${SHELL:-/bin/sh}
export SHELL
while [ $# -gt 0 ]; do
	case $1 in
	--) shift; break ;;
	-*) shift ;;
	*) shift; [ "${1-}" = -- ] && shift; break ;;
	esac
done
exec sh -c "$*"
END
	chmod +x "$work/ssh"
	rm -rf "$d/out" "$d/result"
	parallel --will-cite --halt now,fail=1 --ssh "$work/ssh" --sshlogin 2/node1,2/node2 --workdir "$root" \
		env CS_BIN="$bindir" sh examples/scale/part.sh "$d" {} "$d/out/{#}" ::: \
		"$d/parts/part-1.ndjson" "$d/parts/part-2.ndjson" "$d/parts/part-3.ndjson" "$d/parts/part-4.ndjson" 2>"$work/ssh.err" &&
		merge "$d" 4 && same "GNU parallel --sshlogin" "$work/demo-1" "$d" ||
		{ echo "FAIL: GNU parallel --sshlogin"; cat "$work/ssh.err"; fail=1; }
else
	echo "note: GNU parallel not found: its recipes were not run"
fi
exit $fail
