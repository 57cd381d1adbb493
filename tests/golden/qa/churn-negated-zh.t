# churn_intent's Chinese negation reaches the churn verb past the words of
# getting it done (打电话, 去, 申请, 办理 ...): 我不想打电话去销户 and
# 我不打算打个电话去注销 say the customer will not leave, where before only a
# bare 去/给/到... fitted between and they raised the alert. Anything else
# between (我不想再等了我要销户) still alerts, as do the plain asks.
--- cmd
i=0
for t in 我不想打电话去销户 我不会去申请注销 我不打算打个电话去注销 我不想再等了我要销户 我要销户 不想等了，我要销户; do
	i=$((i + 1))
	printf '{"kind":"conversation","id":"c%d","channel":"chat","messages":[{"id":"1","role":"customer","text":"%s"}]}\n' $i "$t"
done | cs-qa --alerts only | jq -c '[.conversation_id, .type, .evidence[0].text]'
--- stdout
["c4","qa.churn_intent","销户"]
["c5","qa.churn_intent","销户"]
["c6","qa.churn_intent","销户"]
--- stderr
--- exit
0
