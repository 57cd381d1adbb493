# cs-roi kpi: a conversation whose customer.id or assignee holds U+0000, or
# an event whose customer.id does, is a bad record naming the id. Customers
# are counted and matched for FCR by C strings, which end there: "u\u0000x"
# and "u\u0000y" were one customer, and the second contact a repeat of the
# first (fcr 0.5 for two customers' first contacts). --skip-bad counts them.
--- cmd
printf '%s\n' '{"kind":"conversation","id":"c1","customer":{"id":"u\u0000x"},"started":"2026-03-05T09:00:00Z"}' \
	'{"kind":"conversation","id":"c2","customer":{"id":"u\u0000y"},"started":"2026-03-05T10:00:00Z"}' \
	'{"kind":"conversation","id":"c3","customer":{"id":"u3"},"assignee":"a\u0000","started":"2026-03-05T10:00:00Z"}' \
	'{"kind":"event","id":"e1","ts":"2026-03-05T10:00:00Z","type":"help_view","name":"/help","customer":{"id":"u\u0000"}}' \
	'{"kind":"conversation","id":"c4","customer":{"id":"u\\u0000"},"started":"2026-03-05T11:00:00Z"}' > t.ndjson
cs-roi kpi t.ndjson; echo "exit $?"
cs-roi kpi --skip-bad t.ndjson | jq -c '[.counts.contacts, .counts.customers, .kpi.fcr]'
--- stdout
exit 1
[1,1,1]
--- stderr
cs-roi kpi: t.ndjson:1: "customer.id" holds U+0000, which no id may
cs-roi kpi: t.ndjson:1: "customer.id" holds U+0000, which no id may
cs-roi kpi: t.ndjson:2: "customer.id" holds U+0000, which no id may
cs-roi kpi: t.ndjson:3: "assignee" holds U+0000, which no id may
cs-roi kpi: t.ndjson:4: "customer.id" holds U+0000, which no id may
cs-roi kpi: 4 bad records left out
--- exit
0
