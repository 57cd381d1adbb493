# Real data: 384 Schema-Guided Dialogue test dialogues (../shared), made into
# cs conversations with jq, taken apart into messages and grouped again by
# cs-ingest. Turn numbers repeat in every dialogue and are no duplicates;
# the round trip gives the conversations back byte for byte.
--- requires
../shared/data/sgd_sample/test/dialogues_001-003.ndjson
--- cmd
jq -c '{kind: "conversation", id: .dialogue_id, channel: "chat", messages: [.turns | to_entries[] | {kind: "message", id: .key, role: (if .value.speaker == "USER" then "customer" else "agent" end), text: .value.text}]}' "$SHARED/sgd_sample/test/dialogues_001-003.ndjson" > conv.ndjson
cs-ingest --messages --stats=json conv.ndjson > msgs.ndjson
cs-ingest --stats=json msgs.ndjson | jq -c '{kind, id, channel, messages: [.messages[] | del(.conversation_id, .channel)]}' > back.ndjson
cmp conv.ndjson back.ndjson && echo "round trip: identical"
head -n 2 msgs.ndjson
--- stdout
round trip: identical
{"kind":"message","id":0,"role":"customer","text":"Hi, could you get me a restaurant booking on the 8th please?","conversation_id":"1_00000","channel":"chat"}
{"kind":"message","id":1,"role":"agent","text":"Any preference on the restaurant, location and time?","conversation_id":"1_00000","channel":"chat"}
--- stderr
{"kind":"stats","program":"cs-ingest","read":384,"written":4470,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":4470,"conversations":0,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
{"kind":"stats","program":"cs-ingest","read":4470,"written":384,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":4470,"conversations":384,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
