# except_regex discounts only the hits of any or regex that overlap one of its
# matches, where not_regex leaves the whole message out: "do not refund"
# hides that "refund", while a second "refund" in the same message (c2) still
# passes, with the second one as evidence; a message whose every hit lies in
# an exception fails (c1); a regex hit is discounted the same way (c3, c4).
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "phrases": {"refund": ["refund"]},
 "items": [
  {"id": "offers_refund", "weight": 1, "pass": {"role": "agent", "any": "@refund", "except_regex": "(?:not|never|can't) (?:\\w+ )?refund"}},
  {"id": "says_sorry", "weight": 1, "pass": {"role": "agent", "regex": "\\bsorry\\b", "except_regex": ["not sorry", "没有.{0,2}抱歉"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed, (.evidence | map([.span, .text]))]]]'
--- stdin
{"kind":"conversation","id":"c1","messages":[{"id":"1","role":"agent","text":"We can't refund this order, I'm not sorry."}]}
{"kind":"conversation","id":"c2","messages":[{"id":"1","role":"agent","text":"We do not refund gift cards, but I can refund the shipping. Sorry."}]}
{"kind":"conversation","id":"c3","messages":[{"id":"1","role":"agent","text":"I'm not sorry about the policy, but sorry for the wait."}]}
{"kind":"conversation","id":"c4","messages":[{"id":"1","role":"agent","text":"Not sorry."}]}
--- stdout
["c1",[["offers_refund",false,[]],["says_sorry",false,[]]]]
["c2",[["offers_refund",true,[[[39,45],"refund"]]],["says_sorry",true,[[[60,65],"Sorry"]]]]]
["c3",[["offers_refund",false,[]],["says_sorry",true,[[[36,41],"sorry"]]]]]
["c4",[["offers_refund",false,[]],["says_sorry",false,[]]]]
--- stderr
--- exit
0
