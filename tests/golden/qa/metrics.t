# Metrics from call offsets (start_ms/end_ms) when every message has them, else from
# timestamps: silence, first and longest response (from the oldest unanswered
# customer message), interruptions and overlap (offsets only), the agent's share of
# the talk, words and Chinese characters a minute, message count and duration. The
# evidence names the value and the message where it was measured.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "m",
 "items": [
  {"id": "silence", "weight": 1, "fail": {"metric": "max_silence_s", "at_least": 10}},
  {"id": "first", "weight": 1, "fail": {"metric": "first_response_s", "above": 5}},
  {"id": "longest", "weight": 1, "fail": {"metric": "max_response_s", "above": 30}},
  {"id": "interruptions", "weight": 1, "fail": {"metric": "interruptions", "at_least": 1}},
  {"id": "overlap", "weight": 1, "fail": {"metric": "max_overlap_s", "above": 1.5}},
  {"id": "talk", "weight": 1, "pass": {"metric": "agent_talk_ratio", "below": 0.7}},
  {"id": "wpm", "weight": 1, "pass": {"metric": "agent_wpm", "at_most": 180}},
  {"id": "cpm", "weight": 1, "pass": {"metric": "agent_cpm", "at_most": 280}},
  {"id": "messages", "weight": 1, "pass": {"metric": "messages", "at_least": 3}},
  {"id": "duration", "weight": 1, "pass": {"metric": "duration_s", "below": 120}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '.id as $c | .qa.items[] | [$c, .id, .applicable, .passed, (.evidence[0] // {} | [.value, .message_id])]'
--- stdin
{"kind":"conversation","id":"call","channel":"phone","messages":[{"id":"a1","role":"agent","start_ms":0,"end_ms":4000,"text":"Thank you for calling, how can I help you today"},{"id":"c1","role":"customer","start_ms":4500,"end_ms":12000,"text":"My order is late and nobody answers my mails"},{"id":"a2","role":"agent","start_ms":9000,"end_ms":15000,"text":"I am sorry, let me check that order for you right now"},{"id":"c2","role":"customer","start_ms":27000,"end_ms":30000,"text":"ok"},{"id":"a3","role":"agent","start_ms":31000,"end_ms":35000,"text":"您的订单明天送达，请放心"}]}
{"kind":"conversation","id":"chat","channel":"chat","messages":[{"id":"c1","role":"customer","ts":"2026-03-02T01:00:00Z","text":"hello?"},{"id":"c2","role":"customer","ts":"2026-03-02T01:00:20Z","text":"anyone?"},{"id":"a1","role":"agent","ts":"2026-03-02T01:00:45Z","text":"Hi, sorry for the wait"},{"id":"c3","role":"customer","ts":"2026-03-02T01:01:00Z","text":"ok"}]}
--- stdout
["call","silence",true,false,[12,"c2"]]
["call","first",true,true,[4.5,"a2"]]
["call","longest",true,true,[4.5,"a2"]]
["call","interruptions",true,false,[1,"a2"]]
["call","overlap",true,false,[3,"a2"]]
["call","talk",true,true,[0.571,null]]
["call","wpm",false,null,[null,null]]
["call","cpm",false,null,[null,null]]
["call","messages",true,true,[5,null]]
["call","duration",true,true,[35,null]]
["chat","silence",true,false,[25,"a1"]]
["chat","first",true,false,[45,"a1"]]
["chat","longest",true,false,[45,"a1"]]
["chat","interruptions",false,null,[null,null]]
["chat","overlap",false,null,[null,null]]
["chat","talk",true,true,[0.595,null]]
["chat","wpm",false,null,[null,null]]
["chat","cpm",false,null,[null,null]]
["chat","messages",true,true,[4,null]]
["chat","duration",true,true,[60,null]]
--- stderr
--- exit
0
