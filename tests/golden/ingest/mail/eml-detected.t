# The .eml without --format, as a conversation record.
--- cmd
o=$PWD; cd "$REPO" && cs-ingest tests/data/mail/order.eml > "$o/out.ndjson"; s=$?; jq -c "{id, channel, customer, subject, message_count}" "$o/out.ndjson"; exit $s
--- stdout
{"id":"CAF4471.claire@example.fr","channel":"email","customer":{"id":"claire.dupont@example.fr","name":"Dupont, Claire","email":"claire.dupont@example.fr"},"subject":"ご注文について / commande 4471","message_count":1}
--- stderr
--- exit
0
