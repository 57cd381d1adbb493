# A pipeline can run cs-qa twice (cs-schema(7)): the second pass gives the
# same stream. Its alert records come in again after their conversation; the
# second pass writes each anew (same id) and leaves the old one out, counted
# as alerts_replaced, instead of writing every alert twice. An alert record
# of another id or another source still passes through, and with --alerts
# inline (no alert records written) so do the old ones.
--- cmd
printf '%s\n' '{"kind":"conversation","id":"c9","customer":{"id":"u1"},"channel":"chat","messages":[{"id":"1","role":"customer","text":"If this is not fixed I will take legal action."}]}' > legal.ndjson
cs-qa legal.ndjson > once.ndjson
cs-qa --stats once.ndjson > twice.ndjson
cmp once.ndjson twice.ndjson && echo "the same stream"
jq -c '[.kind, .id]' twice.ndjson
printf '%s\n' '{"kind":"alert","id":"a-068efc444c5d154c","source":"cs-signals"}' '{"kind":"alert","id":"a-0000000000000000","source":"cs-qa"}' >> once.ndjson
cs-qa once.ndjson | jq -c '[.kind, .id, .source]'
cs-qa --alerts inline legal.ndjson once.ndjson | jq -c '[.kind, .id]'
--- stdout
the same stream
["conversation","c9"]
["alert","a-068efc444c5d154c"]
["conversation","c9",null]
["alert","a-068efc444c5d154c","cs-qa"]
["alert","a-068efc444c5d154c","cs-signals"]
["alert","a-0000000000000000","cs-qa"]
["conversation","c9"]
["conversation","c9"]
["alert","a-068efc444c5d154c"]
["alert","a-068efc444c5d154c"]
["alert","a-0000000000000000"]
--- stderr
cs-qa: stats: read 2, written 2, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 1, messages_scored 1, texts 0, passed_through 0, auto_failed 0, alerts 1, alerts_replaced 1, regex_limit_hits 0
--- exit
0
