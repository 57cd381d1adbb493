#!/bin/sh
# tests/check/synopsis.sh BINDIR: for every BINDIR/cs-* program,
#  - the "Usage:" line of `PROG --help` equals the SYNOPSIS of man/PROG.1 as
#    mandoc renders it, both with "Usage:" dropped and white space squeezed;
#  - every long option of `PROG --list-options` has an entry in the OPTIONS
#    section (with its short letter, "-x, --name", when it has one), and
#    every option entry there is in the table.
# Exit 0 pass, 1 fail, 77 skip.
cd "$(dirname "$0")/../.." || exit 1
bindir=${1:-bin}
for tool in mandoc col; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "$tool is not installed"
		exit 77
	fi
done
progs=
for f in "$bindir"/cs-*; do
	[ -f "$f" ] && [ -x "$f" ] && progs="$progs ${f##*/}"
done
if [ -z "$progs" ]; then
	echo "no cs-* programs in $bindir (run make)"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cs-synopsis.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# One line, single spaces, no "Usage:".
norm() {
	sed 's/^Usage://' | tr -s ' \t\n' '   ' | sed 's/^ *//; s/ *$//'
}

# The body of section $1 of a rendered page (heading lines start in column 1).
section() {
	awk -v want="$1" '
		/^[^ \t]/ { on = ($0 == want); next }
		on { print }'
}

fail=0
for p in $progs; do
	page=man/$p.1
	if [ ! -f "$page" ]; then
		echo "$p: no manual page $page"
		fail=1
		continue
	fi
	mandoc -Tascii "$page" 2>/dev/null | col -bx >"$tmp/page" || { echo "$p: mandoc failed on $page"; fail=1; continue; }
	"$bindir/$p" --help >"$tmp/help" 2>&1 || { echo "$p: --help failed"; fail=1; continue; }
	"$bindir/$p" --list-options >"$tmp/table" 2>&1 || { echo "$p: --list-options failed"; fail=1; continue; }

	usage=$(sed -n '/^Usage:/{p;q;}' "$tmp/help" | norm)
	synopsis=$(section SYNOPSIS <"$tmp/page" | norm)
	if [ -z "$usage" ]; then
		echo "$p: --help prints no Usage: line"
		fail=1
	elif [ "$usage" != "$synopsis" ]; then
		echo "$p: the SYNOPSIS of $page differs from the Usage: line of --help"
		echo "  --help:   $usage"
		echo "  $page: $synopsis"
		fail=1
	fi

	# The tags of the OPTIONS list: lines indented by exactly five spaces.
	section OPTIONS <"$tmp/page" | grep '^     -' >"$tmp/tags"
	awk -F '\t' '$1 != "operands" && $1 != "subcommand" { print $1 "\t" $2 }' "$tmp/table" >"$tmp/opts"
	while IFS= read -r line; do
		name=${line%%"	"*}
		short=${line#*"	"}
		if [ -n "$short" ]; then
			want="-$short, --$name"
		else
			want="--$name"
		fi
		if ! awk -v w="$want" '
			{
				i = index($0, w)
				if (i == 0)
					next
				after = substr($0, i + length(w), 1)
				before = i > 1 ? substr($0, i - 1, 1) : " "
				if (after !~ /[a-z0-9-]/ && before == " ")
					found = 1
			}
			END { exit !found }' "$tmp/tags"; then
			echo "$p: option $want has no entry in the OPTIONS section of $page"
			fail=1
		fi
	done <"$tmp/opts"
	awk '{
		s = $0
		while (match(s, /--[a-z0-9][a-z0-9-]*/)) {
			print substr(s, RSTART + 2, RLENGTH - 2)
			s = substr(s, RSTART + RLENGTH)
		}
	}' "$tmp/tags" | sort -u >"$tmp/documented"
	cut -f 1 "$tmp/opts" | sort -u >"$tmp/known"
	for name in $(comm -23 "$tmp/documented" "$tmp/known"); do
		echo "$p: $page documents --$name, which --list-options does not have"
		fail=1
	done
done
exit $fail
