# A command that reads no records takes only the common options it honours
# and refuses the others naming them (status 2), as cs-ticket's commands do:
# cs-answer review (its --split wrote one file named review-%d.ndjson, its
# --stats printed nothing, its --select false kept every record),
# cs-roi staff --volume, and --check of cs-qa and cs-route. cs-roi model
# with nothing to measure reads nothing either, but whether it reads is up to
# its model file, so there --stats prints its line, "read" 0.
--- cmd
refused() {   # refused CMD...: its first message and its status, nothing written
	"$@" >out 2>err
	status=$?
	echo "$(head -1 err) (status $status, $(wc -c <out) bytes out)"
}
cs-answer build -q --kb kb.db $REPO/examples/kb/faq.csv >/dev/null
refused cs-answer review --kb kb.db --today 2030-01-01 --split 2 -o 'review-%d.ndjson'
refused cs-answer review --kb kb.db --today 2030-01-01 --stats
refused cs-answer review --kb kb.db --today 2030-01-01 --select false
cs-answer review --kb kb.db --today 2030-01-01 -q -o review.ndjson; echo "status $?, $(wc -l <review.ndjson) records"
cs-answer review --help | head -1
refused cs-roi staff --volume 100 --aht 3m --stats
refused cs-roi staff --volume 100 --aht 3m --json --shard 1/2
cs-roi staff --volume 100 --aht 3m --json -q -o staff.ndjson; echo "status $?, $(jq -r .agents staff.ndjson) agents"
refused cs-qa --check --stats
refused cs-qa --check -o check.txt
cs-qa --check -q --tz UTC --share-dir $REPO/share | head -1
refused cs-route --check --select true
cs-route --check -q | head -1 | cut -d' ' -f1
cs-roi model --stats $REPO/examples/roi/ecommerce.json | jq -r .kind
cs-roi model --stats --format md $REPO/examples/roi/ecommerce.json | head -1
rm out err; ls
--- stdout
cs-answer review: this command takes no --split (status 2, 0 bytes out)
cs-answer review: this command takes no --stats (status 2, 0 bytes out)
cs-answer review: this command takes no --select (status 2, 0 bytes out)
status 0, 1 records
Usage: cs-answer review [-Vhq] [-o file] [--expiring days] [--kb file] [--max-unhelpful x] [--min-votes n] [--today date]
cs-roi staff: --volume reads no records, so it takes no --stats (status 2, 0 bytes out)
cs-roi staff: --volume reads no records, so it takes no --shard (status 2, 0 bytes out)
status 0, 14 agents
cs-qa: --check reads no records and prints to standard output, so it takes no --stats (status 2, 0 bytes out)
cs-qa: --check reads no records and prints to standard output, so it takes no --output (status 2, 0 bytes out)
scorecard cs-default version 1: 13 items (weights sum to 100), 27 rules, 6 alerts, 17 phrase lists in use (17 named), 639 phrases
cs-route: --check reads no records and prints to standard output, so it takes no --select (status 2, 0 bytes out)
policy
roi
# Business case
kb.db
review.ndjson
staff.ndjson
--- stderr
cs-roi model: stats: read 0, written 1, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, metrics_used 0, records_left_out 0
cs-roi model: stats: read 0, written 0, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, metrics_used 0, records_left_out 0
--- exit
0
