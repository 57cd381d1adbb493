#!/bin/sh
# House style that a compiler does not enforce, over lib/ and cmd/:
#  - diagnostics go through the message module (lib/kit_msg.c) only;
#  - no atoi, strcpy, strcat or sprintf (unchecked conversions and copies);
#  - no comma-operator statements ("a = 1, b = 2;", "return f(), 0;");
#  - literal JSON keys are plain words (cs_jw_key writes them unchecked).
fail=0
say() { echo "$1"; fail=1; }

hits=$(grep -nE '(fprintf|fputs|vfprintf|fputc|putc)\([^;]*\bstderr\b|\bperror\(' lib/*.c cmd/*.c | grep -v '^lib/kit_msg\.c:')
[ -z "$hits" ] || say "stderr written outside lib/kit_msg.c:
$hits"

hits=$(grep -nE '\b(atoi|atol|strcpy|strcat|sprintf|vsprintf|gets)\(' lib/*.c cmd/*.c)
[ -z "$hits" ] || say "unchecked conversion or copy:
$hits"

# Comma statements: strip comments, strings and characters, then everything
# inside brackets, and look for a comma in a statement that begins with an
# assignment, a call or a return.
hits=$(awk '
	FNR == 1 { incomment = 0 }
	{
		line = $0
		if (incomment) { if (sub(/.*\*\//, "", line)) incomment = 0; else next }
		gsub(/\/\*.*\*\//, "", line)
		if (sub(/\/\*.*/, "", line)) incomment = 1
		sub(/\/\/.*/, "", line)
		gsub(/\\./, "", line)
		gsub(/"[^"]*"/, "\"\"", line)
		gsub(/'\''[^'\'']*'\''/, "0", line)
		while (gsub(/\([^()]*\)/, "@", line) || gsub(/\[[^][]*\]/, "@", line) || gsub(/\{[^{}]*\}/, "@", line)) {}
		if (line ~ /^[ \t]*(for|if|while|switch)[ \t]*@/) next
		if (line ~ /^[ \t]*[A-Za-z_][A-Za-z0-9_]*(@|->[A-Za-z_][A-Za-z0-9_]*|\.[A-Za-z_][A-Za-z0-9_]*)*(@|[ \t]*([-+*\/|&^%]?=[^=]|\+\+|--))[^;]*,[^;]*;/ ||
		    line ~ /^[ \t]*return[ \t][^;]*,[^;]*;/)
			printf "%s:%d: %s\n", FILENAME, FNR, $0
	}' lib/*.c cmd/*.c)
[ -z "$hits" ] || say "comma-operator statements:
$hits"
# cs_jw_key writes a literal key without looking for bytes to escape.
hits=$(grep -nE 'cs_jw_key\([^,]+, "[^"]*"' lib/*.c cmd/*.c | grep -vE 'cs_jw_key\([^,]+, "[A-Za-z0-9_@.:/ -]*"\)')
[ -z "$hits" ] || say "a literal key that is not a plain word (use cs_jw_keyn):
$hits"
exit $fail
