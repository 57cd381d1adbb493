# --help, --version and --list-options end as every output does (cs(7)): a
# write error is "PROG: <stdout>: write error: REASON" and status 4 (it was
# status 4 without a word), and a reader that goes away ends them quietly with
# status 0 (SIGPIPE killed them: 141 from the shell when the text took more
# than one write, as cs-ingest's 5 kB help does).
--- cmd
cs-ingest --help > /dev/full; echo "--help > /dev/full: exit $?"
cs-qa --version > /dev/full; echo "--version > /dev/full: exit $?"
cs-roi report --list-options > /dev/full; echo "--list-options > /dev/full: exit $?"
cs-ticket sla --help >&-; echo "--help >&-: exit $?"
for i in 1 2 3 4 5; do (cs-ingest --help; echo "--help | head -c 0: exit $?" >&2) | head -c 0; done 2>&1 | sort | uniq -c | sed "s/^ *//"
--- stdout
--help > /dev/full: exit 4
--version > /dev/full: exit 4
--list-options > /dev/full: exit 4
--help >&-: exit 4
5 --help | head -c 0: exit 0
--- stderr
cs-ingest: <stdout>: write error: No space left on device
cs-qa: <stdout>: write error: No space left on device
cs-roi report: <stdout>: write error: No space left on device
cs-ticket sla: <stdout>: write error: Bad file descriptor
--- exit
0
