# --select keeps matching records and drops (and counts) the rest; --where works
# on matching records and passes the rest through unchanged. Both see the record
# as cs-ingest writes it: after --map, with its kind.
--- cmd
cs-ingest --messages --map 'channel=src' --select '.channel != "spam"' --where '.kind == "message" and (.text | test("refund"; "i"))' --stats -
--- stdin
{"id":"1","conversation_id":"k","src":"chat","text":"Refund please"}
{"id":"2","conversation_id":"k","src":"spam","text":"refund spam"}
{"id":"3","conversation_id":"k","src":"chat","text":"thanks"}
{"kind":"event","name":"page"}
--- stdout
{"kind":"message","id":"1","conversation_id":"k","text":"Refund please","channel":"chat"}
{"kind":"message","id":"3","conversation_id":"k","text":"thanks","channel":"chat"}
{"kind":"event","name":"page"}
--- stderr
cs-ingest: stats: read 4, written 3, blank 0, rejected 0, skipped 2, dropped 1, replaced 0, inputs_failed 0, stopped 0, messages 1, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
0
