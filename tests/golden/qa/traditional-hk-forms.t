# Hong Kong's standard forms, which OpenCC's Traditional writes too (爲, 裏, 説,
# 衞, 牀 for 為, 裡, 說, 衛, 床), read as Simplified as the Taiwan forms do, so
# a scorecard's phrases and patterns in Simplified match a message in any of
# the three. Before, neither Unihan's simplified forms nor NTUSD mapped them,
# and the Hong Kong message matched none of the four items.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "items": [
  {"id": "why", "weight": 1, "pass": {"any": ["为什么"]}},
  {"id": "here", "weight": 1, "pass": {"any": ["这里"]}},
  {"id": "explain", "weight": 1, "pass": {"regex": "说(明|清楚)"}},
  {"id": "hygiene", "weight": 1, "pass": {"any": ["卫生", "床单"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, [.qa.items[] | [.id, .passed, (.evidence | map(.text))]]]'
--- stdin
{"kind":"conversation","id":"hk","messages":[{"id":"1","role":"customer","text":"爲什麼這裏冇説明？衞生好差，牀單都唔換"}]}
{"kind":"conversation","id":"tw","messages":[{"id":"1","role":"customer","text":"為什麼這裡沒說明？衛生很差，床單都沒換"}]}
{"kind":"conversation","id":"cn","messages":[{"id":"1","role":"customer","text":"为什么这里没说明？卫生很差，床单都没换"}]}
--- stdout
["hk",[["why",true,["爲什麼"]],["here",true,["這裏"]],["explain",true,["説明"]],["hygiene",true,["衞生"]]]]
["tw",[["why",true,["為什麼"]],["here",true,["這裡"]],["explain",true,["說明"]],["hygiene",true,["衛生"]]]]
["cn",[["why",true,["为什么"]],["here",true,["这里"]],["explain",true,["说明"]],["hygiene",true,["卫生"]]]]
--- stderr
--- exit
0
