# A split by customer sends a ticket's updates (a helpdesk's audit log, which
# names no customer) to the part of the customer whose conversation names the
# ticket, by ticket_id or by the ticket object cs-ticket wrote into it, so each
# part's store holds its tickets and their updates, as one store does: the
# updates were keyed by the ticket's id alone, and five of six fell in parts
# whose store had no such ticket ("no ticket 'T-6' in part-1.db", exit 1).
# cs-signals --shard and cs-ticket --split give the same parts.
--- cmd
for i in 1 2 3 4 5 6; do
	printf '{"kind":"conversation","id":"c%d","channel":"chat","customer":{"id":"u%d"},"started":"2026-03-02T10:00:00Z","ticket_id":"T-%d","messages":[{"id":"m1","role":"customer","ts":"2026-03-02T10:00:00Z","text":"my order is late"}]}\n' $i $i $i
done >conv.ndjson
for i in 1 2 3 4 5 6; do
	printf '{"kind":"ticket_update","ticket":"T-%d","ts":"2026-03-02T11:00:00Z","actor":"agent-3","status":"pending"}\n' $i
done >audit.ndjson
ids() { for k in 1 2 3; do printf '%s: %s\n' $k "$(jq -r '.id // .ticket' "$1-$k.ndjson" | tr '\n' ' ')"; done; }
echo "one run:"
cs-ticket -q --db whole.db conv.ndjson audit.ndjson >/dev/null; echo "exit $?"
cs-ticket list --db whole.db | jq -r '"\(.id) \(.status)"' | sort | tr '\n' ' '; echo
echo "in 3 parts:"
cs-ingest -q --split 3 -o 'part-%d.ndjson' conv.ndjson audit.ndjson
ids part
for k in 1 2 3; do cs-ticket -q --db part-$k.db part-$k.ndjson >/dev/null; echo "part $k: exit $?"; done
for k in 1 2 3; do cs-ticket list --db part-$k.db; done | jq -r '"\(.id) \(.status)"' | sort | tr '\n' ' '; echo
echo "cs-signals --shard:"
for k in 1 2 3; do cs-signals -q --shard $k/3 conv.ndjson audit.ndjson >sig-$k.ndjson; done
ids sig
echo "tickets cs-ticket named, its output split with cs-ticket --split:"
sed 's/"ticket_id":"T-[0-9]",//' conv.ndjson | cs-ticket -q --db named.db >named.ndjson
jq -c '{kind:"ticket_update",ticket:.ticket.id,ts:"2026-03-02T11:00:00Z",actor:"agent-3",status:"pending"}' named.ndjson >named-audit.ndjson
cs-ticket -q --db split.db --split 3 -o 'named-%d.ndjson' named.ndjson named-audit.ndjson
for k in 1 2 3; do printf '%s: %s\n' $k "$(jq -r '.customer.id // .ticket.id' named-$k.ndjson | tr '\n' ' ')"; done
jq -r '"\(.customer.id) \(.ticket.id)"' named.ndjson
--- stdout
one run:
exit 0
T-1 pending T-2 pending T-3 pending T-4 pending T-5 pending T-6 pending 
in 3 parts:
1: c2 c5 T-2 T-5 
2: c4 T-4 
3: c1 c3 c6 T-1 T-3 T-6 
part 1: exit 0
part 2: exit 0
part 3: exit 0
T-1 pending T-2 pending T-3 pending T-4 pending T-5 pending T-6 pending 
cs-signals --shard:
1: c2 c5 T-2 T-5 
2: c4 T-4 
3: c1 c3 c6 T-1 T-3 T-6 
tickets cs-ticket named, its output split with cs-ticket --split:
1: u2 u5 T-a1e9b55239bb T-47f1a98a57ce 
2: u4 T-76f19f737d15 
3: u1 u3 u6 T-515debc6547d T-f4749aa5375a T-43795cc7c38d 
u1 T-515debc6547d
u2 T-a1e9b55239bb
u3 T-f4749aa5375a
u4 T-76f19f737d15
u5 T-47f1a98a57ce
u6 T-43795cc7c38d
--- stderr
--- exit
0
