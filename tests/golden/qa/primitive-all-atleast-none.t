# "all" needs every phrase of a list somewhere in scope, "at_least"/"of" that many
# different ones, "none" that none occurs (and shows the ones that did).
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t", "phrases": {"steps": ["restart", "update", "reinstall"]},
 "items": [
  {"id": "all_steps", "weight": 1, "pass": {"role": "agent", "all": "@steps"}},
  {"id": "two_steps", "weight": 1, "pass": {"role": "agent", "at_least": 2, "of": "@steps"}},
  {"id": "no_blame", "weight": 1, "pass": {"role": "agent", "none": ["your fault", "你的问题"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, .qa.score, [.qa.items[] | [.id, .passed, (.evidence | map(.text))]]]'
--- stdin
{"kind":"conversation","id":"c1","messages":[{"id":"1","role":"agent","text":"Please restart the app."},{"id":"2","role":"agent","text":"Then update it and, if needed, reinstall. Restart again."}]}
{"kind":"conversation","id":"c2","messages":[{"id":"1","role":"agent","text":"Restart it. It is your fault."},{"id":"2","role":"customer","text":"update? reinstall?"}]}
{"kind":"conversation","id":"c3","messages":[{"id":"1","role":"agent","text":"这是你的问题，先 update 再 restart"}]}
--- stdout
["c1",100,[["all_steps",true,["restart","update","reinstall"]],["two_steps",true,["restart","update","reinstall"]],["no_blame",true,[]]]]
["c2",0,[["all_steps",false,["Restart"]],["two_steps",false,["Restart"]],["no_blame",false,["your fault"]]]]
["c3",33.3,[["all_steps",false,["update","restart"]],["two_steps",true,["update","restart"]],["no_blame",false,["你的问题"]]]]
--- stderr
--- exit
0
