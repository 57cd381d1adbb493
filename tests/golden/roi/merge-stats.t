# cs-roi merge adds up the --stats=json lines of shards as well: one line
# per program (sorted by name), every counter summed, counters in the order
# first seen; a counter that is not a whole number is a bad record.
--- cmd
cat >in.ndjson <<'END'
{"kind":"event","id":"e1","customer":{"id":"cust-1"}}
{"kind":"event","id":"e2","customer":{"id":"cust-3"}}
{"kind":"event","id":"e3","customer":{"id":"cust-5"}}
{"kind":"note","text":"no key at all"}
END
for k in 1 2 3; do cs-qa --shard $k/3 --stats=json --stats-file shards.ndjson in.ndjson >/dev/null; done
cs-qa --stats=json --stats-file one.ndjson in.ndjson >/dev/null
cs-roi merge shards.ndjson
cat one.ndjson
printf '%s\n' '{"kind":"stats","program":"cs-qa","read":1.5}' | cs-roi merge
--- stdout
{"kind":"stats","program":"cs-qa","read":4,"written":4,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"other_shards":8,"conversations":0,"messages_scored":0,"texts":1,"passed_through":3,"auto_failed":0,"alerts":0,"alerts_replaced":0,"regex_limit_hits":0}
{"kind":"stats","program":"cs-qa","read":4,"written":4,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"conversations":0,"messages_scored":0,"texts":1,"passed_through":3,"auto_failed":0,"alerts":0,"alerts_replaced":0,"regex_limit_hits":0}
--- stderr
cs-roi merge: <stdin>:1: stats counter 'read' is not a whole number
--- exit
1
