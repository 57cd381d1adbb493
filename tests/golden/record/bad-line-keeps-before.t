# Without --skip-bad a line that is not JSON stops the run, and every record
# read before it is written first: 3000 conversations, then the bad line,
# through each program. cs-qa and cs-route score and route in batches on a
# thread pool; they used to lose the batch they held (2048 records), and
# with --where or --select through the jq worker too. The programs whose
# output is a total of the whole input (cs-roi kpi, cs-signals journey)
# write nothing. Each names the line and exits 1.
--- cmd
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "{\"kind\":\"conversation\",\"id\":\"c%d\",\"channel\":\"chat\",\"customer\":{\"id\":\"u%d\"},\"started\":\"2026-03-02T10:00:00Z\",\"messages\":[{\"kind\":\"message\",\"id\":\"m%d\",\"role\":\"customer\",\"ts\":\"2026-03-02T10:00:00Z\",\"text\":\"where is my order\"}]}\n", i, i, i
	print "not json" }' >in.ndjson
cs-answer build -q --kb kb.db $REPO/examples/kb >/dev/null
run() {   # run ARGS...: the conversations written, the status
	"$@" in.ndjson >out
	status=$?
	echo "$*: $(grep -c '"kind":"conversation"' out) written, status $status"
}
run cs-ingest
run cs-qa
run cs-qa --threads 3
run cs-qa --where '(.id | ascii_downcase | length) > 0'
run cs-route
run cs-route --threads 3
run cs-route --select '(.id | ascii_downcase | length) > 0'
run cs-answer --kb kb.db
run cs-ticket --db t.db
run cs-signals
run cs-signals journey
run cs-roi kpi
--- stdout
cs-ingest: 3000 written, status 1
cs-qa: 3000 written, status 1
cs-qa --threads 3: 3000 written, status 1
cs-qa --where (.id | ascii_downcase | length) > 0: 3000 written, status 1
cs-route: 3000 written, status 1
cs-route --threads 3: 3000 written, status 1
cs-route --select (.id | ascii_downcase | length) > 0: 3000 written, status 1
cs-answer --kb kb.db: 3000 written, status 1
cs-ticket --db t.db: 3000 written, status 1
cs-signals: 3000 written, status 1
cs-signals journey: 0 written, status 1
cs-roi kpi: 0 written, status 1
--- stderr
cs-ingest: in.ndjson:3001: not a JSON object
cs-qa: in.ndjson:3001: not a JSON object
cs-qa: in.ndjson:3001: not a JSON object
cs-qa: in.ndjson:3001: not a JSON object
cs-route: in.ndjson:3001: not a JSON object
cs-route: in.ndjson:3001: not a JSON object
cs-route: in.ndjson:3001: not a JSON object
cs-answer: in.ndjson:3001: not a JSON object
cs-ticket: in.ndjson:3001: not a JSON object
cs-signals: in.ndjson:3001: not a JSON object
cs-signals journey: in.ndjson:3001: not a JSON object
cs-roi kpi: in.ndjson:3001: not a JSON object
--- exit
0
