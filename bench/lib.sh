# bench/lib.sh: shell functions the bench scripts share; sourced (". bench/lib.sh")
# from the repository root by the bench scripts.
# Uses HELPER_DIR (where the helpers are built) and STATUS_FILE (see status_pipe).
# shellcheck shell=sh disable=SC2034 # the variables it sets are for the scripts that source it

# is_count VALUE: true if VALUE is a whole number above 0.
is_count() {
	case $1 in '' | *[!0-9]*) return 1 ;; esac
	[ "$1" -gt 0 ]
}

byte_count() { wc -c <"$1" | tr -d ' '; }
line_count() { wc -l <"$1" | tr -d ' '; }

# cpu_model: the CPU's name, for a header line.
cpu_model() {
	model=$(sed -n '/^model name/{s/^[^:]*: *//p;q;}' /proc/cpuinfo 2>/dev/null)
	printf '%s\n' "${model:-unknown CPU}"
}

# newer FILE1 FILE2: true if FILE1 exists and is newer than FILE2 (which must exist).
newer() {
	[ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]
}

# build_helper NAME: compiles bench/NAME.c into HELPER_DIR/NAME unless it is
# current; returns 1 when it does not compile.
build_helper() {
	src=bench/$1.c
	out=$HELPER_DIR/$1
	if [ -x "$out" ] && ! newer "$src" "$out"; then return 0; fi
	# $CC may hold several words ("ccache cc"): leave it unquoted.
	${CC:-cc} -std=c17 -O2 -Wall -Wextra -Werror -o "$out" "$src"
}

# measure RUNS COMMAND: sets SECONDS_TAKEN (the median) and PEAK_KIB (the
# largest process of the largest run) with the measure helper, or returns 1.
measure() {
	result=$("$HELPER_DIR/measure" -n "$1" "$2") || return 1
	SECONDS_TAKEN=${result% *}
	PEAK_KIB=${result#* }
}

# side_by_side RUNS REFERENCE COMMAND: sets SPEED_RATIO, COMMAND's speed as a
# fraction of REFERENCE's, the median of RUNS pairs run one after the other
# (measure -r), or returns 1.
side_by_side() {
	result=$("$HELPER_DIR/measure" -n "$1" -r "$2" "$3") || return 1
	SPEED_RATIO=${result##* }
}

# mb_per_s BYTES SECONDS
mb_per_s() {
	awk -v b="$1" -v s="$2" 'BEGIN { if (s < 1e-6) s = 1e-6; printf "%.1f", b / s / 1e6 }'
}

# status_pipe PROGRAM ARGS: the command line "PROGRAM ARGS | cat > /dev/null"
# that exits with PROGRAM's status rather than cat's (dash has no pipefail).
# shellcheck disable=SC2016 # $? and $s are for the shell that runs the line
status_pipe() {
	printf '{ %s %s; echo $? > %s; } | cat > /dev/null; read -r s < %s; exit $s' \
		"$1" "$2" "$STATUS_FILE" "$STATUS_FILE"
}
