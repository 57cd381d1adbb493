# Real data: the ABCD sample (../shared) read as it is: agent, customer and
# action turns, the customer from the scenario, the flow as tags.
--- requires
../shared/data/abcd_sample/abcd_sample.json
--- cmd
cs-ingest --stats=json -f abcd "$SHARED/abcd_sample/abcd_sample.json" | jq -c '{id, customer, tags, message_count, roles: ([.messages[].role] | group_by(.) | map({(.[0]): length}) | add)}'
--- stdout
{"id":"3592","customer":{"id":"cminh730","name":"crystal minh","email":"cminh730@email.com","phone":"(977) 625-2661","tier":"bronze"},"tags":["product_defect","return_size"],"message_count":29,"roles":{"agent":12,"customer":13,"system":4}}
{"id":"9489","customer":{"id":"aphoenix939","name":"alessandro phoenix","email":"aphoenix939@email.com","phone":"(727) 760-7806","tier":"gold"},"tags":["product_defect","refund_status"],"message_count":21,"roles":{"agent":9,"customer":10,"system":2}}
{"id":"3695","customer":{"name":"joyce wu","phone":"(859) 787-9085","tier":"bronze"},"tags":["storewide_query","timing_4"],"message_count":22,"roles":{"agent":11,"customer":8,"system":3}}
--- stderr
{"kind":"stats","program":"cs-ingest","read":72,"written":3,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":72,"conversations":3,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
