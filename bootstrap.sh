#!/bin/sh
# bootstrap.sh: install what cs needs to build (Debian/Ubuntu), then build and run a target.
#
#   sh bootstrap.sh [--no-install] demo|test|bench|build
#
# --no-install (or CS_NO_INSTALL=1) installs nothing (it still reports what is missing), for machines
# that already have everything or are offline. Exit status: make's, 2 on a usage error,
# 4 when packages are missing and cannot be installed from here.

PACKAGES="make gcc libc6-dev pkg-config libjq-dev libzstd-dev libpcre2-dev
libsqlite3-dev zlib1g-dev libunistring-dev libstemmer-dev zstd gzip jq mandoc tzdata"
# What only the tests need: GNU parallel (the README's scaling-out example),
# binutils (readelf: which libraries a program links), bsdutils (script(1):
# a terminal for the progress tests), chromium and python3 (cs-roi report's
# HTML opened in a real headless browser, tests/check/report-browser.sh;
# python3 also generates the month of tests/check/scale.sh), sqlite3 (the
# golden tests look inside the stores), slurm-wlm and munge (the Slurm job
# array of examples/slurm, on a one-node cluster that tests/check/slurm.sh
# starts with its own configuration, key and ports, and stops).
TEST_PACKAGES="parallel binutils bsdutils chromium python3 sqlite3 slurm-wlm munge"

# The same needs by their upstream names, for systems without dpkg/apt.
NEEDS="make, a C17 compiler (cc), pkg-config, and the libraries with headers: jq (libjq),
zstd (libzstd), pcre2 (libpcre2-8), sqlite3, zlib, GNU libunistring, Snowball libstemmer; the tools zstd, gzip, jq, mandoc;
the IANA time zone database (tzdata, in /usr/share/zoneinfo)"

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

# Wait while another apt or dpkg (a cloud machine's updates at boot) holds
# the lock, up to 10 minutes; apt-get itself also waits (DPkg::Lock::Timeout).
LOCK_WAIT=600
wait_for_dpkg_lock() {
	command -v fuser >/dev/null 2>&1 || return 0
	waited=0
	while as_root fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; do
		[ "$waited" = 0 ] && say "another apt or dpkg is running; waiting for it to finish (up to ${LOCK_WAIT}s)"
		[ "$waited" -ge "$LOCK_WAIT" ] && { say "still locked after ${LOCK_WAIT}s; trying anyway"; return 0; }
		sleep 5
		waited=$((waited + 5))
	done
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
	wait_for_dpkg_lock
	say "apt-get update"
	# apt-get update takes the lists lock, which DPkg::Lock::Timeout may not
	# cover: try again for a while before giving up.
	tries=0
	until as_root apt-get -o DPkg::Lock::Timeout=$LOCK_WAIT update; do
		tries=$((tries + 1))
		[ "$tries" -ge 20 ] && { say "apt-get update failed"; exit 4; }
		say "apt-get update failed; trying again in 30s (another apt may hold the lock)"
		sleep 30
	done
	wait_for_dpkg_lock
	say "DEBIAN_FRONTEND=noninteractive $install"
	as_root env DEBIAN_FRONTEND=noninteractive $install -o DPkg::Lock::Timeout=$LOCK_WAIT ||
		{ say "apt-get install failed"; exit 4; }
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
# The bench also measures cJSON, one of the parsers the record layer was chosen
# against, and Miller, which the CSV reader is measured beside.
[ "$target" = bench ] && PACKAGES="$PACKAGES libcjson-dev miller"
[ "$target" = test ] && PACKAGES="$PACKAGES $TEST_PACKAGES"

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
