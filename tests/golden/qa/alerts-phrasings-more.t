# A second batch of threats, leaving and abuse, written before the lists grew
# (37 of 46 right): posting to 抖音 for everyone to see, the 315 hotline (not
# a price or a room numbered 315), 联系律师 and a 律师函 sent (a lawyer
# consultation service and a 律师函 template are no threat); cancelling the
# membership (会员取消, 不续费了), moving to 京东, 卡销了, the last time with
# you, never ordering again, done with your company (another colour is no
# leaving); "screw you". Cancelling one order, not complaining, a great
# lawyer in a film and 曝光度 of an advert raise none. A third batch (11 of
# 30 before): cancelling the service (not an order, a delivery, a return),
# out of my contract, going with Verizon instead (not the blue one), you've
# lost a customer, my notice, money elsewhere, 退出会员, 销号, 换运营商; a
# chargeback, Trustpilot, a bad review, 消费者权益保护协会, 网上发帖; you are
# useless, clowns, 脑子进水, 饭桶. My lawyer friend threatens nothing.
--- cmd
cs-qa --alerts inline /dev/stdin | jq -r '[.id, ([.qa.alerts[].type] | join(",")), .messages[0].text] | @tsv'
--- stdin
{"kind":"conversation","id":"c01","messages":[{"id":"m1","role":"customer","text":"你们再拖我就去工商局告你们"}]}
{"kind":"conversation","id":"c02","messages":[{"id":"m2","role":"customer","text":"我已经截图了，准备发到抖音上让大家看看"}]}
{"kind":"conversation","id":"c03","messages":[{"id":"m3","role":"customer","text":"我要去法院起诉你们"}]}
{"kind":"conversation","id":"c04","messages":[{"id":"m4","role":"customer","text":"我会联系律师处理"}]}
{"kind":"conversation","id":"c05","messages":[{"id":"m5","role":"customer","text":"我要向消费者协会投诉"}]}
{"kind":"conversation","id":"c06","messages":[{"id":"m6","role":"customer","text":"你们等着被曝光吧"}]}
{"kind":"conversation","id":"c07","messages":[{"id":"m7","role":"customer","text":"我要在黑猫投诉上发帖"}]}
{"kind":"conversation","id":"c08","messages":[{"id":"m8","role":"customer","text":"我去市场监管局反映"}]}
{"kind":"conversation","id":"c09","messages":[{"id":"m9","role":"customer","text":"我要打315热线"}]}
{"kind":"conversation","id":"c10","messages":[{"id":"m10","role":"customer","text":"I'm going to file a complaint with the FTC"}]}
{"kind":"conversation","id":"c11","messages":[{"id":"m11","role":"customer","text":"I will contact my lawyer about this"}]}
{"kind":"conversation","id":"c12","messages":[{"id":"m12","role":"customer","text":"I'm reporting you to the Better Business Bureau"}]}
{"kind":"conversation","id":"c13","messages":[{"id":"m13","role":"customer","text":"Expect to hear from my attorney"}]}
{"kind":"conversation","id":"c14","messages":[{"id":"m14","role":"customer","text":"I'll post this on Twitter so everyone knows"}]}
{"kind":"conversation","id":"c15","messages":[{"id":"m15","role":"customer","text":"I'm taking you to small claims court"}]}
{"kind":"conversation","id":"c16","messages":[{"id":"m16","role":"customer","text":"I'll be contacting the consumer ombudsman"}]}
{"kind":"conversation","id":"c17","messages":[{"id":"m17","role":"customer","text":"我要注销账号"}]}
{"kind":"conversation","id":"c18","messages":[{"id":"m18","role":"customer","text":"帮我把会员取消了，不续费了"}]}
{"kind":"conversation","id":"c19","messages":[{"id":"m19","role":"customer","text":"以后再也不在你们家买了"}]}
{"kind":"conversation","id":"c20","messages":[{"id":"m20","role":"customer","text":"我准备换到京东去买"}]}
{"kind":"conversation","id":"c21","messages":[{"id":"m21","role":"customer","text":"把我的卡销了"}]}
{"kind":"conversation","id":"c22","messages":[{"id":"m22","role":"customer","text":"我要退订所有服务"}]}
{"kind":"conversation","id":"c23","messages":[{"id":"m23","role":"customer","text":"这是最后一次用你们的产品"}]}
{"kind":"conversation","id":"c24","messages":[{"id":"m24","role":"customer","text":"Please close my account"}]}
{"kind":"conversation","id":"c25","messages":[{"id":"m25","role":"customer","text":"I'm switching to another provider"}]}
{"kind":"conversation","id":"c26","messages":[{"id":"m26","role":"customer","text":"I want to cancel my subscription"}]}
{"kind":"conversation","id":"c27","messages":[{"id":"m27","role":"customer","text":"I'm done with your company, never ordering again"}]}
{"kind":"conversation","id":"c28","messages":[{"id":"m28","role":"customer","text":"Cancel my membership effective immediately"}]}
{"kind":"conversation","id":"c29","messages":[{"id":"m29","role":"customer","text":"你们都是一群废物"}]}
{"kind":"conversation","id":"c30","messages":[{"id":"m30","role":"customer","text":"你是不是脑子有病"}]}
{"kind":"conversation","id":"c31","messages":[{"id":"m31","role":"customer","text":"滚"}]}
{"kind":"conversation","id":"c32","messages":[{"id":"m32","role":"customer","text":"傻逼客服"}]}
{"kind":"conversation","id":"c33","messages":[{"id":"m33","role":"customer","text":"去死吧"}]}
{"kind":"conversation","id":"c34","messages":[{"id":"m34","role":"customer","text":"You people are morons"}]}
{"kind":"conversation","id":"c35","messages":[{"id":"m35","role":"customer","text":"This is fucking ridiculous, you idiots"}]}
{"kind":"conversation","id":"c36","messages":[{"id":"m36","role":"customer","text":"Shut up and do your job"}]}
{"kind":"conversation","id":"c37","messages":[{"id":"m37","role":"customer","text":"screw you"}]}
{"kind":"conversation","id":"c38","messages":[{"id":"m38","role":"customer","text":"我想取消这个订单，重新下一个"}]}
{"kind":"conversation","id":"c39","messages":[{"id":"m39","role":"customer","text":"我不是要投诉，只是问问"}]}
{"kind":"conversation","id":"c40","messages":[{"id":"m40","role":"customer","text":"The lawyer in the movie was great"}]}
{"kind":"conversation","id":"c41","messages":[{"id":"m41","role":"customer","text":"Can I cancel the order and place a new one?"}]}
{"kind":"conversation","id":"c42","messages":[{"id":"m42","role":"customer","text":"How do I close the app?"}]}
{"kind":"conversation","id":"c43","messages":[{"id":"m43","role":"customer","text":"I'm not going to sue anyone, just want my refund"}]}
{"kind":"conversation","id":"c44","messages":[{"id":"m44","role":"customer","text":"这个曝光度不错，广告效果很好"}]}
{"kind":"conversation","id":"c45","messages":[{"id":"m45","role":"customer","text":"请问律师咨询服务怎么收费"}]}
{"kind":"conversation","id":"c46","messages":[{"id":"m46","role":"customer","text":"What's the difference between the basic and premium subscription?"}]}
{"kind":"conversation","id":"c47","messages":[{"id":"m47","role":"customer","text":"律师函的模板在哪里下载"}]}
{"kind":"conversation","id":"c48","messages":[{"id":"m48","role":"customer","text":"我要给你们发律师函"}]}
{"kind":"conversation","id":"c49","messages":[{"id":"m49","role":"customer","text":"换到别的颜色可以吗"}]}
{"kind":"conversation","id":"c50","messages":[{"id":"m50","role":"customer","text":"315元的那款还有吗"}]}
{"kind":"conversation","id":"c51","messages":[{"id":"m51","role":"customer","text":"房间号是315"}]}
{"kind": "conversation", "id": "d01", "messages": [{"id": "n1", "role": "customer", "text": "I'm cancelling my service today."}]}
{"kind": "conversation", "id": "d02", "messages": [{"id": "n2", "role": "customer", "text": "I'm going to cancel if this isn't fixed."}]}
{"kind": "conversation", "id": "d03", "messages": [{"id": "n3", "role": "customer", "text": "I want out of my contract."}]}
{"kind": "conversation", "id": "d04", "messages": [{"id": "n4", "role": "customer", "text": "I'm going with Verizon instead."}]}
{"kind": "conversation", "id": "d05", "messages": [{"id": "n5", "role": "customer", "text": "You've lost a customer."}]}
{"kind": "conversation", "id": "d06", "messages": [{"id": "n6", "role": "customer", "text": "Consider this my notice, I'm done."}]}
{"kind": "conversation", "id": "d07", "messages": [{"id": "n7", "role": "customer", "text": "I'll be taking my money elsewhere."}]}
{"kind": "conversation", "id": "d08", "messages": [{"id": "n8", "role": "customer", "text": "我要退出会员"}]}
{"kind": "conversation", "id": "d09", "messages": [{"id": "n9", "role": "customer", "text": "明天就去营业厅销号"}]}
{"kind": "conversation", "id": "d10", "messages": [{"id": "n10", "role": "customer", "text": "你们再这样我就换运营商了"}]}
{"kind": "conversation", "id": "d11", "messages": [{"id": "n11", "role": "customer", "text": "我已经在别家下单了，这边不要了，帮我把账号注销"}]}
{"kind": "conversation", "id": "d12", "messages": [{"id": "n12", "role": "customer", "text": "I'm filing a chargeback with my bank."}]}
{"kind": "conversation", "id": "d13", "messages": [{"id": "n13", "role": "customer", "text": "I'm going to leave a review on Trustpilot about this."}]}
{"kind": "conversation", "id": "d14", "messages": [{"id": "n14", "role": "customer", "text": "I will report this to the consumer protection agency."}]}
{"kind": "conversation", "id": "d15", "messages": [{"id": "n15", "role": "customer", "text": "You'll be hearing from my lawyer."}]}
{"kind": "conversation", "id": "d16", "messages": [{"id": "n16", "role": "customer", "text": "我要去消费者权益保护协会投诉"}]}
{"kind": "conversation", "id": "d17", "messages": [{"id": "n17", "role": "customer", "text": "我要找电视台曝光你们"}]}
{"kind": "conversation", "id": "d18", "messages": [{"id": "n18", "role": "customer", "text": "我已经在网上发帖了，大家都看看"}]}
{"kind": "conversation", "id": "d19", "messages": [{"id": "n19", "role": "customer", "text": "You are useless, all of you."}]}
{"kind": "conversation", "id": "d20", "messages": [{"id": "n20", "role": "customer", "text": "What a bunch of clowns."}]}
{"kind": "conversation", "id": "d21", "messages": [{"id": "n21", "role": "customer", "text": "你们脑子进水了吧"}]}
{"kind": "conversation", "id": "d22", "messages": [{"id": "n22", "role": "customer", "text": "一群饭桶"}]}
{"kind": "conversation", "id": "d23", "messages": [{"id": "n23", "role": "customer", "text": "滚蛋"}]}
{"kind": "conversation", "id": "d24", "messages": [{"id": "n24", "role": "customer", "text": "Can you cancel my order from yesterday?"}]}
{"kind": "conversation", "id": "d25", "messages": [{"id": "n25", "role": "customer", "text": "I want to switch to the annual plan."}]}
{"kind": "conversation", "id": "d26", "messages": [{"id": "n26", "role": "customer", "text": "My lawyer friend recommended your service."}]}
{"kind": "conversation", "id": "d27", "messages": [{"id": "n27", "role": "customer", "text": "How do I leave a review?"}]}
{"kind": "conversation", "id": "d28", "messages": [{"id": "n28", "role": "customer", "text": "我想退出登录，怎么操作"}]}
{"kind": "conversation", "id": "d29", "messages": [{"id": "n29", "role": "customer", "text": "这个价格我去别家看看再说"}]}
{"kind": "conversation", "id": "d30", "messages": [{"id": "n30", "role": "customer", "text": "帮我取消一下自动续费的短信提醒"}]}
{"kind": "conversation", "id": "d31", "messages": [{"id": "n31", "role": "customer", "text": "I want to cancel my order"}]}
{"kind": "conversation", "id": "d32", "messages": [{"id": "n32", "role": "customer", "text": "I'm going with the blue one instead"}]}
{"kind": "conversation", "id": "d33", "messages": [{"id": "n33", "role": "customer", "text": "I'll leave a bad review"}]}
--- stdout
c01	qa.regulator_threat	你们再拖我就去工商局告你们
c02	qa.regulator_threat	我已经截图了，准备发到抖音上让大家看看
c03	qa.regulator_threat	我要去法院起诉你们
c04	qa.regulator_threat	我会联系律师处理
c05	qa.regulator_threat	我要向消费者协会投诉
c06	qa.regulator_threat	你们等着被曝光吧
c07	qa.regulator_threat	我要在黑猫投诉上发帖
c08	qa.regulator_threat	我去市场监管局反映
c09	qa.regulator_threat	我要打315热线
c10	qa.regulator_threat	I'm going to file a complaint with the FTC
c11	qa.regulator_threat	I will contact my lawyer about this
c12	qa.regulator_threat	I'm reporting you to the Better Business Bureau
c13	qa.regulator_threat	Expect to hear from my attorney
c14	qa.regulator_threat	I'll post this on Twitter so everyone knows
c15	qa.regulator_threat	I'm taking you to small claims court
c16	qa.regulator_threat	I'll be contacting the consumer ombudsman
c17	qa.churn_intent	我要注销账号
c18	qa.churn_intent	帮我把会员取消了，不续费了
c19	qa.churn_intent	以后再也不在你们家买了
c20	qa.churn_intent	我准备换到京东去买
c21	qa.churn_intent	把我的卡销了
c22	qa.churn_intent	我要退订所有服务
c23	qa.churn_intent	这是最后一次用你们的产品
c24	qa.churn_intent	Please close my account
c25	qa.churn_intent	I'm switching to another provider
c26	qa.churn_intent	I want to cancel my subscription
c27	qa.churn_intent	I'm done with your company, never ordering again
c28	qa.churn_intent	Cancel my membership effective immediately
c29	qa.customer_abuse	你们都是一群废物
c30	qa.customer_abuse	你是不是脑子有病
c31	qa.customer_abuse	滚
c32	qa.customer_abuse	傻逼客服
c33	qa.customer_abuse	去死吧
c34	qa.customer_abuse	You people are morons
c35	qa.customer_abuse	This is fucking ridiculous, you idiots
c36	qa.customer_abuse	Shut up and do your job
c37	qa.customer_abuse	screw you
c38		我想取消这个订单，重新下一个
c39		我不是要投诉，只是问问
c40		The lawyer in the movie was great
c41		Can I cancel the order and place a new one?
c42		How do I close the app?
c43		I'm not going to sue anyone, just want my refund
c44		这个曝光度不错，广告效果很好
c45		请问律师咨询服务怎么收费
c46		What's the difference between the basic and premium subscription?
c47		律师函的模板在哪里下载
c48	qa.regulator_threat	我要给你们发律师函
c49		换到别的颜色可以吗
c50		315元的那款还有吗
c51		房间号是315
d01	qa.churn_intent	I'm cancelling my service today.
d02	qa.churn_intent	I'm going to cancel if this isn't fixed.
d03	qa.churn_intent	I want out of my contract.
d04	qa.churn_intent	I'm going with Verizon instead.
d05	qa.churn_intent	You've lost a customer.
d06	qa.churn_intent	Consider this my notice, I'm done.
d07	qa.churn_intent	I'll be taking my money elsewhere.
d08	qa.churn_intent	我要退出会员
d09	qa.churn_intent	明天就去营业厅销号
d10	qa.churn_intent	你们再这样我就换运营商了
d11	qa.churn_intent	我已经在别家下单了，这边不要了，帮我把账号注销
d12	qa.regulator_threat	I'm filing a chargeback with my bank.
d13	qa.regulator_threat	I'm going to leave a review on Trustpilot about this.
d14	qa.regulator_threat	I will report this to the consumer protection agency.
d15	qa.regulator_threat	You'll be hearing from my lawyer.
d16	qa.regulator_threat	我要去消费者权益保护协会投诉
d17	qa.regulator_threat	我要找电视台曝光你们
d18	qa.regulator_threat	我已经在网上发帖了，大家都看看
d19	qa.customer_abuse	You are useless, all of you.
d20	qa.customer_abuse	What a bunch of clowns.
d21	qa.customer_abuse	你们脑子进水了吧
d22	qa.customer_abuse	一群饭桶
d23	qa.customer_abuse	滚蛋
d24		Can you cancel my order from yesterday?
d25		I want to switch to the annual plan.
d26		My lawyer friend recommended your service.
d27		How do I leave a review?
d28		我想退出登录，怎么操作
d29		这个价格我去别家看看再说
d30		帮我取消一下自动续费的短信提醒
d31		I want to cancel my order
d32		I'm going with the blue one instead
d33	qa.regulator_threat	I'll leave a bad review
--- stderr
--- exit
0
