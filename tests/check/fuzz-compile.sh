#!/bin/sh
# tests/check/fuzz-compile.sh BINDIR: every fuzz harness in tests/fuzz still
# compiles against lib/ (syntax and types only, with the build's warnings),
# so a change to a lib/ interface cannot leave `make fuzz` broken unseen:
# CI does not run the fuzzers, and clang with libFuzzer may be absent.
# Exit 0 pass, 1 fail, 77 skip.
cd "$(dirname "$0")/../.." || exit 1
cc=${CC:-cc}
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "no C compiler ($cc)"
	exit 77
fi
status=0
for f in tests/fuzz/fuzz_*.c; do
	if ! "$cc" -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla \
		-DCS_VERSION='"0"' -DCS_SHAREDIR='"share"' -Ilib -fsyntax-only "$f"; then
		echo "fuzz-compile: $f does not compile"
		status=1
	fi
done
exit $status
