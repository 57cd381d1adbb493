# --alerts inline lists alerts in qa.alerts only; --alerts only writes the alert
# records and nothing else (a nightly paging job).
--- cmd
tee in.ndjson | cs-qa --alerts inline --no-message-sentiment | jq -c '[.kind, .id, (.qa.alerts | length)]'
cs-qa --alerts only --no-message-sentiment in.ndjson | jq -c '[.kind, .type, .conversation_id]'
--- stdin
{"kind":"conversation","id":"regulator-en","channel":"chat","customer":{"id":"cust-regulator-en"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Fix this or I will report you to the consumer protection office and talk to my lawyer."},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I understand."}]}
{"kind":"conversation","id":"regulator-zh","channel":"chat","customer":{"id":"cust-regulator-zh"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"再不处理我就打12315投诉，还要曝光你们"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"非常抱歉"}]}
--- stdout
["conversation","regulator-en",1]
["conversation","regulator-zh",1]
["alert","qa.regulator_threat","regulator-en"]
["alert","qa.regulator_threat","regulator-zh"]
--- stderr
--- exit
0
