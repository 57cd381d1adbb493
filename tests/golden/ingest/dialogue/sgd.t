# Dialogue datasets: Schema-Guided Dialogue (a JSON array of dialogues) and
# MultiWOZ 2.0's data.json, detected by content; USER turns are the
# customer's, SYSTEM turns the agent's, the dialogue id the conversation and
# the turn number the message id, intents kept. Damage: a file cut short is
# named with its line and the rest not read; a dialogue without turns is a
# bad record, counted with --skip-bad.
--- cmd
cat > dialogues_007.json <<'X'
[
  {"dialogue_id": "7_00012", "services": ["Banks_1"], "turns": [
    {"speaker": "USER", "utterance": "I want to move $300 to my savings account.", "frames": [{"service": "Banks_1", "state": {"active_intent": "TransferMoney"}}]},
    {"speaker": "SYSTEM", "utterance": "From checking, is that right?", "frames": []},
    {"speaker": "USER", "utterance": "Yes, from checking.", "frames": [{"service": "Banks_1", "state": {"active_intent": "TransferMoney"}}]},
    {"speaker": "SYSTEM", "utterance": "Done. Your transfer went through.", "frames": []}
  ]},
  {"dialogue_id": "7_00013", "services": ["Banks_1"], "turns": [
    {"speaker": "USER", "utterance": "What's my balance?", "frames": [{"service": "Banks_1", "state": {"active_intent": "CheckBalance"}}]},
    {"speaker": "SYSTEM", "utterance": "Your checking balance is $1,204.", "frames": []}
  ]}
]
X
cat > data.json <<'X'
{"PMUL0698.json": {"goal": {}, "log": [
  {"text": "I need a cheap hotel in the north.", "metadata": {}},
  {"text": "The Worth House is cheap and in the north. Shall I book it?", "metadata": {"hotel": {}}}
]}}
X
cs-ingest dialogues_007.json | jq -c '{id, message_count, turns: [.messages[] | [.id, .role, (.intents // [] | join(","))]]}'
cs-ingest -m data.json | jq -c '[.conversation_id, .id, .role, .source.format]'
head -c 400 dialogues_007.json > cut.json
cs-ingest -f sgd -m cut.json; echo "exit $?"
printf '[{"dialogue_id":"1_1","turns":[{"speaker":"USER","utterance":"hello"}]},{"dialogue_id":"1_2"}]\n' > noturns.json
cs-ingest -f sgd -m --skip-bad noturns.json | jq -c '[.conversation_id, .text]'
--- stdin
--- stdout
{"id":"7_00012","message_count":4,"turns":[["0","customer","TransferMoney"],["1","agent",""],["2","customer","TransferMoney"],["3","agent",""]]}
{"id":"7_00013","message_count":2,"turns":[["0","customer","CheckBalance"],["1","agent",""]]}
["PMUL0698.json","0","customer","sgd"]
["PMUL0698.json","1","agent","sgd"]
exit 1
["1_1","hello"]
--- stderr
cs-ingest: cut.json:5: invalid JSON: expected ':' (the rest of the file is not read)
cs-ingest: noturns.json:1: a dialogue without "dialogue_id" and "turns"
cs-ingest: 1 bad record left out
--- exit
0
