# Tiers: a bot takes a bot intent at or above the policy's confidence when
# the customer is calm; an ask for a person, anger or low sentiment
# (escalated: priority +10), an intent the bot does not take, or no
# confident intent send the conversation to a human. Each reason says which.
--- cmd
cs-route train -q -o m.model "$REPO/examples/intents.csv"
cs-route -m m.model -p "$TESTDATA/route/tiers.json" | jq -c '[.id, .route.tier, .route.queue, .route.priority, .route.escalated, (.route.reasons[] | select(startswith("tier") or startswith("escalated")))]'
--- stdin
{"kind":"conversation","id":"calm-order","channel":"chat","customer":{"id":"c-calm-order"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"asked-order","channel":"chat","customer":{"id":"c-asked-order"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order? talk to a real person"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"angry-order","channel":"chat","customer":{"id":"c-angry-order"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order? I am furious"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"sad-order","channel":"chat","customer":{"id":"c-sad-order"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order, this is a terrible, awful, horrible experience"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"billing","channel":"chat","customer":{"id":"c-billing"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I was charged twice"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"gibberish","channel":"chat","customer":{"id":"c-gibberish"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"qwzx plmk"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"uneasy-order","channel":"chat","customer":{"id":"c-uneasy-order"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order, I am a bit disappointed"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"anger-word","channel":"chat","customer":{"id":"c-rude-order"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order? this is unacceptable"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
--- stdout
["calm-order","bot","bot",0,false,"tier: bot, order_status is a bot intent at 1.000 (at least 0.60) and the customer is calm"]
["asked-order","human","general",1,false,"tier: human, the customer asked for a person: \"real person\""]
["angry-order","human","general",11,true,"escalated: the customer's sentiment -0.572 is at or below -0.50 (priority +10)","tier: human, escalated"]
["sad-order","human","general",11,true,"escalated: the customer's sentiment -0.862 is at or below -0.50 (priority +10)","tier: human, escalated"]
["billing","human","general",1,false,"tier: human, billing is not a bot intent in the policy"]
["gibberish","human","general",1,false,"tier: human, no intent a bot can take"]
["uneasy-order","human","general",1,false,"tier: human, the customer is not calm (sentiment -0.477, calm above -0.05)"]
["anger-word","human","general",11,true,"escalated: anger in the customer's words (priority +10)","tier: human, escalated"]
--- stderr
--- exit
0
