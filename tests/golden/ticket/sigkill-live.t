# A running cs-ticket killed with SIGKILL from outside: it reads a FIFO that
# the shell holds open, so it never sees the end of its input and is killed
# mid-run, after it has taken all but the last pipe-full of records (cat
# returns once they are in the pipe). The store is consistent (integrity
# check, the ticket table is what recompute rebuilds, no ticket has half of
# a commit), and the next run over the whole input ends where a run that was
# never killed does.
--- cmd
awk 'BEGIN { for (i = 1; i <= 4000; i++)
	printf "{\"kind\":\"conversation\",\"id\":\"c-%d\",\"messages\":[{\"id\":\"m-%d\",\"ts\":\"2026-03-02T09:%02d:00Z\",\"role\":\"customer\",\"text\":\"hi\"},{\"id\":\"n-%d\",\"ts\":\"2026-03-02T09:%02d:30Z\",\"role\":\"agent\",\"text\":\"hello\"}]}\n", i, i, i % 60, i, i % 60 }' > in.ndjson
cs-ticket --db clean.db in.ndjson > /dev/null
cs-ticket export --db clean.db > clean.ndjson
mkfifo feed
exec 3<>feed
cs-ticket --db k.db < feed > out.ndjson &
pid=$!
cat in.ndjson >&3
kill -KILL $pid
{ wait $pid; echo "exit $?"; } 2>/dev/null   # the shell's "Killed", which a loaded machine may leave out
exec 3>&-
sqlite3 k.db 'PRAGMA integrity_check'
sqlite3 k.db "SELECT count(*) FROM (SELECT ticket FROM event GROUP BY ticket HAVING count(*) != 4)"
sqlite3 k.db 'SELECT * FROM ticket ORDER BY id' > before.txt
cs-ticket recompute --db k.db > /dev/null
sqlite3 k.db 'SELECT * FROM ticket ORDER BY id' | cmp -s - before.txt && echo "tickets = recompute"
cs-ticket --db k.db in.ndjson > /dev/null
cs-ticket export --db k.db | cmp -s - clean.ndjson && echo "second run: done"
--- stdout
exit 137
ok
0
tickets = recompute
second run: done
--- stderr
--- exit
0
