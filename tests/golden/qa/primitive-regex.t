# A regex matches the normalized (case folded) text; not_regex leaves out the messages
# it matches; a list of regexes matches when one does, its evidence the leftmost match of
# any, as one pattern of alternatives gives (吗？ rather than the first pattern's ？).
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "items": [
  {"id": "order_number", "weight": 1, "pass": {"role": "agent", "regex": "order #?\\d{5}"}},
  {"id": "question_not_closing", "weight": 1, "pass": {"role": "agent", "regex": ["\\?$", "吗[?？]?$"], "not_regex": "anything else"}},
  {"id": "ticket_ref", "weight": 1, "pass": {"regex": "(?:rf|t)-\\d+"}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed, (.evidence | map([.message_id, .span, .text]))]]]'
--- stdin
{"kind":"conversation","id":"c1","messages":[{"id":"1","role":"agent","text":"I found ORDER #55120. Anything else?"},{"id":"2","role":"agent","text":"Ticket RF-77 is open. Does that help?"}]}
{"kind":"conversation","id":"c2","messages":[{"id":"1","role":"agent","text":"还有问题吗？"},{"id":"2","role":"agent","text":"Anything else?"}]}
--- stdout
["c1",[["order_number",true,[["1",[8,20],"ORDER #55120"]]],["question_not_closing",true,[["2",[36,37],"?"]]],["ticket_ref",true,[["2",[7,12],"RF-77"]]]]]
["c2",[["order_number",false,[]],["question_not_closing",true,[["1",[4,6],"吗？"]]],["ticket_ref",false,[]]]]
--- stderr
--- exit
0
