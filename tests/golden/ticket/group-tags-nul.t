# The store keeps a ticket's group and tags as C strings, so U+0000 in them
# cut the value there without a word: a conversation of group
# "g\u0000rp-billing" got group "g" and went to the agent of group "g"
# (exit 0), tags ["t\u0000a"] became ["t"], and a ticket_update's group and
# tags likewise. Such a conversation or update is now a bad record, as one
# whose id holds U+0000; the ticket of the clean conversation is assigned.
--- cmd
echo '{"id":"agent-g","groups":["g"],"status":"available","capacity":5}' > agents.ndjson
conv() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"k\"},$2,\"messages\":[{\"id\":\"m1\",\"ts\":\"2026-03-02T09:00:05Z\",\"role\":\"customer\",\"text\":\"hi\"}]}"; }
{
	conv c1 '"group":"g\u0000rp-billing"'
	conv c2 '"route":{"queue":"g\u0000rp"}'
	conv c3 '"group":"g","tags":["a","t\u0000a"]'
	conv c4 '"group":"g","tags":["a"]'
	echo '{"kind":"ticket_update","ticket_id":"T-1","group":"x\u0000y"}'
	echo '{"kind":"ticket_update","ticket_id":"T-1","tags":["x\u0000y"]}'
} | cs-ticket --skip-bad --db t.db --agents agents.ndjson | jq -c '[.id, .ticket.group, .ticket.assignee]'
cs-ticket export --db t.db | jq -c '[.conversation_id, .group, .tags]'
--- stdout
["c4","g","agent-g"]
["c4","g",["a"]]
--- stderr
cs-ticket: <stdin>:1: "group" holds U+0000, which no id may
cs-ticket: <stdin>:2: "route.queue" holds U+0000, which no id may
cs-ticket: <stdin>:3: "tags[1]" holds U+0000, which no id may
cs-ticket: <stdin>:5: "group" holds U+0000, which no id may
cs-ticket: <stdin>:6: "tags[0]" holds U+0000, which no id may
cs-ticket: 5 bad records left out
--- exit
0
