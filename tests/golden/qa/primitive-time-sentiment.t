# first_seconds and last_seconds scope messages by time from the conversation's start
# or end (call offsets when every message has them, else timestamps; without either
# the condition is unknown, so the item is not applicable); sentiment_at_least,
# sentiment_at_most and emotion pick messages by their scores; the customer's
# sentiment metrics (start, end, min, mean, trend) and anger count.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "t",
 "items": [
  {"id": "hello_in_10s", "weight": 1, "pass": {"role": "agent", "first_seconds": 10, "any": ["hello", "您好"]}},
  {"id": "bye_in_last_10s", "weight": 1, "pass": {"role": "agent", "last_seconds": 10, "any": ["bye", "再见"]}},
  {"id": "happy_customer", "weight": 1, "pass": {"role": "customer", "sentiment_at_least": 0.5}},
  {"id": "upset_customer", "weight": 1, "pass": {"role": "customer", "sentiment_at_most": -0.5}},
  {"id": "angry", "weight": 1, "pass": {"role": "customer", "emotion": "anger"}},
  {"id": "ended_better", "weight": 1, "pass": {"metric": "customer_sentiment_trend", "above": 0.5}},
  {"id": "low_point", "weight": 1, "pass": {"metric": "customer_sentiment_min", "below": -0.5}},
  {"id": "mean", "weight": 1, "pass": {"metric": "customer_sentiment_mean", "at_least": 0}},
  {"id": "first_last", "weight": 1, "pass": {"and": [{"metric": "customer_sentiment_start", "below": 0}, {"metric": "customer_sentiment_end", "above": 0}]}},
  {"id": "anger_count", "weight": 1, "pass": {"metric": "customer_anger", "at_least": 1}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '.id as $c | [$c, [.qa.items[] | [.id, .passed, (.evidence | map(.text // .value))]]]'
--- stdin
{"kind":"conversation","id":"call","channel":"phone","messages":[{"id":"a1","role":"agent","start_ms":2000,"end_ms":4000,"text":"Hello, Acme here"},{"id":"c1","role":"customer","start_ms":5000,"end_ms":9000,"text":"I am furious, this is terrible!"},{"id":"a2","role":"agent","start_ms":60000,"end_ms":62000,"text":"Fixed it. Bye!"},{"id":"c2","role":"customer","start_ms":63000,"end_ms":64000,"text":"Great, thank you so much!"}]}
{"kind":"conversation","id":"chat-late-hello","channel":"chat","messages":[{"id":"c1","role":"customer","ts":"2026-03-02T01:00:00Z","text":"hi"},{"id":"a1","role":"agent","ts":"2026-03-02T01:00:30Z","text":"您好"},{"id":"a2","role":"agent","ts":"2026-03-02T01:05:00Z","text":"再见"}]}
{"kind":"conversation","id":"untimed","channel":"chat","messages":[{"id":"a1","role":"agent","text":"Hello"},{"id":"c1","role":"customer","text":"ok"}]}
--- stdout
["call",[["hello_in_10s",true,["Hello"]],["bye_in_last_10s",true,["Bye"]],["happy_customer",true,["Great, thank you so much!"]],["upset_customer",true,["I am furious, this is terrible!"]],["angry",true,["furious"]],["ended_better",true,[1.58]],["low_point",true,[-0.796]],["mean",false,[-0.006]],["first_last",true,[-0.796,0.784]],["anger_count",true,[1]]]]
["chat-late-hello",[["hello_in_10s",false,[]],["bye_in_last_10s",true,["再见"]],["happy_customer",false,[]],["upset_customer",false,[]],["angry",false,[]],["ended_better",false,[0]],["low_point",false,[0]],["mean",true,[0]],["first_last",false,[0,0]],["anger_count",false,[0]]]]
["untimed",[["hello_in_10s",null,[]],["bye_in_last_10s",null,[]],["happy_customer",false,[]],["upset_customer",false,[]],["angry",false,[]],["ended_better",false,[0]],["low_point",false,[0.296]],["mean",true,[0.296]],["first_last",false,[0.296]],["anger_count",false,[0]]]]
--- stderr
--- exit
0
