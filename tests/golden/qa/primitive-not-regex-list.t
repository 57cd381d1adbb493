# not_regex takes a list too: a message that any of its patterns matches is left out.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "items": [
  {"id": "open_question", "weight": 1, "pass": {"role": "agent", "regex": "[?？]$", "not_regex": ["anything else", "还有.{0,4}问题"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed, (.evidence | map([.message_id, .text]))]]]'
--- stdin
{"kind":"conversation","id":"c1","messages":[{"id":"1","role":"agent","text":"Anything else?"},{"id":"2","role":"agent","text":"还有其他问题吗？"}]}
{"kind":"conversation","id":"c2","messages":[{"id":"1","role":"agent","text":"Anything else?"},{"id":"2","role":"agent","text":"Which order is it?"}]}
--- stdout
["c1",[["open_question",false,[]]]]
["c2",[["open_question",true,[["2","?"]]]]]
--- stderr
--- exit
0
