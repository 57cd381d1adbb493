# A device's help becomes its customer's at a login, with the deadline it had
# (24 hours after the device sought help), however many deadlines were set
# since: the episode is decided then, so help the customer seeks after it is
# an episode of its own, which the customer's chat 3 hours later answers.
# Another customer's help, sought between the device's and the login, used to
# hold the device's deadline back to its own: cust-a's signal then took in
# h3 (26 hours after h1) and the chat no longer answered it, and --shard
# (where cust-b is in another part) wrote another signal than one run did.
# The input is a file, so that a splitting run keys dv1 by cust-a (cs(7)).
--- cmd
ev() { # id time who type [name]
	echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-$2Z\",$3,\"type\":\"$4\",\"name\":\"${5:-}\"}"
}
input() {
	ev h1 01T10:00:00 '"device":"dv1","session":"w1"' help_view /help/returns
	ev h2 01T20:00:00 '"customer":{"id":"cust-b"},"session":"w9"' help_view /help/billing
	ev p1 02T09:00:00 '"device":"dv1","session":"w2"' page_view /home
	ev l1 02T09:01:00 '"device":"dv1","session":"w2","customer":{"id":"cust-a"}' login
	ev h3 02T12:00:00 '"customer":{"id":"cust-a"},"session":"w3"' help_view /help/refunds
	echo '{"kind":"conversation","id":"c1","customer":{"id":"cust-a"},"started":"2026-03-02T15:00:00Z","messages":[]}'
	ev x 04T00:00:00 '"customer":{"id":"cust-c"},"session":"w8"' page_view /home
}
input >in.ndjson
sig() { jq -c '[.type, .customer.id, .count, [.evidence[].id]]'; }
echo one run; cs-signals --signals-only --no-alerts in.ndjson | sig
echo without cust-b; grep -v cust-b in.ndjson | cs-signals --signals-only --no-alerts | sig
echo parts; for k in 1 2 3; do cs-signals --signals-only --no-alerts --shard $k/3 in.ndjson | sig; done
--- stdout
one run
["silent_help_seeker","cust-a",1,["h1"]]
["silent_help_seeker","cust-b",1,["h2"]]
without cust-b
["silent_help_seeker","cust-a",1,["h1"]]
parts
["silent_help_seeker","cust-a",1,["h1"]]
["silent_help_seeker","cust-b",1,["h2"]]
--- stderr
--- exit
0
