# --split N writes every part in one pass, by the same key as --shard: part
# k of --split is what --shard k/N writes. Every part's file is made, empty
# or not (a job array finds each), new files private (0600). A run that
# stops at a bad record leaves none of them (each is written atomically).
# A write error on any part (a file too large for the file size limit, as
# on a full disk) leaves all the old files: every part is written and
# synced before the first is renamed into place. It used to rename part 1
# and keep the old part 2, and named freed memory instead of the file.
# cs-ingest shards the conversations it writes, so its messages stay whole.
# Commands whose records are totals of their whole input (cs-roi kpi, merge,
# trend and staff, cs-qa mine, cs-signals trust and eval, cs-route eval,
# cs-answer build, eval, feedback and mine) refuse --split: it dealt their
# totals out to the files, so part k was not what --shard k/N gives (an
# evaluation of 126 examples went whole into one part). They refuse it even
# without -o, and neither --help nor --list-options (the completions) offer it.
--- cmd
cat >in.ndjson <<'END'
{"kind":"event","id":"e1","customer":{"id":"cust-1"}}
{"kind":"event","id":"e2","customer":{"id":"cust-3"}}
{"kind":"event","id":"e3","customer":{"id":"cust-1"}}
{"kind":"event","id":"e4","conversation_id":"c-9"}
{"kind":"note","text":"no key at all"}
END
mkdir parts
cs-qa --split 4 -o 'parts/p%02d.ndjson' --stats=json in.ndjson
ls -l parts | awk 'NR > 1 {print $1, $5, $NF}'
for k in 1 2 3 4; do cs-qa --shard $k/4 in.ndjson | cmp - parts/p0$k.ndjson || echo "part $k differs"; done
printf '{"customer":{"id":"cust-1"}}\nnot json\n' | cs-qa --split 2 -o 'bad-%d.ndjson'; echo "exit $?"
ls bad-* 2>&1 | sed 's/^ls: //'
printf '%s\n' '{"kind":"message","conversation_id":"c1","customer":{"id":"cust-1"},"role":"customer","text":"hi","ts":"2026-03-01T10:00:00Z"}' \
  '{"kind":"message","conversation_id":"c1","role":"agent","text":"hello","ts":"2026-03-01T10:01:00Z"}' \
  '{"kind":"message","conversation_id":"c2","customer":{"id":"cust-3"},"role":"customer","text":"yo","ts":"2026-03-01T11:00:00Z"}' >msgs.ndjson
cs-ingest --split 3 -o 'conv-%d.ndjson' msgs.ndjson
for k in 1 2 3; do echo "conv-$k: $(jq -c '[.id, .message_count]' conv-$k.ndjson | tr '\n' ' ')"; done
cs-ingest --shard 1/3 --stats=json msgs.ndjson | cmp - conv-1.ndjson && echo "cs-ingest --shard 1/3 is part 1"
cs-qa --split 2 in.ndjson; cs-qa --split 2 -o part.ndjson in.ndjson; cs-qa --split 2 -o '%d-%d' in.ndjson
cs-qa --split 2 --shard 1/2 -o 'p%d' in.ndjson; cs-qa --split 1025 -o 'p%d' in.ndjson; cs-qa --shard 3/2 in.ndjson
cs-route eval --split 2 in.ndjson 2>&1 | head -1
for c in "cs-roi kpi" "cs-roi merge" "cs-roi trend" "cs-roi staff" "cs-qa mine" "cs-signals trust" "cs-signals eval" \
	"cs-route eval" "cs-answer build --kb kb.db" "cs-answer eval --kb kb.db" "cs-answer feedback --kb kb.db" "cs-answer mine"; do
	msg=$($c --split 2 -o 't%d' in.ndjson 2>&1 | head -1)
	[ "${msg#*: }" = "$(cs-route eval --split 2 in.ndjson 2>&1 | head -1 | sed 's/^[^:]*: //')" ] || echo "$msg"
	$c --split 2 in.ndjson 2>&1 | grep -q 'totals of its whole input' || echo "$c: another message without -o"
	$c --help | grep -e --split
	$c --list-options | grep '^split'
done
echo "the same message from each"; ls t* 2>&1 | sed 's/^ls: //'
awk 'BEGIN { print "{\"customer\":{\"id\":\"a\"}}"; for (i = 0; i < 100; i++) printf "{\"customer\":{\"id\":\"b\"},\"pad\":\"%01000d\"}\n", 0 }' > big.ndjson
echo old1 > full-1.ndjson; echo old2 > full-2.ndjson
(trap '' XFSZ; ulimit -f 50; cs-qa --split 2 -o 'full-%d.ndjson' big.ndjson); echo "file too large: exit $?"
cat full-1.ndjson full-2.ndjson; ls -A | grep '^\.full' || echo "no temporary file left"
--- stdout
-rw------- 108 p01.ndjson
-rw------- 105 p02.ndjson
-rw------- 111 p03.ndjson
-rw------- 0 p04.ndjson
exit 1
cannot access 'bad-*': No such file or directory
conv-1: ["c1",2] 
conv-2: ["c2",1] 
conv-3: 
cs-ingest --shard 1/3 is part 1
cs-route eval: --split cuts the records written apart by customer, and this command's are totals of its whole input: run it on each part with --shard K/N instead
the same message from each
cannot access 't*': No such file or directory
file too large: exit 4
old1
old2
no temporary file left
--- stderr
{"kind":"stats","program":"cs-qa","read":5,"written":5,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"conversations":0,"messages_scored":0,"texts":1,"passed_through":4,"auto_failed":0,"alerts":0,"alerts_replaced":0,"regex_limit_hits":0}
cs-qa: <stdin>:2: not a JSON object
{"kind":"stats","program":"cs-ingest","read":3,"written":1,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"other_shards":1,"messages":3,"conversations":2,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
cs-qa: --split writes files: name them with -o and %d for the part (such as -o part-%d.ndjson)
Try 'cs-qa --help' for more information.
cs-qa: -o: 'part.ndjson' has no %d for the part number (such as -o part-%d.ndjson)
Try 'cs-qa --help' for more information.
cs-qa: -o: '%d-%d' has more than one %d
Try 'cs-qa --help' for more information.
cs-qa: --split writes every part and --shard one of them: give one
Try 'cs-qa --help' for more information.
cs-qa: --split: '1025' is not a whole number from 1 to 1024
Try 'cs-qa --help' for more information.
cs-qa: --shard: '3/2' names no part: parts are numbered 1 to N, such as 1/4 to 4/4
Try 'cs-qa --help' for more information.
cs-qa: full-2.ndjson: write error: File too large
--- exit
0
