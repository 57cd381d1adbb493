# Phrase lists match normalized text (full width, case) as whole words in English and
# anywhere in Chinese, only in the roles and turns a condition names; evidence spans
# count code points of the original text.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t", "phrases": {"hi": ["hello", "hi", "您好"]},
 "rules": {"agent": {"role": "agent"}},
 "items": [
  {"id": "agent_greets_first", "weight": 1, "applies_when": "agent", "pass": {"role": "agent", "first_turns": 1, "any": "@hi"}},
  {"id": "customer_greets", "weight": 1, "pass": {"role": "customer", "any": "@hi"}},
  {"id": "agent_last_turn_hi", "weight": 1, "applies_when": "agent", "pass": {"role": "agent", "last_turns": 1, "any": ["bye", "@hi"]}},
  {"id": "bot_or_agent", "weight": 1, "pass": {"role": ["bot", "agent"], "any": ["thanks"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, .qa.score, [.qa.items[] | [.id, .applicable, .passed, (.evidence | map([.message_id, .span, .text]))]]]'
--- stdin
{"kind":"conversation","id":"c1","messages":[{"id":"1","role":"customer","text":"this is Ishita"},{"id":"2","role":"agent","text":"ＨＥＬＬＯ！ How can I help?"},{"id":"3","role":"bot","text":"Thanks"}]}
{"kind":"conversation","id":"c2","messages":[{"id":"1","role":"customer","text":"您好，在吗"},{"id":"2","role":"agent","text":"请讲"},{"id":"3","role":"agent","text":"好的，您好"}]}
{"kind":"conversation","id":"c3","messages":[{"id":"1","role":"customer","text":"hi"}]}
--- stdout
["c1",75,[["agent_greets_first",true,true,[["2",[0,5],"ＨＥＬＬＯ"]]],["customer_greets",true,false,[]],["agent_last_turn_hi",true,true,[["2",[0,5],"ＨＥＬＬＯ"]]],["bot_or_agent",true,true,[["3",[0,6],"Thanks"]]]]]
["c2",50,[["agent_greets_first",true,false,[["2",[0,2],"请讲"],["3",[0,5],"好的，您好"]]],["customer_greets",true,true,[["1",[0,2],"您好"]]],["agent_last_turn_hi",true,true,[["3",[3,5],"您好"]]],["bot_or_agent",true,false,[]]]]
["c3",50,[["agent_greets_first",false,null,[]],["customer_greets",true,true,[["1",[0,2],"hi"]]],["agent_last_turn_hi",false,null,[]],["bot_or_agent",true,false,[]]]]
--- stderr
--- exit
0
