# Duplicate and grouping keys are length-prefixed: a channel "a\u001fb" and a
# channel "a" with conversation_id "b\u001f" are different messages, and
# customers "u\u001fx" on channel "y" and "u" on channel "x\u001fy" are different conversations.
--- cmd
cs-ingest --messages --stats - | jq -c '[.id, .conversation_id]'
--- stdin
{"kind":"message","id":"1","channel":"a\u001fb","customer":{"id":"u"}}
{"kind":"message","id":"1","channel":"a","conversation_id":"b\u001f"}
{"kind":"message","id":"2","channel":"y","customer":{"id":"u\u001fx"}}
{"kind":"message","id":"3","channel":"x\u001fy","customer":{"id":"u"}}
--- stdout
["1","c-b7adeb2df59f9e06"]
["1","b\u001f"]
["2","c-40fcb3bc8929d17e"]
["3","c-d18905abbdd3a373"]
--- stderr
cs-ingest: stats: read 4, written 4, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 4, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
0
