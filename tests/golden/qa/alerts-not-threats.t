# What the default scorecard's regulator_threat and churn_intent alerts leave
# out: a threat or a leaving the customer says they will not make (I will not
# sue you, I don't want to cancel my account, 我不会起诉你们的, 我不想销户), and
# a mere mention (the chargeback process, an ad on Facebook, a social media
# team, a consumer protection law, working at a court, being a journalist,
# 微博上的活动, unsubscribing from a newsletter or 退订短信). A negation
# outside the threat's own clause (if this is not resolved, if you don't
# refund me, won't hesitate, don't make me) does not hide it, nor does a
# negated threat hide another of another kind in the same message (I won't sue
# but I'll post it on twitter), nor a real threat of the same kind beside it
# (except_regex discounts only the hit inside the negation: I won't sue you
# today but I will sue you, 我不会去投诉，但我会去法院告你们), nor does a customer
# calling themselves stupid hide an insult to the agent; a customer who cannot
# cancel still wants to.
--- cmd
cs-qa --alerts inline --no-message-sentiment | jq -r '[.id, ([.qa.alerts[] | .type + " " + .evidence[0].text] | join(",")), .messages[0].text] | @tsv'
--- stdin
{"kind": "conversation", "id": "n01", "messages": [{"id": "m1", "role": "customer", "text": "I will not sue you, don't worry"}]}
{"kind": "conversation", "id": "n02", "messages": [{"id": "m1", "role": "customer", "text": "I have no plans to take legal action"}]}
{"kind": "conversation", "id": "n03", "messages": [{"id": "m1", "role": "customer", "text": "I am not going to leave a bad review"}]}
{"kind": "conversation", "id": "n04", "messages": [{"id": "m1", "role": "customer", "text": "I don't want to cancel my account"}]}
{"kind": "conversation", "id": "n05", "messages": [{"id": "m1", "role": "customer", "text": "我不会起诉你们的"}]}
{"kind": "conversation", "id": "n06", "messages": [{"id": "m1", "role": "customer", "text": "放心，我不会给差评的"}]}
{"kind": "conversation", "id": "n07", "messages": [{"id": "m1", "role": "customer", "text": "我不会去消协的"}]}
{"kind": "conversation", "id": "n08", "messages": [{"id": "m1", "role": "customer", "text": "我不想销户"}]}
{"kind": "conversation", "id": "n09", "messages": [{"id": "m1", "role": "customer", "text": "I won't post this on twitter, relax"}]}
{"kind": "conversation", "id": "n10", "messages": [{"id": "m1", "role": "customer", "text": "I'm not going to the media"}]}
{"kind": "conversation", "id": "n11", "messages": [{"id": "m1", "role": "customer", "text": "I would never leave a one-star review"}]}
{"kind": "conversation", "id": "n12", "messages": [{"id": "m1", "role": "customer", "text": "我不打算起诉"}]}
{"kind": "conversation", "id": "n13", "messages": [{"id": "m1", "role": "customer", "text": "Can you explain the chargeback process?"}]}
{"kind": "conversation", "id": "n14", "messages": [{"id": "m1", "role": "customer", "text": "I saw your ad on Facebook"}]}
{"kind": "conversation", "id": "n15", "messages": [{"id": "m1", "role": "customer", "text": "I follow you on twitter"}]}
{"kind": "conversation", "id": "n16", "messages": [{"id": "m1", "role": "customer", "text": "Your social media team was helpful"}]}
{"kind": "conversation", "id": "n17", "messages": [{"id": "m1", "role": "customer", "text": "Is there a consumer protection law about this?"}]}
{"kind": "conversation", "id": "n18", "messages": [{"id": "m1", "role": "customer", "text": "我在法院工作"}]}
{"kind": "conversation", "id": "n19", "messages": [{"id": "m1", "role": "customer", "text": "我是记者"}]}
{"kind": "conversation", "id": "n20", "messages": [{"id": "m1", "role": "customer", "text": "我看到你们在微博上的活动"}]}
{"kind": "conversation", "id": "n21", "messages": [{"id": "m1", "role": "customer", "text": "How do I unsubscribe from the newsletter?"}]}
{"kind": "conversation", "id": "n22", "messages": [{"id": "m1", "role": "customer", "text": "I want to unsubscribe from marketing emails"}]}
{"kind": "conversation", "id": "n23", "messages": [{"id": "m1", "role": "customer", "text": "我想退订短信"}]}
{"kind": "conversation", "id": "n24", "messages": [{"id": "m1", "role": "customer", "text": "If this is not resolved I will take legal action"}]}
{"kind": "conversation", "id": "n25", "messages": [{"id": "m1", "role": "customer", "text": "If you don't refund me I will sue you"}]}
{"kind": "conversation", "id": "n26", "messages": [{"id": "m1", "role": "customer", "text": "I won't hesitate to take legal action"}]}
{"kind": "conversation", "id": "n27", "messages": [{"id": "m1", "role": "customer", "text": "Don't make me leave a bad review"}]}
{"kind": "conversation", "id": "n28", "messages": [{"id": "m1", "role": "customer", "text": "I will not sue you, but I'll post this on twitter so everyone knows"}]}
{"kind": "conversation", "id": "n29", "messages": [{"id": "m1", "role": "customer", "text": "I don't want to leave a bad review but I will contact my lawyer"}]}
{"kind": "conversation", "id": "n30", "messages": [{"id": "m1", "role": "customer", "text": "不退款就给差评"}]}
{"kind": "conversation", "id": "n31", "messages": [{"id": "m1", "role": "customer", "text": "你们不要逼我去消协"}]}
{"kind": "conversation", "id": "n32", "messages": [{"id": "m1", "role": "customer", "text": "不处理我就去法院告你们"}]}
{"kind": "conversation", "id": "n33", "messages": [{"id": "m1", "role": "customer", "text": "我要联系记者"}]}
{"kind": "conversation", "id": "n34", "messages": [{"id": "m1", "role": "customer", "text": "我要在微博上曝光你们"}]}
{"kind": "conversation", "id": "n35", "messages": [{"id": "m1", "role": "customer", "text": "I'll ask my bank for a chargeback"}]}
{"kind": "conversation", "id": "n36", "messages": [{"id": "m1", "role": "customer", "text": "I'm going to contact consumer protection"}]}
{"kind": "conversation", "id": "n37", "messages": [{"id": "m1", "role": "customer", "text": "I'm taking this to social media"}]}
{"kind": "conversation", "id": "n38", "messages": [{"id": "m1", "role": "customer", "text": "I can't cancel my account, the button is broken"}]}
{"kind": "conversation", "id": "n39", "messages": [{"id": "m1", "role": "customer", "text": "The app won't let me cancel my subscription"}]}
{"kind": "conversation", "id": "n40", "messages": [{"id": "m1", "role": "customer", "text": "Unsubscribe me from everything, I'm done"}]}
{"kind": "conversation", "id": "n41", "messages": [{"id": "m1", "role": "customer", "text": "我要退订所有服务"}]}
{"kind": "conversation", "id": "n42", "messages": [{"id": "m1", "role": "customer", "text": "I will not sue you today, but if this is not fixed by Friday I will sue you."}]}
{"kind": "conversation", "id": "n43", "messages": [{"id": "m1", "role": "customer", "text": "I don't want to cancel my account, but I will cancel my account if you charge me again."}]}
{"kind": "conversation", "id": "n44", "messages": [{"id": "m1", "role": "customer", "text": "I won't leave a bad review now, but I will leave a bad review if this happens again"}]}
{"kind": "conversation", "id": "n45", "messages": [{"id": "m1", "role": "customer", "text": "我不会去投诉的，但是如果明天还不退款我就打12315投诉到监管"}]}
{"kind": "conversation", "id": "n46", "messages": [{"id": "m1", "role": "customer", "text": "我不想销户，但再扣费我就销户"}]}
{"kind": "conversation", "id": "n47", "messages": [{"id": "m1", "role": "customer", "text": "I feel so stupid, you are an idiot"}]}
{"kind": "conversation", "id": "n48", "messages": [{"id": "m1", "role": "customer", "text": "I feel so stupid for ordering this"}]}
--- stdout
n01		I will not sue you, don't worry
n02		I have no plans to take legal action
n03		I am not going to leave a bad review
n04		I don't want to cancel my account
n05		我不会起诉你们的
n06		放心，我不会给差评的
n07		我不会去消协的
n08		我不想销户
n09		I won't post this on twitter, relax
n10		I'm not going to the media
n11		I would never leave a one-star review
n12		我不打算起诉
n13		Can you explain the chargeback process?
n14		I saw your ad on Facebook
n15		I follow you on twitter
n16		Your social media team was helpful
n17		Is there a consumer protection law about this?
n18		我在法院工作
n19		我是记者
n20		我看到你们在微博上的活动
n21		How do I unsubscribe from the newsletter?
n22		I want to unsubscribe from marketing emails
n23		我想退订短信
n24	qa.regulator_threat take legal action	If this is not resolved I will take legal action
n25	qa.regulator_threat I will sue	If you don't refund me I will sue you
n26	qa.regulator_threat take legal action	I won't hesitate to take legal action
n27	qa.regulator_threat bad review	Don't make me leave a bad review
n28	qa.regulator_threat post this on twitter	I will not sue you, but I'll post this on twitter so everyone knows
n29	qa.regulator_threat contact my lawyer	I don't want to leave a bad review but I will contact my lawyer
n30	qa.regulator_threat 给差评	不退款就给差评
n31	qa.regulator_threat 消协	你们不要逼我去消协
n32	qa.regulator_threat 去法院	不处理我就去法院告你们
n33	qa.regulator_threat 联系记者	我要联系记者
n34	qa.regulator_threat 微博上曝光	我要在微博上曝光你们
n35	qa.regulator_threat ask my bank for a chargeback	I'll ask my bank for a chargeback
n36	qa.regulator_threat going to contact consumer protection	I'm going to contact consumer protection
n37	qa.regulator_threat taking this to social media	I'm taking this to social media
n38	qa.churn_intent cancel my account	I can't cancel my account, the button is broken
n39	qa.churn_intent cancel my subscription	The app won't let me cancel my subscription
n40	qa.churn_intent Unsubscribe	Unsubscribe me from everything, I'm done
n41	qa.churn_intent 退订	我要退订所有服务
n42	qa.regulator_threat I will sue	I will not sue you today, but if this is not fixed by Friday I will sue you.
n43	qa.churn_intent cancel my account	I don't want to cancel my account, but I will cancel my account if you charge me again.
n44	qa.regulator_threat bad review	I won't leave a bad review now, but I will leave a bad review if this happens again
n45	qa.regulator_threat 12315	我不会去投诉的，但是如果明天还不退款我就打12315投诉到监管
n46	qa.churn_intent 销户	我不想销户，但再扣费我就销户
n47	qa.customer_abuse idiot	I feel so stupid, you are an idiot
n48		I feel so stupid for ordering this
--- stderr
--- exit
0
