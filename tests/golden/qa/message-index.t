# A message without an id (a helpdesk CSV read with a mapping gives such
# messages) is named by its place in the conversation's "messages", from 0:
# "message_index" where a message with an id has "message_id" (evidence,
# alert evidence, emotions, cs-qa mine's examples, read back from
# --partial), "index" where it has "id" (qa.sentiment.messages). Every
# id-less message used to be "", so evidence could not say which it meant.
# An empty id counts as none; messages with ids are named as before.
--- cmd
cs-qa >scored.ndjson
jq -c 'if .kind == "alert" then [.type, .evidence] else [.id, .qa.sentiment.messages, .qa.sentiment.emotions, ([.qa.items[].evidence[]] | unique)] end' scored.ndjson
cs-qa mine --min-count 1 --negative-at 1 --top 2 scored.ndjson | jq -c '[.term, .example]'
cs-qa mine --partial scored.ndjson | cs-qa mine --min-count 1 --negative-at 1 --top 2 | jq -c '[.term, .example]'
--- stdin
{"kind":"conversation","id":"T-500","channel":"email","started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:03:00Z","messages":[{"ts":"2026-03-02T01:00:00Z","role":"customer","text":"My invoice is wrong, I will report you to the regulator."},{"id":"","ts":"2026-03-02T01:03:00Z","role":"agent","text":"Hello, sorry, I have fixed it."}]}
{"kind":"conversation","id":"c-2","channel":"chat","messages":[{"id":"m-1","role":"customer","text":"Thank you, great help!"},{"role":"agent","text":"Glad to help."}]}
--- stdout
["T-500",[{"index":0,"compound":-0.4767,"label":"negative"},{"index":1,"compound":-0.0772,"label":"negative"}],[],[{"message_index":1,"ts":"2026-03-02T01:03:00Z","span":[0,5],"text":"Hello"},{"message_index":1,"ts":"2026-03-02T01:03:00Z","span":[0,30],"text":"Hello, sorry, I have fixed it."}]]
["qa.regulator_threat",[{"conversation_id":"T-500","message_index":0,"ts":"2026-03-02T01:00:00Z","span":[28,41],"text":"report you to"},{"conversation_id":"T-500","message_index":0,"ts":"2026-03-02T01:00:00Z","span":[28,55],"text":"report you to the regulator"}]]
["c-2",[{"id":"m-1","compound":0.8622,"label":"positive"},{"index":1,"compound":0.6908,"label":"positive"}],[{"emotion":"satisfaction","message_id":"m-1","role":"customer","words":["Thank you","great"]},{"emotion":"satisfaction","message_index":1,"role":"agent","words":["Glad"]}],[{"message_index":1,"span":[0,13],"text":"Glad to help."}]]
["the regulator",{"conversation_id":"T-500","message_index":0}]
["will report",{"conversation_id":"T-500","message_index":0}]
["the regulator",{"conversation_id":"T-500","message_index":0}]
["will report",{"conversation_id":"T-500","message_index":0}]
--- stderr
--- exit
0
