# Real data: the ABCD customer-service chats (../shared), agent actions as
# system messages, through cs-ingest: conversations taken apart and grouped
# again by customer and channel (their ids dropped), each kept whole and in
# order. One customer has no username: the name stands in.
--- requires
../shared/data/abcd_sample/abcd_sample.json
--- cmd
jq -c '.[] | {kind: "conversation", id: (.convo_id | tostring), channel: "chat", customer: {id: (.scenario.personal.username // .scenario.personal.customer_name)}, messages: [.convo_id as $c | .original | to_entries[] | {kind: "message", id: "\($c)-\(.key)", role: (if .value[0] == "action" then "system" else .value[0] end), text: .value[1]}]}' "$SHARED/abcd_sample/abcd_sample.json" > conv.ndjson
cs-ingest --messages conv.ndjson | jq -c 'del(.conversation_id)' | cs-ingest --stats - | jq -c '{customer: .customer.id, message_count, first: .messages[0].id, last: .messages[-1].id, roles: ([.messages[].role] | group_by(.) | map({(.[0]): length}) | add)}'
--- stdout
{"customer":"cminh730","message_count":29,"first":"3592-0","last":"3592-28","roles":{"agent":12,"customer":13,"system":4}}
{"customer":"aphoenix939","message_count":21,"first":"9489-0","last":"9489-20","roles":{"agent":9,"customer":10,"system":2}}
{"customer":"joyce wu","message_count":22,"first":"3695-0","last":"3695-21","roles":{"agent":11,"customer":8,"system":3}}
--- stderr
cs-ingest: stats: read 72, written 3, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 72, conversations 3, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
0
