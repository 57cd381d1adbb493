#!/bin/sh
# tests/check/help-sections.sh BINDIR: every section-1 page has an EXIT STATUS
# section whose list of codes (the first .Bl ... .El in it) is the suite-wide
# one of man/cs.7, word for word, with the codes 0 to 6 in order.
# Exit 0 pass, 1 fail.
cd "$(dirname "$0")/../.." || exit 1

# The first list of the EXIT STATUS section of mdoc page $1, comments dropped.
codes_list() {
	awk '
		/^\.\\"/ { next }
		/^\.Sh / { on = ($0 == ".Sh EXIT STATUS"); if (!on && seen) exit; next }
		on && !inlist && /^\.Bl / { inlist = 1; seen = 1 }
		on && inlist { sub(/[ \t]+$/, ""); print }
		on && inlist && /^\.El/ { exit }' "$1"
}

ref=man/cs.7
if [ ! -f "$ref" ]; then
	echo "no $ref"
	exit 1
fi
codes_list "$ref" >"${TMPDIR:-/tmp}/cs-exit.$$" || exit 1
trap 'rm -f "${TMPDIR:-/tmp}/cs-exit.$$"' EXIT
refcodes=$(sed -n 's/^\.It \([0-9][0-9]*\)$/\1/p' "${TMPDIR:-/tmp}/cs-exit.$$" | tr '\n' ' ')
if [ "$refcodes" != "0 1 2 3 4 5 6 " ]; then
	echo "$ref: the EXIT STATUS list has codes '$refcodes', not 0 to 6"
	exit 1
fi

fail=0
set -- man/*.1
[ -f "$1" ] || { echo "no section-1 pages in man/"; exit 1; }
for page; do
	if ! grep -q '^\.Sh EXIT STATUS$' "$page"; then
		echo "$page: no EXIT STATUS section"
		fail=1
		continue
	fi
	if ! codes_list "$page" | diff -u "${TMPDIR:-/tmp}/cs-exit.$$" - >/dev/null; then
		echo "$page: the EXIT STATUS list differs from the one in $ref:"
		codes_list "$page" | diff -u "${TMPDIR:-/tmp}/cs-exit.$$" - | sed 's/^/  /'
		fail=1
	fi
done
exit $fail
