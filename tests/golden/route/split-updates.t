# A route_update carries its conversation's customer ({"id": ...}), so that
# --split keys it as it keys the conversation: customer u1's conversations
# and c3's update all fall in one part. The update used to be keyed by its
# conversation_id and land in another part. A conversation without a
# customer gives an update without one, keyed by the same id. --shard with
# --agents (or --state) is a usage error: a pool of agents is routed by one
# run, and part K alone would see only some of the pool's conversations
# (the agents' load, the queues, the times that widen them).
# The update is cs-route's own record, so its customer id is a string as
# cs-schema(7) says (a 19-digit number's digits, as cs-signals and
# cs-ticket write it; a bare customer id becomes {"id": ...}): it used to
# copy the number, or the bare string, as it came. It still splits with
# its conversation: the shard key reads a number by its digits.
--- cmd
echo '{"version":1,"default_targets":[{"queue":"a","timeout":60},{"queue":"b"}]}' > p.json
echo '{"id":"x1","status":"away"}' > agents.ndjson
cat > in.ndjson <<'END'
{"kind":"conversation","id":"c3","customer":{"id":"u1","name":"Ann"},"started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hi"}]}
{"kind":"conversation","id":"c9","customer":{"id":"u1"},"started":"2026-03-02T10:05:00Z","messages":[{"role":"customer","text":"hi again"}]}
END
cs-route -q -p p.json --agents agents.ndjson in.ndjson | jq -c 'select(.kind == "route_update") | [.conversation_id, .customer]'
cs-route -q -p p.json --agents agents.ndjson --split 2 -o 'part%d.ndjson' in.ndjson
for k in 1 2; do
	echo "part $k: $(jq -c '[.kind, .id // .conversation_id]' part$k.ndjson | tr '\n' ' ')"
done
cs-route -q -p p.json --agents agents.ndjson --shard 2/2 in.ndjson; echo "status $?"
cs-route -q -p p.json --state s.db --shard 1/2 in.ndjson; echo "status $?"
printf '%s\n' '{"kind":"conversation","id":"n1","started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hi"}]}' \
	'{"kind":"conversation","id":"n2","started":"2026-03-02T10:05:00Z","messages":[{"role":"customer","text":"hi"}]}' |
	cs-route -q -p p.json --agents agents.ndjson | jq -c 'select(.kind == "route_update") | [.conversation_id, .customer]'
printf '%s\n' '{"kind":"conversation","id":"b1","customer":{"id":7262094405921456001},"started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hi"}]}' \
	'{"kind":"conversation","id":"b2","customer":"u\"7","started":"2026-03-02T10:01:00Z","messages":[{"role":"customer","text":"hi"}]}' \
	'{"kind":"conversation","id":"b3","started":"2026-03-02T10:05:00Z","messages":[{"role":"customer","text":"hi"}]}' >big.ndjson
cs-route -q -p p.json --agents agents.ndjson big.ndjson | grep route_update | cut -d, -f2-3
cs-route -q -p p.json --agents agents.ndjson --split 3 -o 'big%d.ndjson' big.ndjson
for k in 1 2 3; do
	echo "part $k: $(jq -c '[.kind, .id // .conversation_id]' big$k.ndjson | tr '\n' ' ')"
done
--- stdout
["c3",{"id":"u1"}]
part 1: 
part 2: ["conversation","c3"] ["route_update","c3"] ["conversation","c9"] 
status 2
status 2
["n1",null]
"conversation_id":"b1","customer":{"id":"7262094405921456001"}
"conversation_id":"b2","customer":{"id":"u\"7"}
part 1: ["conversation","b1"] ["route_update","b1"] ["conversation","b2"] ["route_update","b2"] 
part 2: ["conversation","b3"] 
part 3: 
--- stderr
cs-route: --shard with --agents: one run routes a pool of agents, and part K holds only some of its conversations; run each pool whole (cs(7) Stores), or --split it in one run
Try 'cs-route --help' for more information.
cs-route: --shard with --state: one run routes a pool of agents, and part K holds only some of its conversations; run each pool whole (cs(7) Stores), or --split it in one run
Try 'cs-route --help' for more information.
--- exit
0
