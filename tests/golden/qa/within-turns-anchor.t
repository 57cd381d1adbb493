# within_turns counts the messages after the one that holds the after
# rule's hit: when both are the agent's, the rest of the anchor message is
# in scope but is no turn of its own, so within_turns 1 reaches the agent's
# next message (it used up the one turn on the anchor and never did).
--- cmd
printf '%s\n' '{"kind":"conversation","id":"b1","messages":[{"id":"m1","role":"customer","text":"I want a refund"},{"id":"m2","role":"agent","text":"I have issued the refund."},{"id":"m3","role":"agent","text":"Anything else? Goodbye"},{"id":"m4","role":"agent","text":"Goodbye again"}]}' > conv.ndjson
cat > sc.json <<'X'
{"rules":{"refunded":{"role":"agent","any":["issued the refund"]}},
 "items":[{"id":"bye_next_turn","weight":1,"pass":{"role":"agent","any":["goodbye"],"after":"refunded","within_turns":1}},
          {"id":"same_message","weight":1,"pass":{"role":"agent","any":["the refund"],"after":"refunded","within_turns":1}},
          {"id":"third_turn","weight":1,"pass":{"role":"agent","any":["again"],"after":"refunded","within_turns":1}}]}
X
cs-qa -c sc.json --no-message-sentiment conv.ndjson | jq -c '[.qa.items[] | {id, passed, ev: [.evidence[].message_id]}]'
--- stdout
[{"id":"bye_next_turn","passed":true,"ev":["m3"]},{"id":"same_message","passed":true,"ev":["m2"]},{"id":"third_turn","passed":false,"ev":[]}]
--- stderr
--- exit
0
