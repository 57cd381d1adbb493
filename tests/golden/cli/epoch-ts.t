# A message "ts" written as a JSON number (epoch seconds or milliseconds, as
# app SDKs and WeChat's CreateTime give it) is a time for every reader, as it
# is for cs-ingest and cs-ticket. cs-qa, cs-signals and cs-roi read only
# string times: s1's 10-minute first reply was not judged late, gave no
# long_wait, and cs-roi counted s1 and ms1 as never answered and as contained
# by the bot. An agent's reply with no time at all (u1) is still an answer
# for cs-roi: handled, not bot-contained, only its wait unknown.
--- cmd
cat > in.ndjson <<'X'
{"kind":"conversation","id":"s1","channel":"chat","customer":{"id":"x"},"route":{"tier":"bot"},"messages":[{"id":"1","role":"customer","ts":1772442000,"text":"where is my order"},{"id":"2","role":"agent","ts":1772442600,"text":"Hello, it ships today. Anything else?"}]}
{"kind":"conversation","id":"ms1","channel":"chat","customer":{"id":"y"},"route":{"tier":"bot"},"messages":[{"id":"1","role":"customer","ts":1772442000000,"text":"where is my order"},{"id":"2","role":"agent","ts":1772442030000,"text":"Hello, it ships today. Anything else?"}]}
{"kind":"conversation","id":"u1","channel":"chat","customer":{"id":"z"},"started":"2026-03-02T09:00:00Z","route":{"tier":"bot"},"messages":[{"id":"1","role":"customer","text":"where is my order"},{"id":"2","role":"agent","text":"Hello, it ships today. Anything else?"}]}
X
cs-qa in.ndjson | jq -c 'select(.kind=="conversation")|[.id, (.qa.items[]|select(.id=="responsiveness")|{applicable,passed})]'
cs-signals in.ndjson | jq -c 'select(.kind=="conversation")|[.id,.signals.types]'
cs-roi kpi --window month in.ndjson | jq -c '.window.from, (.counts|{contacts,handled,queued,answered,answered_within_target,bot_sessions,bot_contained}), .sums.wait_ms'
--- stdout
["s1",{"applicable":true,"passed":false}]
["ms1",{"applicable":true,"passed":true}]
["u1",{"applicable":false,"passed":null}]
["s1",["long_wait"]]
["ms1",[]]
["u1",[]]
"2026-03-01T00:00:00Z"
{"contacts":3,"handled":3,"queued":2,"answered":2,"answered_within_target":0,"bot_sessions":3,"bot_contained":0}
630000
--- stderr
--- exit
0
