# Every default alert type, English and Chinese: regulator or media threats, churn
# intent, abuse from either side, card or ID numbers from the agent, repeated anger.
# Each is an alert record after its conversation (kind, a stable id, the
# conversation's end as ts, source, type, severity, customer, reason, evidence with
# the conversation id) and is listed in qa.alerts.
# The records are cs-qa's own, so they keep cs-schema(7) whatever the input
# held: the alert's ts and the evidence's are UTC with Z (an ended or a
# message ts given as epoch seconds or with +08:00), and the customer's id
# is a string (a 19-digit number kept digit for digit; a bare customer id
# becomes {"id": ...}), its other members kept.
--- cmd
cs-qa --no-message-sentiment --evidence 1 | jq -c 'if .kind == "alert" then . else [.id, [.qa.alerts[].type]] end'
--- stdin
{"kind":"conversation","id":"regulator-en","channel":"chat","customer":{"id":"cust-regulator-en"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Fix this or I will report you to the consumer protection office and talk to my lawyer."},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"I understand."}]}
{"kind":"conversation","id":"regulator-zh","channel":"chat","customer":{"id":"cust-regulator-zh"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"再不处理我就打12315投诉，还要曝光你们"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"非常抱歉"}]}
{"kind":"conversation","id":"churn","channel":"chat","customer":{"id":"cust-churn"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Please cancel my subscription, I am switching to another provider."},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Sorry to hear that."}]}
{"kind":"conversation","id":"churn-zh","channel":"chat","customer":{"id":"cust-churn-zh"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"我要销户，再也不用你们了"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"好的"}]}
{"kind":"conversation","id":"abuse","channel":"chat","customer":{"id":"cust-abuse"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"you are useless, shut up"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Shut up yourself, idiot."}]}
{"kind":"conversation","id":"leak","channel":"chat","customer":{"id":"cust-leak"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"card?"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"It is 4111 1111 1111 1111."}]}
{"kind":"conversation","id":"angry-twice","channel":"chat","customer":{"id":"cust-angry-twice"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:20Z","message_count":3,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"I am furious, this is the third time!"},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Sorry."},{"id":"m3","ts":"2026-03-02T01:00:20Z","role":"customer","text":"Still broken. I am so angry."}]}
{"kind":"conversation","id":"epoch-offset","channel":"chat","customer":{"id":7262094405921456001,"tier":"gold"},"started":1772413200,"ended":1772413805.5,"messages":[{"id":"m1","ts":1772413200,"role":"customer","text":"I will cancel my account."},{"id":"m2","ts":"2026-03-02T09:10:05+08:00","role":"agent","text":"Hello, sorry about that."}]}
{"kind":"conversation","id":"bare-customer","channel":"chat","customer":"cust-bare","started":"2026-03-02T09:00:00+08:00","ended":"2026-03-02T09:05:00+08:00","messages":[{"id":"m1","ts":"2026-03-02T09:00:00.250+08:00","role":"customer","text":"Please cancel my subscription."}]}
{"kind":"conversation","id":"calm","channel":"chat","customer":{"id":"cust-calm"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:10Z","message_count":2,"messages":[{"id":"m1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Thanks, all good."},{"id":"m2","ts":"2026-03-02T01:00:10Z","role":"agent","text":"Glad to help!"}]}
--- stdout
["regulator-en",["qa.regulator_threat"]]
{"kind":"alert","id":"a-ff36a30bfc59056f","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.regulator_threat","severity":"critical","customer":{"id":"cust-regulator-en"},"conversation_id":"regulator-en","reason":"The customer threatens to complain to a regulator, a court, the bank, the media or in public.","evidence":[{"conversation_id":"regulator-en","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[19,32],"text":"report you to"}]}
["regulator-zh",["qa.regulator_threat"]]
{"kind":"alert","id":"a-f25d70533c0d4ffa","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.regulator_threat","severity":"critical","customer":{"id":"cust-regulator-zh"},"conversation_id":"regulator-zh","reason":"The customer threatens to complain to a regulator, a court, the bank, the media or in public.","evidence":[{"conversation_id":"regulator-zh","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[7,12],"text":"12315"}]}
["churn",["qa.churn_intent"]]
{"kind":"alert","id":"a-f3bfc939e354bf30","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.churn_intent","severity":"warning","customer":{"id":"cust-churn"},"conversation_id":"churn","reason":"The customer says they will cancel or leave.","evidence":[{"conversation_id":"churn","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[7,29],"text":"cancel my subscription"}]}
["churn-zh",["qa.churn_intent"]]
{"kind":"alert","id":"a-2d7d1054058f8a3a","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.churn_intent","severity":"warning","customer":{"id":"cust-churn-zh"},"conversation_id":"churn-zh","reason":"The customer says they will cancel or leave.","evidence":[{"conversation_id":"churn-zh","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[2,4],"text":"销户"}]}
["abuse",["qa.customer_abuse","qa.agent_abuse"]]
{"kind":"alert","id":"a-c12ff341f79fcaab","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.customer_abuse","severity":"warning","customer":{"id":"cust-abuse"},"conversation_id":"abuse","reason":"The customer uses abusive language.","evidence":[{"conversation_id":"abuse","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[0,15],"text":"you are useless"}]}
{"kind":"alert","id":"a-9708faabb5c00053","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.agent_abuse","severity":"critical","customer":{"id":"cust-abuse"},"conversation_id":"abuse","reason":"The agent uses abusive or dismissive language.","evidence":[{"conversation_id":"abuse","message_id":"m2","ts":"2026-03-02T01:00:10Z","span":[0,7],"text":"Shut up"}]}
["leak",["qa.data_leak"]]
{"kind":"alert","id":"a-b852fc7ab6b7a3e9","ts":"2026-03-02T01:00:10Z","source":"cs-qa","type":"qa.data_leak","severity":"critical","customer":{"id":"cust-leak"},"conversation_id":"leak","reason":"The agent wrote or said a card or ID number.","evidence":[{"conversation_id":"leak","message_id":"m2","ts":"2026-03-02T01:00:10Z","span":[6,25],"text":"4111 1111 1111 1111"}]}
["angry-twice",["qa.repeated_anger"]]
{"kind":"alert","id":"a-acb114ec6e52b7fb","ts":"2026-03-02T01:00:20Z","source":"cs-qa","type":"qa.repeated_anger","severity":"warning","customer":{"id":"cust-angry-twice"},"conversation_id":"angry-twice","reason":"The customer is angry in more than one message.","evidence":[{"conversation_id":"angry-twice","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[5,12],"text":"furious"}]}
["epoch-offset",["qa.churn_intent"]]
{"kind":"alert","id":"a-ef972c32b2940dd3","ts":"2026-03-02T01:10:05.500Z","source":"cs-qa","type":"qa.churn_intent","severity":"warning","customer":{"id":"7262094405921456001","tier":"gold"},"conversation_id":"epoch-offset","reason":"The customer says they will cancel or leave.","evidence":[{"conversation_id":"epoch-offset","message_id":"m1","ts":"2026-03-02T01:00:00Z","span":[7,24],"text":"cancel my account"}]}
["bare-customer",["qa.churn_intent"]]
{"kind":"alert","id":"a-d5edde01e97cc482","ts":"2026-03-02T01:05:00Z","source":"cs-qa","type":"qa.churn_intent","severity":"warning","customer":{"id":"cust-bare"},"conversation_id":"bare-customer","reason":"The customer says they will cancel or leave.","evidence":[{"conversation_id":"bare-customer","message_id":"m1","ts":"2026-03-02T01:00:00.250Z","span":[7,29],"text":"cancel my subscription"}]}
["calm",[]]
--- stderr
--- exit
0
