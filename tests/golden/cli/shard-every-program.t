# --shard K/N on every program that reads records: the three parts of each
# program's input, run apart (stores apart), write together exactly what
# one run writes (sorted), and part K of --split N is --shard K/N. The
# aggregates (cs-roi kpi, cs-qa mine --partial, cs-signals trust
# --partial) of the parts merge into one run's.
--- cmd
E=$REPO/examples
cs-ingest -q -o conv.ndjson $E/chat.ndjson $E/wechat.xml $E/zendesk.json $E/support.mbox $E/call-1042.vtt $E/events.ndjson
cs-route train -q -o m.model $E/intents.csv
cs-answer build -q --kb kb.db $E/kb >/dev/null
run() {   # run NAME ARGS...: one run, then three shards, compared sorted
	name=$1; shift
	"$@" conv.ndjson | LC_ALL=C sort >one
	for k in 1 2 3; do "$@" --shard $k/3 conv.ndjson; done | LC_ALL=C sort >parts
	cmp -s one parts && echo "$name: 3 shards = one run ($(wc -l <one) records)"
}
run cs-ingest cs-ingest -q
run cs-qa cs-qa -q
run cs-route cs-route -q -m m.model -p $E/route-policy.json
run cs-answer cs-answer -q --kb kb.db --today 2026-03-02
n=0; tk() { n=$((n + 1)); cs-ticket -q --db t$n.db --policy $E/sla-policy.json --now 2026-03-02T12:00:00+08:00 "$@"; }
run cs-ticket tk
run cs-signals cs-signals -q --until 2026-03-06T00:00:00Z
run "cs-signals journey" cs-signals journey -q --until 2026-03-06T00:00:00Z
cs-qa -q conv.ndjson >scored.ndjson
cs-roi kpi --by channel scored.ndjson >one
for k in 1 2 3; do cs-roi kpi --by channel --shard $k/3 scored.ndjson; done | cs-roi merge | cmp - one && echo "cs-roi kpi: merged = one run"
cs-qa mine --min-count 1 scored.ndjson >one
for k in 1 2 3; do cs-qa mine --partial --shard $k/3 scored.ndjson; done | cs-qa mine --min-count 1 | cmp - one && echo "cs-qa mine: merged = one run"
cs-signals trust --min-group 1 scored.ndjson >one
for k in 1 2 3; do cs-signals trust --partial --shard $k/3 scored.ndjson; done | cs-signals trust --merge --min-group 1 | cmp - one && echo "cs-signals trust: merged = one run"
cs-qa -q --split 3 -o 'p%d.ndjson' conv.ndjson
for k in 1 2 3; do cs-qa -q --shard $k/3 conv.ndjson | cmp - p$k.ndjson || echo "part $k differs"; done
--- stdout
cs-ingest: 3 shards = one run (34 records)
cs-qa: 3 shards = one run (36 records)
cs-route: 3 shards = one run (34 records)
cs-answer: 3 shards = one run (34 records)
cs-ticket: 3 shards = one run (34 records)
cs-signals: 3 shards = one run (51 records)
cs-signals journey: 3 shards = one run (11 records)
cs-roi kpi: merged = one run
cs-qa mine: merged = one run
cs-signals trust: merged = one run
--- stderr
cs-roi kpi: 1 conversation left out: no "started" and no message "ts" to place it in a window (a call transcript has none unless cs-ingest --call-start gives it one)
cs-roi kpi: 1 conversation left out: no "started" and no message "ts" to place it in a window (a call transcript has none unless cs-ingest --call-start gives it one)
cs-signals trust: 1 record without a time left out
cs-signals trust: 1 record without a time left out
--- exit
0
