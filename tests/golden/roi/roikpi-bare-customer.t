# cs-roi kpi: a customer given as a bare id ("customer":"u1", or a number)
# is that customer, as cs(7)'s shard key and cs-signals take it. Before,
# two contacts of "u1" an hour apart counted customers 0 and fcr_eligible
# 0 (no FCR at all), and "u1" then {"id":"u1"} left the first out of FCR
# and counted the second resolved, where cs-signals marks it a repeat.
# Help-centre events read the customer alike; a bare id holding U+0000 is a
# bad record, as customer.id is.
--- cmd
mk() { printf '{"kind":"conversation","id":"%s","channel":"chat","customer":%s,"started":"%s","messages":[{"role":"customer","ts":"%s","text":"hi"},{"role":"agent","ts":"%s","text":"hello"}],"route":{"intent":"a"}}\n' "$1" "$2" "$3" "$3" "$3"; }
{ mk c1 '"u1"' 2026-03-02T10:00:00Z; mk c2 '"u1"' 2026-03-02T11:00:00Z; } > bare.ndjson
{ mk c1 '"u1"' 2026-03-02T10:00:00Z; mk c2 '{"id":"u1"}' 2026-03-02T11:00:00Z; mk c3 '42' 2026-03-02T12:00:00Z; } > mixed.ndjson
for f in bare mixed; do
	echo "$f $(cs-roi kpi --until 2026-03-20T00:00:00Z $f.ndjson | jq -c '.counts | [.contacts, .customers, .fcr_eligible, .fcr_resolved]')"
done
echo '{"kind":"event","id":"h1","ts":"2026-03-02T09:05:00Z","customer":"u1","type":"help_view"}' >> bare.ndjson
cs-roi kpi bare.ndjson | jq -c '.counts | [.customers, .help_users]'
mk c9 '"u\u0000x"' 2026-03-02T10:00:00Z | cs-roi kpi; echo "exit $?"
--- stdout
bare [2,1,2,1]
mixed [3,2,3,2]
[1,1]
exit 1
--- stderr
cs-roi kpi: <stdin>:1: "customer" holds U+0000, which no id may
--- exit
0
