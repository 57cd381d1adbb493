# A waiting conversation's place counts every conversation ahead of it in
# its queue (higher priority first, then arrival), whichever filter sent
# them there: a VIP sent to "general" by a filter of its own is ahead of
# the conversations the default targets put in "general" (both said place
# 1, and the third place 2).
--- cmd
printf '%s\n' '{"version":1,"filters":[{"name":"hi","when":{"tags":"vip"},"targets":[{"queue":"general","priority":3}]}]}' > pp.json
printf '%s\n' '{"id":"g1","queues":["general"],"channels":{"email":1},"load":{"email":1}}' > ag.ndjson
printf '%s\n' \
 '{"kind":"conversation","id":"e1","channel":"email","started":"2026-03-02T10:00:00Z","messages":[{"role":"customer","text":"hello"}]}' \
 '{"kind":"conversation","id":"e2","channel":"email","tags":["vip"],"started":"2026-03-02T10:01:00Z","messages":[{"role":"customer","text":"hello"}]}' \
 '{"kind":"conversation","id":"e3","channel":"email","started":"2026-03-02T10:02:00Z","messages":[{"role":"customer","text":"hello"}]}' \
 '{"kind":"conversation","id":"e4","channel":"email","tags":["vip"],"started":"2026-03-02T10:03:00Z","messages":[{"role":"customer","text":"hello"}]}' > in.ndjson
cs-route -q -p pp.json --agents ag.ndjson in.ndjson | jq -c '[.id, .route.priority, .route.position]'
--- stdout
["e1",0,1]
["e2",3,1]
["e3",0,3]
["e4",3,2]
--- stderr
--- exit
0
