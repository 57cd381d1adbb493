# Two runs writing one store at once lose no event: each takes the write
# lock for a batch of records (waiting up to 10 s for the other), so the
# batches interleave whole. The inputs share their conversations (each run
# brings other messages of them), so whichever run comes first creates a
# ticket and the other appends to it. The store then has every event once,
# one ticket per conversation, and the ticket table that recompute rebuilds.
# Nothing here waits on a clock: `wait` ends when both runs have.
--- cmd
gen() {
	awk -v who=$1 -v n=2500 'BEGIN { for (i = 1; i <= n; i++)
		printf "{\"kind\":\"conversation\",\"id\":\"c-%d\",\"group\":\"g%d\",\"messages\":[{\"id\":\"%s-%d\",\"ts\":\"2026-03-02T09:%02d:00Z\",\"role\":\"customer\",\"text\":\"hello %d\"}]}\n", i, i % 7, who, i, i % 60, i }'
}
gen a > a.ndjson
gen b > b.ndjson
cs-ticket --db t.db a.ndjson > a.out & cs-ticket --db t.db b.ndjson > b.out &
wait
wc -l < a.out; wc -l < b.out
sqlite3 t.db 'SELECT action, count(*) FROM event GROUP BY action ORDER BY action' 'SELECT count(*), count(DISTINCT conversation_id) FROM ticket' 'PRAGMA integrity_check'
sqlite3 t.db "SELECT count(*) FROM (SELECT ticket FROM event WHERE action = 'message' GROUP BY ticket HAVING count(*) = 2)"
sqlite3 t.db 'SELECT * FROM ticket ORDER BY id' > before.txt
cs-ticket recompute --db t.db
sqlite3 t.db 'SELECT * FROM ticket ORDER BY id' | cmp - before.txt && echo "the ticket table is what the events give"
cs-ticket --db t.db a.ndjson b.ndjson >/dev/null
sqlite3 t.db 'SELECT count(*) FROM event'
--- stdout
2500
2500
created|2500
message|5000
2500|2500
ok
2500
{"kind":"ticket_recompute","tickets":2500,"events":7500}
the ticket table is what the events give
7500
--- stderr
--- exit
0
