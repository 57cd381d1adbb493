#!/bin/sh
# bootstrap.sh: install what cs needs to build (Debian/Ubuntu), then build and run a target.
#
#   sh bootstrap.sh [--no-install] demo|test|bench|build
#
# --no-install (or CS_NO_INSTALL=1) installs nothing (it still reports what is missing), for machines
# that already have everything or are offline. Exit status: make's, 2 on a usage error,
# 4 when packages are missing and cannot be installed from here.

PACKAGES="make gcc libc6-dev pkg-config libjq-dev libcsv-dev libzstd-dev libpcre2-dev
libsqlite3-dev zlib1g-dev zstd gzip jq mandoc"

# The same needs by their upstream names, for systems without dpkg/apt.
NEEDS="make, a C17 compiler (cc), pkg-config, and the libraries with headers: jq (libjq),
libcsv, zstd (libzstd), pcre2 (libpcre2-8), sqlite3, zlib; the tools zstd, gzip, jq, mandoc"

say() {
	printf 'bootstrap: %s\n' "$*" >&2
}

usage() {
	echo "usage: sh bootstrap.sh [--no-install] demo|test|bench|build" >&2
	exit 2
}

# Set $missing to the packages from $PACKAGES that are not installed.
find_missing() {
	missing=
	for p in $PACKAGES; do
		case $(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) in
		ii*) ;;
		*) missing="${missing:+$missing }$p" ;;
		esac
	done
}

# Run "$@" as root: directly, or through sudo.
as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

install_debian() {
	find_missing
	if [ -z "$missing" ]; then
		say "all build packages are installed"
		return 0
	fi
	say "missing packages: $missing"
	if [ "$no_install" = 1 ]; then
		say "not installing them (--no-install); the build may fail"
		return 0
	fi
	# $missing is split into words on purpose.
	install="apt-get install -y --no-install-recommends $missing"
	if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
		say "not root and no sudo; run as root:"
		say "  apt-get update && DEBIAN_FRONTEND=noninteractive $install"
		exit 4
	fi
	say "apt-get update"
	as_root apt-get update || { say "apt-get update failed"; exit 4; }
	say "DEBIAN_FRONTEND=noninteractive $install"
	as_root env DEBIAN_FRONTEND=noninteractive $install || { say "apt-get install failed"; exit 4; }
}

check_other_system() {
	say "no dpkg-query/apt-get: not a Debian system, installing nothing"
	say "cs needs $(echo $NEEDS)"  # unquoted: one line
	for tool in make cc; do
		command -v "$tool" >/dev/null 2>&1 || { say "'$tool' not found; install it first"; exit 4; }
	done
}

no_install=0
[ "${CS_NO_INSTALL:-0}" = 1 ] && no_install=1
target=
for arg; do
	case $arg in
	--no-install) no_install=1 ;;
	demo|test|bench|build) [ -z "$target" ] || usage; target=$arg ;;
	*) usage ;;
	esac
done
[ -n "$target" ] || usage
# The bench also measures cJSON, one of the parsers the record layer was chosen against.
[ "$target" = bench ] && PACKAGES="$PACKAGES libcjson-dev"

cd "$(dirname "$0")" || exit 4

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
	install_debian
else
	check_other_system
fi

say "make -j2 all"
make -j2 all || exit
[ "$target" = build ] && exit 0
say "make $target"
make "$target"
