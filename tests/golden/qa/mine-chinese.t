# cs-qa mine on Chinese: character pairs and triples within runs of Han
# characters (no segmentation), a pair inside a listed triple with the same
# counts left out (投诉 in 要投诉), pairs with a glue character (我要) and
# numbers-only terms (20260302) not counted; --target low takes qa.score, not
# sentiment; a conversation without "qa" is left out with a notice. With
# --target negative the target set changes to c3 alone.
--- cmd
cat > s.ndjson <<'DATA'
{"kind":"conversation","id":"c1","qa":{"score":30,"sentiment":{"customer":{"mean":0.2}}},"messages":[{"id":"m1","role":"customer","text":"快递一直没到，我要投诉"},{"id":"m2","role":"agent","text":"非常抱歉给您带来不便"}]}
{"kind":"conversation","id":"c2","qa":{"score":45,"sentiment":{"customer":{"mean":0.1}}},"messages":[{"id":"m3","role":"customer","text":"我要投诉！订单 20260302 快递还没到"},{"id":"m4","role":"agent","text":"非常抱歉"}]}
{"kind":"conversation","id":"c3","qa":{"score":88,"sentiment":{"customer":{"mean":-0.3}}},"messages":[{"id":"m5","role":"customer","text":"快递到了，谢谢"},{"id":"m6","role":"agent","text":"不客气"}]}
{"kind":"conversation","id":"c4","qa":{"score":80,"sentiment":{"customer":{"mean":0.5}}},"messages":[{"id":"m7","role":"customer","text":"The order 12345 is fine, thanks"},{"id":"m8","role":"agent","text":"You are welcome"}]}
{"kind":"conversation","id":"c5","messages":[{"id":"m9","role":"customer","text":"我要投诉"}]}
DATA
cs-qa mine --target low --min-count 2 --top 5 s.ndjson | jq -c '[.type, .term, .conversations, .of, .baseline_conversations, .baseline_of, .g2, .ratio, .example.message_id]'
cs-qa mine --target negative --min-count 1 --top 3 s.ndjson 2>/dev/null | jq -c '[.term, .conversations, .of, .baseline_conversations]'
--- stdout
["over_represented","要投诉",2,2,0,2,5.545,5,"m1"]
["over_represented","没到",2,2,0,2,5.545,5,"m1"]
["over_represented","快递",2,2,1,2,1.726,1.667,"m1"]
["快递到",1,1,0]
["谢谢",1,1,0]
["快递",1,1,2]
--- stderr
cs-qa mine: 1 conversations without "qa" were left out (score them with cs-qa first)
--- exit
0
