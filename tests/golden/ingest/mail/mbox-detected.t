# The same mbox without --format: recognized by its From lines, grouped into
# one conversation record per thread (-g 2h: Carol gets her answer an hour
# later).
--- cmd
o=$PWD; cd "$REPO" && cs-ingest -g 2h tests/data/mail/support.mbox > "$o/out.ndjson"; s=$?; jq -c "{id, customer: .customer.id, subject, message_count, roles: [.messages[].role]}" "$o/out.ndjson"; exit $s
--- stdout
{"id":"m1.li@example.com","customer":"li.wei@example.com","subject":"订单 88213 not received","message_count":4,"roles":["customer","agent","customer","system"]}
{"id":"m5.bob@example.net","customer":"bob@example.net","subject":"Refund for order 88107?","message_count":3,"roles":["customer","agent","system"]}
{"id":"m7.carol@example.org","customer":"carol@example.org","subject":"Invoice question","message_count":2,"roles":["customer","agent"]}
--- stderr
--- exit
0
