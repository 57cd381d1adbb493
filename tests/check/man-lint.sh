#!/bin/sh
# tests/check/man-lint.sh BINDIR: every manual page is clean under
# `mandoc -Tlint -W warning` (warnings and worse; style notes are allowed),
# and no quote opens inside another: a Dq or Qq encloses the rest of its
# line, so `.Pq Dq a , Dq b` renders (“a, “b””); write `Do a Dc , Do b Dc`.
# Exit 0 pass, 1 fail, 77 skip.
cd "$(dirname "$0")/../.." || exit 1
if ! command -v mandoc >/dev/null 2>&1; then
	echo "mandoc is not installed"
	exit 77
fi
set -- man/*.[157]
if [ ! -f "$1" ]; then
	echo "no manual pages in man/"
	exit 1
fi
out=$(mandoc -Tlint -W warning "$@" 2>&1)
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "man-lint: mandoc -Tlint -W warning reported the lines above"
	exit 1
fi
nested=$(for page in "$@"; do
	mandoc -Tutf8 -O width=1000 "$page" | sed 's/.\x08//g' | grep -E '“[^”]*“|"""' | sed "s|^ *|$page: |"
done)
if [ -n "$nested" ]; then
	printf '%s\n' "$nested"
	echo "man-lint: a quote opens inside another in the lines above (a Dq or Qq with more after it on its line)"
	exit 1
fi
exit 0
