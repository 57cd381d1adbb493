# Each program that keeps a store refuses another program's, status 3, and
# leaves it byte for byte as it was: cs-signals --state wrote its table
# into a ticket store or a knowledge base (and turned its journal to WAL),
# and has a format of its own now. The message says the file is not the
# program's store: cs-ticket called a knowledge base "a cs-ticket store of
# format cs-kb 2", cs-answer a ticket store "a knowledge base of format
# '1'", and cs-answer build told the user to run cs-answer build. Each
# program's line stands for the three other stores, which give the same
# message (FILE for the file's name) and status.
--- cmd
cs-ingest -q "$REPO/examples/chat.ndjson" > chat.ndjson
cs-ticket --db ticket.db chat.ndjson > /dev/null
cs-answer build -q --kb kb.db "$REPO/examples/kb" > /dev/null
cs-route --agents "$REPO/examples/agents.ndjson" --state route.db chat.ndjson > /dev/null
cs-signals --state signals.db "$REPO/examples/events.ndjson" > /dev/null
echo '{"kind":"event","ts":"2026-03-01T10:00:00Z","question":"refund"}' > in.ndjson
# try OWN COMMAND: COMMAND (with $f) on every store but OWN
try() {
	own=$1
	for f in ticket kb route signals; do
		[ $f = $own ] && continue
		cp $f.db before.db
		msg=$(eval "$2" 2>&1 >/dev/null); status=$?
		cmp -s $f.db before.db || echo "$f.db changed"
		echo "$msg: status $status" | sed "s/$f\.db/FILE/"
	done | uniq
}
try ticket 'cs-ticket list --db $f.db'
try ticket 'cs-ticket --db $f.db in.ndjson'
try kb 'cs-answer --kb $f.db in.ndjson'
try kb 'cs-answer build --kb $f.db in.ndjson'
try kb 'cs-answer feedback --kb $f.db in.ndjson'
try route 'cs-route --state $f.db in.ndjson'
try signals 'cs-signals --state $f.db in.ndjson'
cs-signals --state signals.db in.ndjson > /dev/null && sqlite3 signals.db 'SELECT * FROM meta'
# A store of another version of the program is named so; the state of an
# earlier cs-signals (a cooldown table alone) is its own, and gets meta.
version() { cp $1.db v.db; sqlite3 v.db "UPDATE meta SET value = '$2' WHERE key = 'format'"; }
version ticket 2; cs-ticket list --db v.db; echo "status $?"
version kb 'cs-kb 9'; cs-answer --kb v.db in.ndjson; echo "status $?"
version signals 'cs-signals-state 2'; cs-signals --state v.db in.ndjson > /dev/null; echo "status $?"
sqlite3 old.db 'CREATE TABLE cooldown (who TEXT NOT NULL, type TEXT NOT NULL, last_ms INTEGER NOT NULL, PRIMARY KEY (who, type)) WITHOUT ROWID'
cs-signals --state old.db in.ndjson > /dev/null && sqlite3 old.db 'SELECT * FROM meta'
--- stdout
cs-ticket list: FILE: not a cs-ticket store: status 3
cs-ticket: FILE: not a cs-ticket store: status 3
cs-answer: FILE: not a cs-answer knowledge base (build one with cs-answer build): status 3
cs-answer build: FILE: not a cs-answer knowledge base (left unchanged): status 3
cs-answer feedback: FILE: not a cs-answer knowledge base (left unchanged): status 3
cs-route: --state FILE: not a cs-route state file (left unchanged): status 3
cs-signals: FILE: not a cs-signals state file (left unchanged): status 3
format|cs-signals-state 1
status 3
status 3
status 3
format|cs-signals-state 1
--- stderr
cs-ticket list: v.db: a cs-ticket store of format 2; this cs-ticket reads format 1
cs-answer: v.db: a knowledge base of format 'cs-kb 9'; this cs-answer reads 'cs-kb 2'
cs-signals: v.db: a cs-signals state of format 'cs-signals-state 2'; this cs-signals reads 'cs-signals-state 1' (left unchanged)
--- exit
0
