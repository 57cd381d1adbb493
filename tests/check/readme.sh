#!/bin/sh
# Every command in a ```sh block of README.md runs, so the README cannot
# drift from the tool. The blocks run in order in one fresh directory (as a
# reader following the README would), with the built bin/ first on PATH and
# the repository's examples/ beside them; a block fails the check if it
# exits non-zero. A block right after a line "<!-- not run: REASON -->" is
# skipped and listed. Exit 0 pass, 1 fail.
cd "$(dirname "$0")/../.." || exit 1
repo=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/cs-readme.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
ln -s "$repo/examples" "$work/examples"

# Split README.md into numbered blocks: $work/blocks/N.sh holds the code,
# N.line its first line, N.skip the reason when it is not to be run.
mkdir "$work/blocks"
awk -v dir="$work/blocks" '
	/^<!-- not run: .* -->$/ { reason = $0; sub(/^<!-- not run: /, "", reason); sub(/ -->$/, "", reason); next }
	/^[ \t]*```sh[ \t]*$/ && !inblock { inblock = 1; n++; file = dir "/" n ".sh"; printf "" > file
		print NR + 1 > (dir "/" n ".line"); if (reason != "") print reason > (dir "/" n ".skip"); reason = ""; next }
	/^[ \t]*```[ \t]*$/ && inblock { inblock = 0; close(file); next }
	inblock { sub(/^   /, ""); print >> file; next }
	NF { reason = "" }' README.md

fail=0 ran=0
count=$(ls "$work/blocks"/*.sh 2>/dev/null | wc -l)
n=0
while [ "$n" -lt "$count" ]; do
	n=$((n + 1))
	f=$work/blocks/$n.sh
	line=$(cat "$work/blocks/$n.line")
	if [ -f "$work/blocks/$n.skip" ]; then
		echo "README.md:$line: not run: $(cat "$work/blocks/$n.skip")"
		continue
	fi
	ran=$((ran + 1))
	if ! out=$(cd "$work" && PATH="$repo/bin:$PATH" CS_SHARE_DIR="$repo/share" bash -e -o pipefail "$f" 2>&1); then
		echo "README.md:$line: the block failed:"
		sed 's/^/    /' "$f"
		echo "  output:"
		printf '%s\n' "$out" | tail -20 | sed 's/^/    /'
		fail=1
	fi
done
[ "$ran" -gt 0 ] || { echo "no runnable sh block in README.md"; fail=1; }
exit $fail
