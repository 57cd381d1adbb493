# A conversation_id whose messages lie more than --gap apart in stream time
# comes out as two records with that id, whether or not another customer's
# message came in between (cs(7) SCALING OUT: a stream split by customer
# gives, part by part, what one run gives); with --gap 3h it is one record.
--- cmd
t1a='{"conversation_id":"T-1","id":"1","ts":"2026-03-02T10:00:00Z"}'
t2='{"conversation_id":"T-2","id":"1","ts":"2026-03-02T11:59:00Z"}'
t1b='{"conversation_id":"T-1","id":"2","ts":"2026-03-02T12:00:00Z"}'
echo alone; printf '%s\n' "$t1a" "$t1b" | cs-ingest | jq -c '[.id, .message_count]'
echo mixed; printf '%s\n' "$t1a" "$t2" "$t1b" | cs-ingest | jq -c '[.id, .message_count]'
echo 'mixed, -g 3h'; printf '%s\n' "$t1a" "$t2" "$t1b" | cs-ingest -g 3h | jq -c '[.id, .message_count]'
--- stdout
alone
["T-1",1]
["T-1",1]
mixed
["T-1",1]
["T-2",1]
["T-1",1]
mixed, -g 3h
["T-2",1]
["T-1",2]
--- stderr
--- exit
0
