# A run killed with SIGKILL leaves the store consistent, and the next run
# finishes the work. build/fault.so kills cs-ticket at its Nth write of a
# store page (pwrite), or at its Nth sync (fdatasync): while the tables are
# made or the store turns to WAL, in the middle of a batch, half-way through
# writing a commit to the WAL, just before syncing it, while the last
# checkpoint copies the WAL back. Each time the store passes SQLite's integrity
# check, its ticket table is the one recompute rebuilds from the events, a
# commit is there whole or not at all (every ticket has all its events),
# and a second run on the same input ends with the store a run that was
# never killed makes.
--- requires
build/fault.so
--- cmd
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "{\"kind\":\"conversation\",\"id\":\"c-%d\",\"group\":\"g%d\",\"messages\":[{\"id\":\"m-%d\",\"ts\":\"2026-03-02T09:%02d:00Z\",\"role\":\"customer\",\"text\":\"hi\"},{\"id\":\"n-%d\",\"ts\":\"2026-03-02T09:%02d:30Z\",\"role\":\"agent\",\"text\":\"hello\"}]}\n", i, i % 5, i, i % 60, i, i % 60 }' > in.ndjson
cs-ticket --db clean.db in.ndjson > /dev/null
cs-ticket export --db clean.db > clean.ndjson
check() {
	tables=$(sqlite3 k.db "SELECT count(*) FROM sqlite_master WHERE name = 'event'")
	if [ "$tables" = 1 ]; then
		sqlite3 k.db 'PRAGMA integrity_check'
		sqlite3 k.db "SELECT count(*) FROM (SELECT ticket FROM event GROUP BY ticket HAVING count(*) != 4)"
		sqlite3 k.db 'SELECT * FROM ticket ORDER BY id' > before.txt
		cs-ticket recompute --db k.db > /dev/null
		sqlite3 k.db 'SELECT * FROM ticket ORDER BY id' | cmp -s - before.txt && echo "tickets = recompute"
	else
		echo "no tables yet"
	fi
	cs-ticket --db k.db in.ndjson > /dev/null
	cs-ticket export --db k.db | cmp -s - clean.ndjson && echo "second run: done"
}
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
for fault in pwrite:KILL:2 pwrite:KILL:40 pwrite:KILL:700 pwrite:KILL:1100 pwrite:KILL:2100 fsync:KILL:6 fsync:KILL:11 fsync:KILL:14; do
	rm -f k.db k.db-wal k.db-shm
	LD_PRELOAD=$REPO/build/fault.so CS_FAULT=$fault cs-ticket --db k.db in.ndjson > /dev/null
	echo "$fault: exit $?"
	check
done
--- stdout
pwrite:KILL:2: exit 137
no tables yet
second run: done
pwrite:KILL:40: exit 137
ok
0
tickets = recompute
second run: done
pwrite:KILL:700: exit 137
ok
0
tickets = recompute
second run: done
pwrite:KILL:1100: exit 137
ok
0
tickets = recompute
second run: done
pwrite:KILL:2100: exit 137
ok
0
tickets = recompute
second run: done
fsync:KILL:6: exit 137
ok
0
tickets = recompute
second run: done
fsync:KILL:11: exit 137
ok
0
tickets = recompute
second run: done
fsync:KILL:14: exit 137
ok
0
tickets = recompute
second run: done
--- stderr
Killed
Killed
Killed
Killed
Killed
Killed
Killed
Killed
--- exit
0
