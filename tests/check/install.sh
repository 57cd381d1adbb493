#!/bin/sh
# make install DESTDIR=... puts every program, man page, share file and
# completion in place, and make uninstall takes them all away again.
stage=$(mktemp -d) || exit 1
trap 'rm -rf "$stage"' EXIT
make -s DESTDIR="$stage" PREFIX=/usr install >/dev/null || { echo "make install failed"; exit 1; }
fail=0
for p in bin/cs-*; do
	p=${p#bin/}
	for f in usr/bin/$p usr/share/man/man1/$p.1 usr/share/bash-completion/completions/$p \
		usr/share/zsh/site-functions/_$p usr/share/fish/vendor_completions.d/$p.fish; do
		[ -f "$stage/$f" ] || { echo "not installed: /$f"; fail=1; }
	done
done
for f in usr/share/man/man7/cs-schema.7 usr/share/man/man7/cs.7 usr/share/man/man5/cs-scorecard.5 \
	usr/share/cs/schema/cs-records.schema.json usr/share/cs/scorecards/default.json usr/share/cs/lexicons/vader_lexicon.txt \
	usr/share/cs/lexicons/zh.tsv usr/share/cs/lexicons/LICENSE.vader usr/share/cs/lexicons/LICENSE.ntusd; do
	[ -f "$stage/$f" ] || { echo "not installed: /$f"; fail=1; }
done
make -s DESTDIR="$stage" PREFIX=/usr uninstall >/dev/null || { echo "make uninstall failed"; exit 1; }
left=$(find "$stage" -type f)
[ -z "$left" ] || { echo "left after uninstall: $left"; fail=1; }
exit $fail
