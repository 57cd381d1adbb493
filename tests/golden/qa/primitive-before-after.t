# before: passages before the named rule's first hit (the same message counts, up to
# the hit); after: passages after it, within_turns of the condition's roles; a rule
# with no hit puts no limit on before and leaves nothing after.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "rules": {"action": {"role": "agent", "any": ["refund", "退款"]},
           "complaint": {"role": "customer", "any": ["broken", "坏了"]}},
 "items": [
  {"id": "verify_first", "weight": 1, "applies_when": "action", "pass": {"role": "agent", "any": ["verified", "核实"], "before": "action"}},
  {"id": "apology_next_turn", "weight": 1, "applies_when": "complaint", "pass": {"role": "agent", "any": ["sorry", "抱歉"], "after": "complaint", "within_turns": 1}},
  {"id": "thanks_after_action", "weight": 1, "pass": {"role": "customer", "any": ["thanks", "谢谢"], "after": "action"}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .applicable, .passed, (.evidence | map([.message_id, .text]))]]]'
--- stdin
{"kind":"conversation","id":"verified-in-same-message","messages":[{"id":"1","role":"customer","text":"It arrived broken. Thanks anyway"},{"id":"2","role":"agent","text":"Sorry! I verified your account and issued a refund."},{"id":"3","role":"customer","text":"thanks"}]}
{"kind":"conversation","id":"verified-too-late","messages":[{"id":"1","role":"customer","text":"it is broken"},{"id":"2","role":"agent","text":"Let me look."},{"id":"3","role":"agent","text":"Sorry. Refund done; I verified it after."}]}
{"kind":"conversation","id":"zh","messages":[{"id":"1","role":"customer","text":"东西坏了"},{"id":"2","role":"agent","text":"非常抱歉，我先核实一下。"},{"id":"3","role":"agent","text":"已为您退款"},{"id":"4","role":"customer","text":"谢谢"}]}
{"kind":"conversation","id":"no-action","messages":[{"id":"1","role":"customer","text":"thanks"}]}
--- stdout
["verified-in-same-message",[["verify_first",true,true,[["2","verified"]]],["apology_next_turn",true,true,[["2","Sorry"]]],["thanks_after_action",true,true,[["3","thanks"]]]]]
["verified-too-late",[["verify_first",true,false,[["3","Refund"]]],["apology_next_turn",true,false,[["1","broken"]]],["thanks_after_action",true,false,[]]]]
["zh",[["verify_first",true,true,[["2","核实"]]],["apology_next_turn",true,true,[["2","抱歉"]]],["thanks_after_action",true,true,[["4","谢谢"]]]]]
["no-action",[["verify_first",false,null,[]],["apology_next_turn",false,null,[]],["thanks_after_action",true,false,[]]]]
--- stderr
--- exit
0
