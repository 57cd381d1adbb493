#!/bin/sh
# tests/check/completions.sh BINDIR: completions/ is what tools/gencomp.sh
# makes from the programs' option tables now (run `make completions` to update).
# Exit 0 pass, 1 fail, 77 skip.
cd "$(dirname "$0")/../.." || exit 1
bindir=${1:-bin}
found=0
for f in "$bindir"/cs-*; do
	[ -f "$f" ] && [ -x "$f" ] && found=1
done
if [ $found = 0 ]; then
	echo "no cs-* programs in $bindir (run make)"
	exit 77
fi
sh tools/gencomp.sh --check "$bindir"
case $? in
0) exit 0 ;;
1) echo "completions: completions/ has drifted from the option tables; run make completions"; exit 1 ;;
*) echo "completions: tools/gencomp.sh --check failed"; exit 1 ;;
esac
