# --identities: one customer across channels. The file's customers (a CRM
# export, in the schema's words) are matched by their id on a channel or
# source format ("ids"), address (in any case) or phone number (by digits,
# a Chinese mobile with or without +86); a match takes the file's id, keeps
# the one it came with as source_id and fills in what the file says of the
# customer (vip, tier ...). Li Wei's chat, Zendesk ticket and mail become
# C-1001's; a record whose keys name two customers takes the first, by ids,
# then address, then phone, and is counted. Grouping and --split see the
# file's ids. A duplicate key, a line without an id, a phone that is not
# one and a missing file are status 3; so is an id that holds U+0000, kept
# as a C string that ends there ("C\u0000x" was written as "C"). The ids
# in records are matched by their bytes: "a\u0000x" is no "a\u0000y".
--- cmd
ln -s "$REPO/examples" examples
cat > customers.ndjson <<'IN'
# the CRM's customers
{"id":"C-1001","name":"Li Wei","email":"Li.Wei@example.com","phone":"+86 138 0013 8000","ids":{"chat":"cust-42","zendesk":"20978392"},"vip":true,"tier":"gold"}
{"id":"C-1002","email":["bob@example.net","bob.stone@work.example"],"ids":{"wechat":"oAbc123_openid"}}
{"id":3,"phone":"13900139000"}
IN
cs-ingest -q --messages --identities customers.ndjson --stats examples/chat.ndjson examples/zendesk.json examples/support.mbox examples/wechat.xml |
	jq -c '[.channel, .source.format, .customer.id, .customer.source_id, .customer.vip]' | sort | uniq -c
printf '%s\n' '{"conversation_id":"s1","channel":"sms","customer":{"id":"0086 139-0013-9000"},"text":"hi"}' \
	'{"conversation_id":"s2","channel":"sms","customer":{"id":"x9","email":"BOB@example.net","phone":"+8613800138000"},"text":"hi"}' |
	cs-ingest --messages --identities customers.ndjson --stats=json 2>stats.json | jq -c .customer
jq -c '[.identified, .identity_conflicts]' stats.json
cs-ingest -q --identities customers.ndjson --split 2 -o 'part-%d.ndjson' examples/chat.ndjson examples/zendesk.json examples/support.mbox
for p in part-1.ndjson part-2.ndjson; do jq -r .customer.id "$p" | sort -u | tr '\n' ' '; echo; done
printf '%s\n' '{"id":"A","email":"x@y.com"}' '{"id":"B","email":"X@Y.com"}' > dup.ndjson
cs-ingest --identities dup.ndjson </dev/null; echo "exit $?"
echo '{"email":"x@y.com"}' > noid.ndjson
cs-ingest --identities noid.ndjson </dev/null; echo "exit $?"
echo '{"id":"A","phone":"call me"}' > badphone.ndjson
cs-ingest --identities badphone.ndjson </dev/null; echo "exit $?"
cs-ingest --identities missing.ndjson </dev/null; echo "exit $?"
printf '%s\n' '{"id":"C\u0000x","email":"x@y.com"}' > nulid.ndjson
cs-ingest --identities nulid.ndjson </dev/null; echo "exit $?"
printf '%s\n' '{"id":"C-9","ids":{"chat":"a\u0000x"}}' > nulsys.ndjson
printf '%s\n' '{"channel":"chat","customer":{"id":"a\u0000x"},"text":"hi","ts":"2026-03-02T01:00:00Z"}' \
	'{"channel":"chat","customer":{"id":"a\u0000y"},"text":"hi","ts":"2026-03-02T01:00:00Z"}' |
	cs-ingest --messages --identities nulsys.ndjson | jq -c .customer
--- stdout
      5 ["app",null,"cust-7",null,null]
      4 ["chat",null,"C-1001","cust-42",true]
      4 ["email","mbox","C-1001","li.wei@example.com",true]
      3 ["email","mbox","C-1002","bob@example.net",null]
      2 ["email","mbox","carol@example.org",null,null]
      3 ["email","zendesk","C-1001","20978392",true]
      1 ["web","zendesk","20978400",null,null]
      3 ["wechat","wechat-xml","C-1002","oAbc123_openid",null]
      1 [null,null,"cust-7",null,null]
{"id":"3","source_id":"0086 139-0013-9000","phone":"13900139000"}
{"id":"C-1002","source_id":"x9","email":"BOB@example.net","phone":"+8613800138000","ids":{"wechat":"oAbc123_openid"}}
[2,1]
C-1001 C-1002 
20978400 carol@example.org cust-7 
exit 3
exit 3
exit 3
exit 3
exit 3
{"id":"C-9","source_id":"a\u0000x","ids":{"chat":"a\u0000x"}}
{"id":"a\u0000y"}
--- stderr
cs-ingest: stats: read 28, written 26, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 25, conversations 0, duplicates 2, passed 1, closed_early 0, dedup_forgotten 0, identified 19, identity_conflicts 0
cs-ingest: --identities dup.ndjson:2: X@Y.com is also the customer A's, on an earlier line
cs-ingest: --identities noid.ndjson:1: a customer line needs "id" (a string or a number)
cs-ingest: --identities badphone.ndjson:1: "phone" 'call me' is not a phone number
cs-ingest: --identities missing.ndjson: No such file or directory
cs-ingest: --identities nulid.ndjson:1: "id" holds U+0000, which no id may
--- exit
0
