# A second batch of threats, leaving and abuse, written before the lists grew
# (37 of 46 right): posting to 抖音 for everyone to see, the 315 hotline (not
# a price or a room numbered 315), 联系律师 and a 律师函 sent (a lawyer
# consultation service and a 律师函 template are no threat); cancelling the
# membership (会员取消, 不续费了), moving to 京东, 卡销了, the last time with
# you, never ordering again, done with your company (another colour is no
# leaving); "screw you". Cancelling one order, not complaining, a great
# lawyer in a film and 曝光度 of an advert raise none.
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
--- stderr
--- exit
0
