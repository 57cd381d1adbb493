# Fraud reported is no anger, fraud said of someone is: a customer who reports
# fraud on a card in three messages raises no qa.repeated_anger, and the words
# of fraud reports and questions show no emotion; "you're a fraud", "such a
# fraud", "frauds", "fraudsters" and "scammers" show anger, and a customer who
# says it twice raises qa.repeated_anger.
--- cmd
cat > conv.ndjson <<'EOF'
{"kind":"conversation","id":"c1","channel":"chat","messages":[{"id":"1","role":"customer","text":"I think there is fraud on my card."},{"id":"2","role":"agent","text":"I can help with that. Which transaction is it?"},{"id":"3","role":"customer","text":"The one from Walmart yesterday, that is fraud."},{"id":"4","role":"agent","text":"Thanks, I have blocked the card and opened a dispute."},{"id":"5","role":"customer","text":"Thanks. How do I report fraud to the police too?"}]}
{"kind":"conversation","id":"c2","channel":"chat","messages":[{"id":"1","role":"customer","text":"You charged me twice, you are a fraud."},{"id":"2","role":"agent","text":"I am sorry, let me check."},{"id":"3","role":"customer","text":"Frauds and scammers, all of you."}]}
EOF
cs-qa --alerts only conv.ndjson | jq -c '[.type, .conversation_id, [.evidence[].text]]'
jq -R -c '{text: .}' | cs-qa --sentiment-only | jq -c '[.text, [.qa.sentiment.emotions[] | .emotion, .words]]'
--- stdin
please file a fraud report
How do I stop fraud to my card?
im worried about fraud how do you protect my account
I have a strange charge on my account. Is it fraud?
i'm afraid this charge on my account is fraud
you're a fraud
this bank is such a fraud
You guys are frauds and fraudsters
scammers, all of you
--- stdout
["qa.repeated_anger","c2",["you are a fraud","Frauds"]]
["please file a fraud report",[]]
["How do I stop fraud to my card?",[]]
["im worried about fraud how do you protect my account",["anxiety",["worried"]]]
["I have a strange charge on my account. Is it fraud?",[]]
["i'm afraid this charge on my account is fraud",["anxiety",["afraid"]]]
["you're a fraud",["anger",["you're a fraud"]]]
["this bank is such a fraud",["anger",["such a fraud"]]]
["You guys are frauds and fraudsters",["anger",["frauds","fraudsters"]]]
["scammers, all of you",["anger",["scammers"]]]
--- stderr
--- exit
0
