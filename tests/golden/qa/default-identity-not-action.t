# Identity verification applies to an account action the agent takes
# ("I've issued a refund", "I'll reset your password", 退款已经给您办理,
# 已为您重置密码), not to one the agent explains: the refund policy, or how
# customers reset their password themselves (我们的退款政策是30天内,
# 您可以在设置里自己重置密码), which scored 0 (auto-fail) when a bare
# "refund", "reset your password", 退款 or 重置密码 was an action. An offer
# or a question (I can reset your password once I verify you, 需要帮您重置
# 密码吗) and a condition (Once your refund has been issued) are no action
# either; a refund reported done (your refund was sent) is one.
--- cmd
cs-qa | jq -r 'select(.kind == "conversation") | (.qa.items[] | select(.id == "identity_verification")) as $i | [.id, .qa.score, .qa.auto_fail, $i.applicable, $i.passed, ([$i.evidence[].text] | join("|"))] | @tsv'
--- stdin
{"kind":"conversation","id":"en-refund-policy","channel":"chat","messages":[{"id":"1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"What is your refund policy?"},{"id":"2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Hello! Our refund policy allows returns within 30 days. Is there anything else I can help with?"},{"id":"3","ts":"2026-03-02T01:00:40Z","role":"customer","text":"No, thanks"},{"id":"4","ts":"2026-03-02T01:01:00Z","role":"agent","text":"Have a nice day!"}]}
{"kind":"conversation","id":"en-reset-yourself","channel":"chat","messages":[{"id":"1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"How can I change my password?"},{"id":"2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"Hello! You can reset your password yourself under Settings > Security. Is there anything else I can help with?"},{"id":"3","ts":"2026-03-02T01:00:40Z","role":"customer","text":"No, thanks"},{"id":"4","ts":"2026-03-02T01:01:00Z","role":"agent","text":"Have a nice day!"}]}
{"kind":"conversation","id":"zh-refund-policy","channel":"chat","messages":[{"id":"1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"你们的退款政策是什么？"},{"id":"2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"您好！我们的退款政策是30天内可以无理由退货。请问还有什么可以帮您？"},{"id":"3","ts":"2026-03-02T01:00:40Z","role":"customer","text":"没有了，谢谢"},{"id":"4","ts":"2026-03-02T01:01:00Z","role":"agent","text":"祝您生活愉快，再见！"}]}
{"kind":"conversation","id":"zh-reset-yourself","channel":"chat","messages":[{"id":"1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"密码怎么改？"},{"id":"2","ts":"2026-03-02T01:00:20Z","role":"agent","text":"您好！您可以在设置里自己重置密码。请问还有什么可以帮您？"},{"id":"3","ts":"2026-03-02T01:00:40Z","role":"customer","text":"没有了，谢谢"},{"id":"4","ts":"2026-03-02T01:01:00Z","role":"agent","text":"祝您生活愉快，再见！"}]}
{"kind":"conversation","id":"en-offer","channel":"chat","messages":[{"id":"1","role":"customer","text":"I'm locked out"},{"id":"2","role":"agent","text":"I can reset your password once I verify your identity."}]}
{"kind":"conversation","id":"en-once-issued","channel":"chat","messages":[{"id":"1","role":"customer","text":"How do refunds work?"},{"id":"2","role":"agent","text":"Once your refund has been issued, you will get an email."}]}
{"kind":"conversation","id":"zh-offer","channel":"chat","messages":[{"id":"1","role":"customer","text":"我登录不了"},{"id":"2","role":"agent","text":"需要帮您重置密码吗？"}]}
{"kind":"conversation","id":"en-issued","channel":"chat","messages":[{"id":"1","role":"customer","text":"I want my money back"},{"id":"2","role":"agent","text":"I've issued a refund to your card."}]}
{"kind":"conversation","id":"en-processed","channel":"chat","messages":[{"id":"1","role":"customer","text":"I want my money back"},{"id":"2","role":"agent","text":"I have processed your refund."}]}
{"kind":"conversation","id":"en-will-reset","channel":"chat","messages":[{"id":"1","role":"customer","text":"I'm locked out"},{"id":"2","role":"agent","text":"I'll reset your password now."}]}
{"kind":"conversation","id":"en-changed-email","channel":"chat","messages":[{"id":"1","role":"customer","text":"Please use my new address"},{"id":"2","role":"agent","text":"I've changed the email on your account."}]}
{"kind":"conversation","id":"en-refund-sent","channel":"chat","messages":[{"id":"1","role":"customer","text":"Where is my refund?"},{"id":"2","role":"agent","text":"Your refund was sent today."}]}
{"kind":"conversation","id":"zh-refund-done","channel":"chat","messages":[{"id":"1","role":"customer","text":"我要退款"},{"id":"2","role":"agent","text":"退款已经给您办理"}]}
{"kind":"conversation","id":"zh-reset-done","channel":"chat","messages":[{"id":"1","role":"customer","text":"我登录不了"},{"id":"2","role":"agent","text":"已为您重置密码"}]}
{"kind":"conversation","id":"zh-verified-refund","channel":"chat","messages":[{"id":"1","role":"customer","text":"我要退款"},{"id":"2","role":"agent","text":"请提供一下您的订单号"},{"id":"3","role":"customer","text":"88213"},{"id":"4","role":"agent","text":"好的，我这就为您办理退款"}]}
--- stdout
en-refund-policy	82.1	false	false		
en-reset-yourself	82.1	false	false		
zh-refund-policy	100	false	false		
zh-reset-yourself	100	false	false		
en-offer	60.8	false	false		
en-once-issued	60.8	false	false		
zh-offer	80.4	false	false		
en-issued	0	true	true	false	I've issued a refund
en-processed	0	true	true	false	I have processed your refund
en-will-reset	0	true	true	false	I'll reset your password
en-changed-email	0	true	true	false	I've changed the email
en-refund-sent	0	true	true	false	Your refund was sent
zh-refund-done	0	true	true	false	退款已经给您办理
zh-reset-done	0	true	true	false	已为您重置密码
zh-verified-refund	67.2	false	true	true	您的订单号
--- stderr
--- exit
0
