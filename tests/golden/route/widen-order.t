# Conversations due to widen are widened in the order they fall due, then
# of arrival, not in the order their queues were first made: c1 (queue b)
# and c2 (queue a) both fall due at 10:01:40 and widen to c, c1 first. A
# run split in two over one --state widens them the same way; the queues
# rebuilt from the state used to come in another order, and so did the
# route_update records and their positions.
--- cmd
cat > policy.json <<'END'
{"version":1,
 "filters":[{"name":"vip","when":{"vip":true},"targets":[{"queue":"b","priority":5,"timeout":90},{"queue":"c","priority":5}]}],
 "default_targets":[{"queue":"a","timeout":60},{"queue":"c"}]}
END
echo '{"id":"x1","status":"away"}' > agents.ndjson
cat > in.ndjson <<'END'
{"kind":"conversation","id":"c0","started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c0","started":"2026-03-02T10:00:00Z","ended":"2026-03-02T10:00:05Z","messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c1","started":"2026-03-02T10:00:10Z","customer":{"vip":true},"messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c2","started":"2026-03-02T10:00:40Z","messages":[{"role":"customer","text":"hello"}]}
{"kind":"conversation","id":"c3","started":"2026-03-02T10:05:00Z","messages":[{"role":"customer","text":"hello"}]}
END
echo "one run:"
cs-route -q -p policy.json --agents agents.ndjson in.ndjson | jq -c 'select(.kind == "route_update") | [.conversation_id, .route.queue, .route.position]'
echo "two runs, one state:"
head -4 in.ndjson | cs-route -q -p policy.json --agents agents.ndjson --state s.db >/dev/null
tail -1 in.ndjson | cs-route -q -p policy.json --agents agents.ndjson --state s.db | jq -c 'select(.kind == "route_update") | [.conversation_id, .route.queue, .route.position]'
--- stdout
one run:
["c1","c",1]
["c2","c",2]
two runs, one state:
["c1","c",1]
["c2","c",2]
--- stderr
--- exit
0
