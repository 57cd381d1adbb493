# Usage errors say what is wrong and exit 2: a value given to a flag, an empty
# -o, a misspelled option (with the nearest name), an ambiguous abbreviation.
--- cmd
cs-ingest --quiet=1 </dev/null; echo "exit $?"
cs-ingest -o '' </dev/null; echo "exit $?"
cs-ingest --selct .a </dev/null; echo "exit $?"
cs-ingest --dedup 1 </dev/null; echo "exit $?"
cs-ingest --frobnicate </dev/null; echo "exit $?"
--- stdout
exit 2
exit 2
exit 2
exit 2
exit 2
--- stderr
cs-ingest: option '--quiet' takes no value
Try 'cs-ingest --help' for more information.
cs-ingest: -o: empty file name
Try 'cs-ingest --help' for more information.
cs-ingest: unknown option '--selct'; did you mean '--select'?
Try 'cs-ingest --help' for more information.
cs-ingest: option '--dedup' is ambiguous: --dedup-window, --dedup-max
Try 'cs-ingest --help' for more information.
cs-ingest: unknown option '--frobnicate'
Try 'cs-ingest --help' for more information.
--- exit
0
