# A rule that does not hold has no hit, whatever partial evidence it keeps:
# after a rule that does not hold nothing is in scope and the condition is
# false, for none and channel too (a none over nothing held, so every
# conversation without a refund failed "confirmed the refund"); before it there
# is no limit. (The anchor used to come from a false count_at_least's one hit
# and from the "refund" inside a not.)
--- cmd
cat > card.json <<'CARD'
{"rules": {"asked_twice": {"role": "customer", "any": ["refund"], "count_at_least": 2},
           "no_refund": {"not": {"any": ["refund"]}},
           "refund_asked": {"role": "customer", "any": ["refund"]}},
 "items": [{"id": "delta_after_asked_twice", "weight": 1, "pass": {"any": ["delta"], "after": "asked_twice"}},
           {"id": "delta_before_no_refund", "weight": 1, "pass": {"any": ["delta"], "before": "no_refund"}},
           {"id": "confirm_refund", "weight": 1, "fail": {"role": "agent", "after": "refund_asked", "none": ["refund is on its way"]}},
           {"id": "chat_after_refund", "weight": 1, "pass": {"channel": "chat", "after": "refund_asked"}}]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed]]]'
--- stdin
{"kind":"conversation","id":"one-refund","channel":"chat","messages":[{"id":"m1","role":"customer","text":"alpha"},{"id":"m2","role":"agent","text":"beta"},{"id":"m3","role":"customer","text":"I want a refund"},{"id":"m4","role":"agent","text":"delta"}]}
{"kind":"conversation","id":"no-refund-asked","channel":"chat","messages":[{"id":"m1","role":"customer","text":"where is my parcel? delta"},{"id":"m2","role":"agent","text":"It ships tomorrow."}]}
{"kind":"conversation","id":"asked-twice-confirmed","channel":"chat","messages":[{"id":"m1","role":"customer","text":"refund please"},{"id":"m2","role":"customer","text":"a refund!"},{"id":"m3","role":"agent","text":"delta: your refund is on its way"}]}
--- stdout
["one-refund",[["delta_after_asked_twice",false],["delta_before_no_refund",true],["confirm_refund",false],["chat_after_refund",true]]]
["no-refund-asked",[["delta_after_asked_twice",false],["delta_before_no_refund",true],["confirm_refund",true],["chat_after_refund",false]]]
["asked-twice-confirmed",[["delta_after_asked_twice",true],["delta_before_no_refund",true],["confirm_refund",true],["chat_after_refund",true]]]
--- stderr
--- exit
0
