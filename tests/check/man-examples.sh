#!/bin/sh
# Every EXAMPLES block of every manual page runs, so the pages cannot drift
# from the tools. The blocks of a page run in order in one fresh directory,
# with the built programs first on PATH and the repository's examples/ beside
# them (as in tests/check/readme.sh); a block fails the check if it exits
# non-zero. A block right after a comment line '.\" not run: REASON' is
# skipped and listed. Exit 0 pass, 1 fail.
cd "$(dirname "$0")/../.." || exit 1
repo=$PWD
bindir=$repo/${1:-bin}
case $1 in /*) bindir=$1 ;; esac
fail=0 ran=0
for page in man/*.[157]; do
	work=$(mktemp -d "${TMPDIR:-/tmp}/cs-manex.XXXXXX") || exit 1
	ln -s "$repo/examples" "$work/examples"
	mkdir "$work/blocks"
	# The .Bd -literal blocks of the EXAMPLES section, with mdoc escapes undone.
	awk -v dir="$work/blocks" '
		/^\.Sh / { inex = ($0 == ".Sh EXAMPLES"); next }
		inex && /^\.\\" not run: / { reason = $0; sub(/^\.\\" not run: /, "", reason); next }
		inex && /^\.Bd -literal/ { inblock = 1; n++; file = dir "/" n ".sh"; printf "" > file
			print NR + 1 > (dir "/" n ".line"); if (reason != "") print reason > (dir "/" n ".skip"); reason = ""; next }
		inex && /^\.Ed/ && inblock { inblock = 0; close(file); next }
		inblock {
			gsub(/\\e/, "\\"); gsub(/\\\(dq/, "\""); gsub(/\\-/, "-"); gsub(/\\&/, "")
			print >> file }' "$page"
	count=$(ls "$work/blocks"/*.sh 2>/dev/null | wc -l)
	n=0
	while [ "$n" -lt "$count" ]; do
		n=$((n + 1))
		f=$work/blocks/$n.sh
		if [ -f "$work/blocks/$n.skip" ]; then
			echo "$page:$(cat "$work/blocks/$n.line"): not run: $(cat "$work/blocks/$n.skip")"
			continue
		fi
		ran=$((ran + 1))
		if ! out=$(cd "$work" && PATH="$bindir:$PATH" CS_SHARE_DIR="$repo/share" bash -e -o pipefail "$f" 2>&1); then
			echo "$page:$(cat "$work/blocks/$n.line"): the example failed:"
			sed 's/^/    /' "$f"
			echo "  output:"
			printf '%s\n' "$out" | tail -20 | sed 's/^/    /'
			fail=1
		fi
	done
	rm -rf "$work"
done
[ "$ran" -gt 0 ] || { echo "no EXAMPLES block in man/"; fail=1; }
exit $fail
