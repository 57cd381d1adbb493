# Traditional text reads as Simplified through Unihan's simplified forms as
# well as NTUSD's: 帳戶 and 賬戶 are 账户, 註冊 注册, 貸款 贷款, so a scorecard
# phrase or regex written in Simplified (账户, 注册, 贷款) matches a message in
# either script, and the default scorecard's churn phrase 注销账户 raises its
# alert on 註銷帳戶. 帳 is read as 账 (accounts, as the shipped scorecard
# writes them), not as Unihan's 帐. Before, 註, 貸 and 賬 stayed as written and
# 帳 read as 帐, so the Traditional messages matched none of them.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "items": [
  {"id": "account", "weight": 1, "pass": {"any": ["账户"]}},
  {"id": "register", "weight": 1, "pass": {"any": ["注册"]}},
  {"id": "loan", "weight": 1, "pass": {"regex": "贷款"}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed, (.evidence | map(.text))]]]'
printf '%s\n' 我要註銷帳戶 我要註銷賬戶 我要注销账户 | jq -R -c '{kind: "conversation", id: ., messages: [{id: "1", role: "customer", text: .}]}' |
	cs-qa | jq -c 'select(.kind == "conversation") | [.id, [.qa.alerts[] | [.type, (.evidence | map(.text))]]]'
--- stdin
{"kind":"conversation","id":"tw","messages":[{"id":"1","role":"customer","text":"帳戶被凍結了，要重新註冊嗎？貸款怎麼辦"}]}
{"kind":"conversation","id":"hk","messages":[{"id":"1","role":"customer","text":"賬戶被凍結了，要重新註冊嗎？貸款怎麼辦"}]}
{"kind":"conversation","id":"cn","messages":[{"id":"1","role":"customer","text":"账户被冻结了，要重新注册吗？贷款怎么办"}]}
--- stdout
["tw",[["account",true,["帳戶"]],["register",true,["註冊"]],["loan",true,["貸款"]]]]
["hk",[["account",true,["賬戶"]],["register",true,["註冊"]],["loan",true,["貸款"]]]]
["cn",[["account",true,["账户"]],["register",true,["注册"]],["loan",true,["贷款"]]]]
["我要註銷帳戶",[["qa.churn_intent",["註銷帳戶","我要註銷帳戶"]]]]
["我要註銷賬戶",[["qa.churn_intent",["註銷賬戶","我要註銷賬戶"]]]]
["我要注销账户",[["qa.churn_intent",["注销账户","我要注销账户"]]]]
--- stderr
--- exit
0
