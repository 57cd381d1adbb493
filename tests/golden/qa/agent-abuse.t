# An agent's abusive words raise a critical alert and fail professionalism
# (the rude rule reads the abuse list too, not only the forbidden phrases):
# a stupid question, are you deaf, stop whining, 你是不是傻, 你有病吧,
# 你听不懂人话吗, 脑子有问题. Seven of twelve were right before. Polite
# repeats raise nothing; a customer who calls themself silly (我是不是傻,
# 我真是听不懂人话了) abuses no one, one who says 你是不是傻 does.
--- cmd
cs-qa --alerts inline /dev/stdin | jq -r '[.id, ([.qa.alerts[].type] | join(",")), (.qa.items[] | select(.id == "professionalism") | [.applicable, .passed] | map(tostring) | join(" ")), .messages[-1].text] | @tsv'
--- stdin
{"kind":"conversation","id":"g01","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m1","role":"agent","text":"That's a stupid question."}]}
{"kind":"conversation","id":"g02","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m2","role":"agent","text":"Are you deaf? I already said it."}]}
{"kind":"conversation","id":"g03","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m3","role":"agent","text":"Don't be an idiot."}]}
{"kind":"conversation","id":"g04","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m4","role":"agent","text":"Stop whining."}]}
{"kind":"conversation","id":"g05","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m5","role":"agent","text":"你是不是傻"}]}
{"kind":"conversation","id":"g06","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m6","role":"agent","text":"你有病吧"}]}
{"kind":"conversation","id":"g07","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m7","role":"agent","text":"你听不懂人话吗"}]}
{"kind":"conversation","id":"g08","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m8","role":"agent","text":"脑子有问题吧你"}]}
{"kind":"conversation","id":"g09","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m9","role":"agent","text":"I'm sorry, I didn't catch that, could you repeat?"}]}
{"kind":"conversation","id":"g10","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m10","role":"agent","text":"No problem at all, happy to explain again."}]}
{"kind":"conversation","id":"g11","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m11","role":"agent","text":"这个问题问得很好"}]}
{"kind":"conversation","id":"g12","messages":[{"id":"c","role":"customer","text":"hello"},{"id":"m12","role":"agent","text":"您先别着急，我再解释一遍"}]}
{"kind":"conversation","id":"cust-10","messages":[{"id":"m","role":"customer","text":"我是不是傻，买了这个"}]}
{"kind":"conversation","id":"cust-11","messages":[{"id":"m","role":"customer","text":"我真是听不懂人话了哈哈"}]}
{"kind":"conversation","id":"cust-5","messages":[{"id":"m","role":"customer","text":"你是不是傻"}]}
--- stdout
g01	qa.agent_abuse	true false	That's a stupid question.
g02	qa.agent_abuse	true false	Are you deaf? I already said it.
g03	qa.agent_abuse	true false	Don't be an idiot.
g04	qa.agent_abuse	true false	Stop whining.
g05	qa.agent_abuse	true false	你是不是傻
g06	qa.agent_abuse	true false	你有病吧
g07	qa.agent_abuse	true false	你听不懂人话吗
g08	qa.agent_abuse	true false	脑子有问题吧你
g09		true true	I'm sorry, I didn't catch that, could you repeat?
g10		true true	No problem at all, happy to explain again.
g11		true true	这个问题问得很好
g12		true true	您先别着急，我再解释一遍
cust-10		false null	我是不是傻，买了这个
cust-11		false null	我真是听不懂人话了哈哈
cust-5	qa.customer_abuse	false null	你是不是傻
--- stderr
--- exit
0
