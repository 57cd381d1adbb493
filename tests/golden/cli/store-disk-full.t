# A store that cannot be written (a file size limit with SIGXFSZ ignored,
# as a full disk looks to a program) is an I/O error, status 4, for every
# program that keeps one, at the open (limit 0) as at the first commit
# (limit 8 blocks), with SQLite's message (cs(7) EXIT STATUS). cs-route
# said 3, a configuration mistake, when it failed at the open, and
# cs-ticket hid the reason behind "cannot rollback - no transaction is
# active".
--- cmd
echo '{"kind":"conversation","id":"c","messages":[{"role":"customer","text":"hi"}]}' > in.ndjson
# The limit is the program's alone; its messages go through a pipe, which no
# limit stops (this test's own output is a file).
limited() {
	{ (trap '' XFSZ; ulimit -f $1; shift; exec "$@" > /dev/null); echo $? > status; } 2>&1 | cat
	return $(cat status)
}
# One line a store: its message and status, the same at both limits.
try() {
	rm -f s-*; limited 0 "$@" > msg0; s0=$?
	rm -f s-*; limited 8 "$@" > msg8; s8=$?
	if cmp -s msg0 msg8 && [ $s0 = $s8 ]; then echo "$(cat msg0) (status $s0 at limits 0 and 8)"
	else echo "limit 0: $(cat msg0) (status $s0); limit 8: $(cat msg8) (status $s8)"; fi
}
try cs-route --state s-route.db in.ndjson
try cs-ticket --db s-ticket.db in.ndjson
try cs-signals --state s-signals.db in.ndjson
try cs-answer build -q --kb s-kb.db "$REPO/examples/kb"
--- stdout
cs-route: --state s-route.db: disk I/O error (status 4 at limits 0 and 8)
cs-ticket: s-ticket.db: disk I/O error (status 4 at limits 0 and 8)
cs-signals: s-signals.db: disk I/O error (status 4 at limits 0 and 8)
cs-answer build: s-kb.db: disk I/O error (status 4 at limits 0 and 8)
--- stderr
--- exit
0
