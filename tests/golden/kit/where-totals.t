# Commands whose output is not the records they read (totals of their whole
# input, a model file, a report) refuse --where, which works only on the
# records it matches and passes the others through: into cs-qa mine's list,
# cs-route eval's, cs-answer build's, eval's, feedback's and mine's output,
# and into the model file cs-route train wrote (records, then the model,
# status 0). They refuse it as they refuse --split, with one usage error
# (status 2) pointing to --select, which filters; neither --help nor
# --list-options (the completions) offer it. --select still works there.
# The commands that refused it already (cs-roi, cs-signals' fit, eval,
# trust and journey) give the same message.
--- cmd
echo '{"kind":"conversation","id":"c1","messages":[{"id":"m1","role":"customer","text":"my refund is late"}],"qa":{"score":10}}' >in.ndjson
expected=$(cs-roi kpi --where false in.ndjson 2>&1 | head -1 | sed 's/^[^:]*: //')
for c in "cs-qa mine" "cs-route eval" "cs-route train -o model.bin" "cs-answer build --kb kb.db" "cs-answer eval --kb kb.db" \
	"cs-answer feedback --kb kb.db" "cs-answer mine" "cs-roi merge" "cs-roi trend" "cs-roi staff" "cs-roi model" \
	"cs-roi report" "cs-signals trust" "cs-signals fit" "cs-signals eval" "cs-signals journey"; do
	msg=$($c --where false in.ndjson 2>&1); status=$?
	[ "${msg%%
*}" = "${c%% -*}: $expected" ] && [ $status -eq 2 ] || echo "$c: status $status: $msg"
	$c --help | grep -e '--where ' && echo "$c: --help offers --where"
	$c --list-options | awk -F'\t' '$1 == "where" { print "'"$c"': --list-options offers where" }'
done
ls model.bin kb.db 2>&1 | sed 's/^ls: //'
cs-qa mine --select '.id == "c1"' --min-count 1 --negative-at 1 in.ndjson | jq -c '[.kind, .term]' | head -2
--- stdout
cannot access 'model.bin': No such file or directory
cannot access 'kb.db': No such file or directory
["mined","my refund"]
["mined","refund is"]
--- stderr
--- exit
0
