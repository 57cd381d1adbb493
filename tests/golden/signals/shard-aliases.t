# A visitor's events keyed by anonymous_id or by session alone, and a ticket's
# ticket_event records, fall in one part with the customer they belong to, so
# the parts' signals are one run's: the shard key read only "device", so the
# four clicks of one rage click landed in three parts as dead clicks (two of
# them without a customer), and a reopened ticket was reported twice. A
# ticket's history alone (ticket_event records, whose created event names the
# customer in data.customer) falls in the customer's part too, so the
# customer's journey holds the reopening in one part, as in one run.
--- cmd
cat >anon.ndjson <<'END'
{"kind":"event","id":"ev-1","ts":"2026-03-02T10:00:00Z","anonymous_id":"anon-77","type":"page_view","name":"/checkout"}
{"kind":"event","id":"ev-2","ts":"2026-03-02T10:00:01.000Z","anonymous_id":"anon-77","type":"click","name":"button#pay","props":{"x":100,"y":100,"tag":"button"}}
{"kind":"event","id":"ev-3","ts":"2026-03-02T10:00:01.200Z","anonymous_id":"anon-77","type":"click","name":"button#pay","props":{"x":101,"y":101,"tag":"button"}}
{"kind":"event","id":"ev-4","ts":"2026-03-02T10:00:01.400Z","anonymous_id":"anon-77","type":"click","name":"button#pay","props":{"x":102,"y":100,"tag":"button"}}
{"kind":"event","id":"ev-5","ts":"2026-03-02T10:00:01.600Z","anonymous_id":"anon-77","type":"click","name":"button#pay","props":{"x":100,"y":102,"tag":"button"}}
{"kind":"event","id":"ev-6","ts":"2026-03-02T10:01:00Z","anonymous_id":"anon-77","customer":{"id":"cust-5"},"type":"login"}
END
sed 's/"anonymous_id":"anon-77"/"session":"ws-9"/' anon.ndjson >session.ndjson
cat >tickets.ndjson <<'END'
{"kind":"ticket","id":"T-1","conversation_id":"c-1","customer":{"id":"cust-1"},"status":"open","created":"2026-03-02T08:00:00Z","updated":"2026-03-03T09:00:00Z","history":[{"ts":"2026-03-02T09:00:00Z","actor":"a","action":"status","from":"open","to":"solved"},{"ts":"2026-03-03T09:00:00Z","actor":"cust-1","action":"status","from":"solved","to":"open"}]}
{"kind":"ticket_event","ticket":"T-1","seq":3,"ts":"2026-03-03T09:00:00Z","actor":"cust-1","action":"status","field":"status","old":"solved","new":"open"}
END
cat >history.ndjson <<'END'
{"kind":"event","id":"ev-9","ts":"2026-03-02T07:00:00Z","customer":{"id":"cust-2"},"type":"page_view","name":"/pricing"}
{"kind":"ticket_event","ticket":"T-2","seq":1,"ts":"2026-03-02T08:00:00Z","actor":"cs-ticket","action":"created","data":{"priority":"normal","customer":{"id":"cust-2"},"subject":"Broken"}}
{"kind":"ticket_event","ticket":"T-2","seq":2,"ts":"2026-03-02T09:00:00Z","actor":"cs-ticket","action":"status","field":"status","old":"new","new":"solved"}
{"kind":"ticket_event","ticket":"T-2","seq":3,"ts":"2026-03-03T09:00:00Z","actor":"cs-ticket","action":"status","field":"status","old":"solved","new":"open"}
END
echo "history journeys, one run:"
cs-signals journey --until 2026-03-10T00:00:00Z history.ndjson | jq -c '[.customer.id, .counts, [.steps[].step]]'
echo "history journeys, in 4 parts:"
for k in 1 2 3 4; do cs-signals journey --until 2026-03-10T00:00:00Z --shard $k/4 history.ndjson; done |
	jq -c '[.customer.id, .counts, [.steps[].step]]'
for f in anon session tickets; do
	echo "$f, one run:"
	cs-signals --signals-only --until 2026-03-10T00:00:00Z $f.ndjson | jq -c '[.type, .count, .customer.id]'
	echo "$f, in 4 parts:"
	for k in 1 2 3 4; do cs-signals --signals-only --until 2026-03-10T00:00:00Z --shard $k/4 $f.ndjson; done |
		jq -c '[.type, .count, .customer.id]'
done
echo "split, the same parts:"
cs-ingest -q --split 4 -o 'part-%d.ndjson' anon.ndjson
for k in 1 2 3 4; do printf '%s: %s\n' $k "$(jq -r .id part-$k.ndjson | tr '\n' ' ')"; done
cs-ingest -q --split 4 -o 'hist-%d.ndjson' history.ndjson
for k in 1 2 3 4; do printf '%s: %s\n' $k "$(jq -r '.id // .seq' hist-$k.ndjson | tr '\n' ' ')"; done
--- stdout
history journeys, one run:
["cust-2",{"reopened_ticket":1},["session","signal"]]
history journeys, in 4 parts:
["cust-2",{"reopened_ticket":1},["session","signal"]]
anon, one run:
["rage_click",4,"cust-5"]
anon, in 4 parts:
["rage_click",4,"cust-5"]
session, one run:
["rage_click",4,"cust-5"]
session, in 4 parts:
["rage_click",4,"cust-5"]
tickets, one run:
["reopened_ticket",1,"cust-1"]
tickets, in 4 parts:
["reopened_ticket",1,"cust-1"]
split, the same parts:
1: 
2: 
3: ev-1 ev-2 ev-3 ev-4 ev-5 ev-6 
4: 
1: ev-9 1 2 3 
2: 
3: 
4: 
--- stderr
--- exit
0
