# A customer leaving says so with more verbs than cancel, close and delete, and
# without "my": terminate, deactivate, shut down, close out, end, remove or
# get rid of my (this, the, all) account, "delete account", "terminating an
# account", "I'd like my account to be deleted", "no longer want to be a
# customer", "don't want this account anymore" raise qa.churn_intent. The same
# verbs negated (I don't want to terminate, will not deactivate, no plans to
# shut down), a question whether an account will be closed, a payee removed
# from an account and a year-end account statement raise none.
--- cmd
jq -R -c '{kind: "conversation", id: "c", channel: "chat", messages: [{id: "1", role: "customer", text: .}]}' |
  cs-qa --alerts inline | jq -c '[.messages[0].text, [.qa.alerts[] | .type, .evidence[0].text]]'
--- stdin
I want to terminate my account
How do I deactivate my account?
please delete account
I want to shut down my account as soon as possible.
Close down my account.  I don't like your service.
This place has been too much work so I'd just like to close out my account & be done.
I am asking to end my account.
Remove my account immediately.
I want to get rid of the account
I wish to delete all accounts immediately.
What's the process for terminating an account?
I'd like my account to be deleted. I'm not satisfied with the service you provide.
I'm not satisfied with the services and no longer want to be a customer
I don't want this account anymore, how do I delete it?
I want to close my account
I don't want to terminate my account
I will not deactivate my account, just fix it
we have no plans to shut down our account
Will my account be closed if I don't use it?
How do I remove a payee from my account?
Where is my year end account statement?
--- stdout
["I want to terminate my account",["qa.churn_intent","terminate my account"]]
["How do I deactivate my account?",["qa.churn_intent","deactivate my account"]]
["please delete account",["qa.churn_intent","delete account"]]
["I want to shut down my account as soon as possible.",["qa.churn_intent","shut down my account"]]
["Close down my account.  I don't like your service.",["qa.churn_intent","Close down my account"]]
["This place has been too much work so I'd just like to close out my account & be done.",["qa.churn_intent","close out my account"]]
["I am asking to end my account.",["qa.churn_intent","end my account"]]
["Remove my account immediately.",["qa.churn_intent","Remove my account"]]
["I want to get rid of the account",["qa.churn_intent","get rid of the account"]]
["I wish to delete all accounts immediately.",["qa.churn_intent","delete all accounts"]]
["What's the process for terminating an account?",["qa.churn_intent","terminating an account"]]
["I'd like my account to be deleted. I'm not satisfied with the service you provide.",["qa.churn_intent","like my account to be deleted"]]
["I'm not satisfied with the services and no longer want to be a customer",["qa.churn_intent","no longer want to be a customer"]]
["I don't want this account anymore, how do I delete it?",["qa.churn_intent","don't want this account anymore"]]
["I want to close my account",["qa.churn_intent","close my account"]]
["I don't want to terminate my account",[]]
["I will not deactivate my account, just fix it",[]]
["we have no plans to shut down our account",[]]
["Will my account be closed if I don't use it?",[]]
["How do I remove a payee from my account?",[]]
["Where is my year end account statement?",[]]
--- stderr
--- exit
0
