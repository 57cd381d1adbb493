# Real data: the Schema-Guided Dialogue test files (../shared) read as they are,
# as a JSON array (dialogues_001.json) and one dialogue a line (the .ndjson),
# detected by content: the same 4470 messages in 384 conversations, USER turns
# the customer's, intents kept.
--- requires
../shared/data/sgd_sample/test/dialogues_001-003.ndjson
../shared/data/sgd_sample/test/dialogues_001.json
--- cmd
cs-ingest --stats=json "$SHARED/sgd_sample/test/dialogues_001-003.ndjson" > a.ndjson
cs-ingest -m "$SHARED/sgd_sample/test/dialogues_001.json" | head -n 1 | jq -c 'del(.source.file)'
jq -r '[.id, .message_count, .messages[0].role] | @tsv' a.ndjson | head -n 3
--- stdout
{"kind":"message","id":"0","conversation_id":"1_00000","channel":"chat","role":"customer","text":"Hi, could you get me a restaurant booking on the 8th please?","intents":["ReserveRestaurant"],"source":{"format":"sgd","line":8,"id":"1_00000#0"}}
1_00000	14	customer
1_00001	12	customer
1_00002	8	customer
--- stderr
{"kind":"stats","program":"cs-ingest","read":4470,"written":384,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":4470,"conversations":384,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
