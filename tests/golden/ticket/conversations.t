# Filter mode: a conversation creates its ticket on first sight (id "T-" and
# a hash of the conversation id, or its own ticket_id) and passes on with a
# "ticket" field, the rest of the record byte for byte (key order, escapes,
# a big integer id); other records pass through untouched. Reading the same
# file again appends nothing and writes the same records; a later version of
# a conversation appends only its new messages. An agent's public reply opens
# a new ticket, an internal note does not; system messages make no event.
--- cmd
cat > day1.ndjson <<'IN'
{"kind":"conversation","id":"c-1","channel":"chat","customer":{"id":"cust-42","tier":"gold"},"started":"2026-03-02T01:00:05Z","messages":[{"kind":"message","id":"m-1","ts":"2026-03-02T01:00:05Z","role":"customer","text":"Where is my order #88213?\nIt was due Monday."},{"kind":"message","id":"m-2","ts":"2026-03-02T01:02:02Z","role":"agent","author":"agent-9","text":"It will arrive this afternoon."}],"tags":["delivery"],"group":"orders"}
{"kind":"message","id":7262094405921456001,"text":"caf\u00e9 \"quoted\"","n":1.50}
{"kind":"conversation","id":7262094405921456001,"subject":"Refund","priority":"high","messages":[{"id":"a","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I want a refund"},{"id":"b","ts":"2026-03-02T02:01:00Z","role":"system","text":"assigned"},{"id":"c","ts":"2026-03-02T02:03:00Z","role":"agent","internal":true,"text":"check the order"}],"x":{"keep":[1,2.0e3]}}
{"kind":"conversation","id":"c-3","ticket_id":"ZD-500","channel":"email","messages":[{"id":"e1","ts":"2026-03-02T03:00:00.250Z","role":"customer","text":"Invoice VAT"}]}
{"kind":"event","id":"e-9","ts":"2026-03-02T01:04:00Z","type":"page_view"}
IN
cs-ticket --db t.db day1.ndjson > out1.ndjson; echo "exit $?"
cat out1.ndjson
cs-ticket --db t.db day1.ndjson | cmp - out1.ndjson && echo "read again: the same records"
sqlite3 t.db 'SELECT count(*) FROM event'
cat > day2.ndjson <<'IN'
{"kind":"conversation","id":"c-1","channel":"chat","customer":{"id":"cust-42","tier":"gold"},"started":"2026-03-02T01:00:05Z","messages":[{"kind":"message","id":"m-1","ts":"2026-03-02T01:00:05Z","role":"customer","text":"Where is my order #88213?\nIt was due Monday."},{"kind":"message","id":"m-2","ts":"2026-03-02T01:02:02Z","role":"agent","author":"agent-9","text":"It will arrive this afternoon."},{"kind":"message","id":"m-3","ts":"2026-03-02T05:00:00Z","role":"customer","text":"Thanks!"}],"tags":["delivery","late"],"group":"billing","status":"solved"}
IN
cs-ticket --db t.db --stats day2.ndjson | jq -c .ticket
sqlite3 t.db 'SELECT count(*) FROM event'
cs-ticket export --db t.db
--- stdout
exit 0
{"kind":"conversation","id":"c-1","channel":"chat","customer":{"id":"cust-42","tier":"gold"},"started":"2026-03-02T01:00:05Z","messages":[{"kind":"message","id":"m-1","ts":"2026-03-02T01:00:05Z","role":"customer","text":"Where is my order #88213?\nIt was due Monday."},{"kind":"message","id":"m-2","ts":"2026-03-02T01:02:02Z","role":"agent","author":"agent-9","text":"It will arrive this afternoon."}],"tags":["delivery"],"group":"orders","ticket":{"id":"T-dbd15cee6183","status":"open","priority":"normal","group":"orders","created":"2026-03-02T01:00:05Z","updated":"2026-03-02T01:02:02Z"}}
{"kind":"message","id":7262094405921456001,"text":"caf\u00e9 \"quoted\"","n":1.50}
{"kind":"conversation","id":7262094405921456001,"subject":"Refund","priority":"high","messages":[{"id":"a","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I want a refund"},{"id":"b","ts":"2026-03-02T02:01:00Z","role":"system","text":"assigned"},{"id":"c","ts":"2026-03-02T02:03:00Z","role":"agent","internal":true,"text":"check the order"}],"x":{"keep":[1,2.0e3]},"ticket":{"id":"T-e4c987f36309","status":"new","priority":"high","created":"2026-03-02T02:00:00Z","updated":"2026-03-02T02:03:00Z"}}
{"kind":"conversation","id":"c-3","ticket_id":"ZD-500","channel":"email","messages":[{"id":"e1","ts":"2026-03-02T03:00:00.250Z","role":"customer","text":"Invoice VAT"}],"ticket":{"id":"ZD-500","status":"new","priority":"normal","created":"2026-03-02T03:00:00.250Z","updated":"2026-03-02T03:00:00.250Z"}}
{"kind":"event","id":"e-9","ts":"2026-03-02T01:04:00Z","type":"page_view"}
read again: the same records
9
{"id":"T-dbd15cee6183","status":"open","priority":"normal","group":"orders","created":"2026-03-02T01:00:05Z","updated":"2026-03-02T05:00:00Z"}
10
{"kind":"ticket","id":"T-dbd15cee6183","conversation_id":"c-1","customer":{"id":"cust-42","tier":"gold"},"subject":"Where is my order #88213?","status":"open","priority":"normal","group":"orders","channel":"chat","tags":["delivery"],"created":"2026-03-02T01:00:05Z","updated":"2026-03-02T05:00:00Z","history":[{"ts":"2026-03-02T01:02:02Z","actor":"agent-9","action":"status","from":"new","to":"open"}]}
{"kind":"ticket","id":"T-e4c987f36309","conversation_id":"7262094405921456001","subject":"Refund","status":"new","priority":"high","created":"2026-03-02T02:00:00Z","updated":"2026-03-02T02:03:00Z","history":[]}
{"kind":"ticket","id":"ZD-500","conversation_id":"c-3","subject":"Invoice VAT","status":"new","priority":"normal","channel":"email","created":"2026-03-02T03:00:00.250Z","updated":"2026-03-02T03:00:00.250Z","history":[]}
--- stderr
cs-ticket: stats: read 1, written 1, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 1, ticket_updates 0, tickets_created 0, follow_ups 0, messages_added 1, messages_seen 2, changes 0, changes_seen 0, assigned 0, passed_through 0, priority_unknown 0
--- exit
0
