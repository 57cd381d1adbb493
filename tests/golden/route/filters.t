# Filters are tried in order and the first that matches gives the targets:
# every kind of test (a value, a list, in, ne, lt, le, ge, exists, any, not),
# every attribute (human_requested, business_hours with days and holidays,
# vip, customer.tier, channel, language from the message or detected,
# emotions, sentiment, confidence, intent) and a path into the record
# (tags, priority_score). The opening request is the customer's words before
# the first agent reply (an agent's greeting before them does not end it).
--- cmd
cs-route train -q -o m.model "$REPO/examples/intents.csv"
cs-route -m m.model -p "$TESTDATA/route/filters.json" | jq -c '[.id, .route.intent, .route.filter, .route.queue]'
--- stdin
{"kind":"conversation","id":"asked","channel":"chat","customer":{"id":"x","vip":true},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order? 转人工"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"evening","channel":"chat","customer":{"id":"c-evening"},"started":"2026-03-02T12:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T12:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-02T12:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T12:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"holiday","channel":"chat","customer":{"id":"c-holiday"},"started":"2026-10-01T03:00:00Z","messages":[{"id":"m1","ts":"2026-10-01T03:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-10-01T03:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-10-01T03:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"saturday","channel":"chat","customer":{"id":"c-saturday"},"started":"2026-03-07T03:00:00Z","messages":[{"id":"m1","ts":"2026-03-07T03:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-07T03:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-07T03:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"vip","channel":"chat","customer":{"id":"v","vip":true},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"gold","channel":"chat","customer":{"id":"g","tier":"gold"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"silver","channel":"chat","customer":{"id":"s","tier":"silver"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"phone","channel":"phone","customer":{"id":"c-phone"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"zh","channel":"chat","customer":{"id":"c-zh"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"我的包裹到哪里了"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"zh-tagged","channel":"chat","customer":{"id":"c-zh-tagged"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"where is my order","lang":"zh-Hans"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"angry","channel":"chat","customer":{"id":"c-angry"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I am furious, where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"negative","channel":"chat","customer":{"id":"c-negative"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"this is terrible and awful, where is my order"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"gibberish","channel":"chat","customer":{"id":"c-gibberish"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"qwzx plmk"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"billing-chat","channel":"chat","customer":{"id":"c-billing-chat"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I was charged twice"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"billing-mail","channel":"email","customer":{"id":"c-billing-mail"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I was charged twice"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"account-mail","channel":"email","customer":{"id":"c-account-mail"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I forgot my password"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"account-chat","channel":"chat","customer":{"id":"c-account-chat"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"I forgot my password"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"flagged","channel":"chat","customer":{"id":"c-flagged"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"what are your opening hours"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}],"tags":["x"],"priority_score":8}
{"kind":"conversation","id":"low-score","channel":"chat","customer":{"id":"c-low-score"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"what are your opening hours"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}],"tags":["x"],"priority_score":3}
{"kind":"conversation","id":"agent-first","channel":"chat","customer":{"id":"c-agent-first"},"started":"2026-03-02T02:00:00Z","messages":[{"id":"m0","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Hello, how can I help?"},{"id":"m1","ts":"2026-03-02T02:00:00Z","role":"customer","text":"what are your opening hours"},{"id":"m2","ts":"2026-03-02T02:00:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:00:00Z","role":"customer","text":"after the agent: not routed on"}]}
--- stdout
["asked","order_status","asked","people"]
["evening","order_status","closed","overnight"]
["holiday","order_status","closed","overnight"]
["saturday","order_status","closed","overnight"]
["vip","order_status","vip","senior"]
["gold","order_status","vip","senior"]
["silver","order_status",null,"general"]
["phone","order_status","phone","voice"]
["zh","order_status","chinese","zh"]
["zh-tagged","order_status","chinese","zh"]
["angry","order_status","angry","care"]
["negative","order_status","negative","care"]
["gibberish","out_of_scope","unsure","triage"]
["billing-chat","billing","money","billing"]
["billing-mail","billing",null,"general"]
["account-mail","account","no-account-mail","accounts-async"]
["account-chat","account",null,"general"]
["flagged","faq","tagged","flagged"]
["low-score","faq",null,"general"]
["agent-first","faq",null,"general"]
--- stderr
--- exit
0
