# Message text is matched normalized, its Traditional Chinese read as
# Simplified (cs_t2s), and so are a scorecard's patterns: a regex written in
# Traditional (還款|退貨), with a class ([換换]貨) too, matches the text in
# either script, as a regex in Simplified does; a phrase in Traditional (發票)
# matches both too. Evidence is the text as written. The regexes matched
# neither script before: the pattern kept 還 where the text had 还.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "items": [
  {"id": "repay_trad", "weight": 1, "pass": {"regex": "還款|退貨"}},
  {"id": "repay_simp", "weight": 1, "pass": {"regex": "还款|退货"}},
  {"id": "exchange", "weight": 1, "pass": {"regex": "[換换]貨"}},
  {"id": "invoice", "weight": 1, "pass": {"any": ["發票"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed, (.evidence | map(.text))]]]'
--- stdin
{"kind":"conversation","id":"trad","messages":[{"id":"1","role":"customer","text":"我要申請還款，發票在哪裡？也想換貨"}]}
{"kind":"conversation","id":"simp","messages":[{"id":"1","role":"customer","text":"我要申请还款，发票在哪里？也想换货"}]}
--- stdout
["trad",[["repay_trad",true,["還款"]],["repay_simp",true,["還款"]],["exchange",true,["換貨"]],["invoice",true,["發票"]]]]
["simp",[["repay_trad",true,["还款"]],["repay_simp",true,["还款"]],["exchange",true,["换货"]],["invoice",true,["发票"]]]]
--- stderr
--- exit
0
