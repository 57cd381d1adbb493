#!/bin/sh
# Each program links exactly the libraries its --version lists (no more: a
# program that needs no SQLite does not load it), from the dynamic section,
# and its man page's -V entry names the same ones, in the same order.
command -v readelf >/dev/null 2>&1 || { echo "readelf not found: skipped"; exit 0; }
soname() {
	case $1 in
	libjq) echo libjq.so ;; zstd) echo libzstd.so ;;
	zlib) echo libz.so ;; PCRE2) echo libpcre2-8.so ;; SQLite) echo libsqlite3.so ;;
	libunistring) echo libunistring.so ;;
	libstemmer) echo libstemmer.so ;;
	*) echo "unknown-library-$1" ;;
	esac
}
fail=0
for p in bin/cs-*; do
	listed=$("$p" --version | sed -n 's/^libraries: //p' | tr ',' '\n' | awk '{print $1}')
	want=$(for l in $listed; do soname "$l"; done | sort)
	got=$(readelf -d "$p" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sed 's/\.so.*/.so/' |
		grep -v -e '^libc\.so' -e '^libm\.so' -e '^libpthread\.so' -e '^ld-linux' | sort)
	if [ "$want" != "$got" ]; then
		echo "$p: --version lists: $(echo $want); linked: $(echo $got)"
		fail=1
	fi
	page=man/${p#bin/}.1
	named=$(awk '/^\.It Fl V , Fl \\-version/ { v = 1 } v && /^\.Pq / { sub(/^\.Pq /, ""); sub(/ \.$/, ""); print; exit }' "$page")
	if [ "$named" != "$(echo $listed | sed 's/ /, /g')" ]; then
		echo "$page: -V names: $named; --version lists: $(echo $listed)"
		fail=1
	fi
done
exit $fail
