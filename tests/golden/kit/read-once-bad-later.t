# A record an engine takes into a batch and finds bad when the batch is worked
# on (cs-qa: messages that are not objects; cs-answer build: an entry with no
# text; cs-route: an agent record with an unknown status) is read once: "read"
# counts it once, "rejected" once. It was counted twice, so read was one more
# than the records in the file.
--- cmd
printf '%s\n' '{"kind":"conversation","id":"a","messages":[]}' '{"kind":"conversation","id":"c","messages":[1,2]}' '{"kind":"conversation","id":"e","messages":[{"role":"customer","text":"hi"}]}' > m3.ndjson
cs-qa -s --skip-bad --stats=json m3.ndjson 2>&1 >/dev/null | grep "^{" | jq -c "{read, written, rejected}"
printf '%s\n' '{"id":"a","question":"Where is my order?","answer":"Track it."}' '{"id":"b"}' > kb.ndjson
cs-answer build --kb kb.db --skip-bad --stats=json kb.ndjson 2>&1 >/dev/null | grep "^{" | jq -c "{read, written, rejected}"
printf '%s\n' '{"kind":"agent","id":"x","status":"gone"}' '{"kind":"agent","id":"y"}' | cs-route --skip-bad --stats=json 2>&1 >/dev/null | grep "^{" | jq -c "{read, written, rejected}"
--- stdout
{"read":3,"written":2,"rejected":1}
{"read":2,"written":1,"rejected":1}
{"read":2,"written":1,"rejected":1}
--- stderr
--- exit
0
