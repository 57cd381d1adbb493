# Dialogue datasets: ABCD chats (the train/dev/test object), detected by
# content: agent and customer turns keep their roles, action turns are
# system messages, the scenario's personal details make the customer and
# its flow and subflow the tags. Damage: a file cut short is named with its
# line; a turn that is not [speaker, text] and a chat without its id are bad
# records, counted with --skip-bad.
--- cmd
cat > abcd_part.json <<'X'
{"train": [{"convo_id": 5021, "scenario": {"personal": {"customer_name": "ana lopez", "email": "alopez17@email.com", "member_level": "gold", "phone": "(555) 201-7788", "username": "alopez17"}, "flow": "shipping_issue", "subflow": "status"},
  "original": [["agent", "Hi, how can I help you today?"], ["customer", "my order hasn't arrived"], ["action", "Account has been pulled up for Ana Lopez."], ["customer", "thanks"]]}],
 "dev": [], "test": []}
X
cs-ingest abcd_part.json | jq -c '{id, customer, tags, roles: [.messages[].role]}'
head -c 150 abcd_part.json > cut.json
cs-ingest -f abcd cut.json; echo "exit $?"
printf '{"train":[{"convo_id":1,"original":[["agent","hi"],["customer"]]},{"original":[]}]}' > bad.json
cs-ingest -f abcd -m --skip-bad bad.json | jq -c '[.conversation_id, .role, .text]'
--- stdin
--- stdout
{"id":"5021","customer":{"id":"alopez17","name":"ana lopez","email":"alopez17@email.com","phone":"(555) 201-7788","tier":"gold"},"tags":["shipping_issue","status"],"roles":["agent","customer","system","customer"]}
exit 1
["1","agent","hi"]
--- stderr
cs-ingest: cut.json:1: invalid JSON: expected a value (the rest of the file is not read)
cs-ingest: bad.json:1: a turn of conversation 1 is not [speaker, text]
cs-ingest: bad.json:1: a conversation without "convo_id" and "original"
cs-ingest: 2 bad records left out
--- exit
0
