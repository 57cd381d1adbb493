# The default churn alert on "switch to": any word after "switch to" was
# churn, so a setting, a feature or a payment method (direct deposit, whisper
# mode, a voice, a language: 23 of the 85 churn alerts on the BANKING77 and
# CLINC150 utterances) paged as a customer leaving, with one letter of the
# object as evidence ("switch to d"). Now a switch is churn when the object is
# a provider (another bank, a different carrier, switching banks) or when the
# customer says they are switching to a name that ends the clause or goes on
# about leaving ("I'm switching to Verizon", "I'll switch to AT&T then"); a
# request to the service (can you, please, let's, I want you to) is not. The
# evidence is the statement. Cancelling a purchase or a charge is no leaving.
# In Chinese, 我想/我要 注销(我的)账号/账户 is churn, not only 注销账号; 我不想 is not.
--- cmd
jq -R -c '{kind: "conversation", id: ., channel: "chat", messages: [{id: "1", role: "customer", text: .}]}' |
	cs-qa --alerts only | jq -r 'select(.type == "qa.churn_intent") | [.conversation_id, .evidence[0].text] | @tsv'
--- stdin
I am switching to Verizon
I'm switching to Verizon because you keep dropping my calls
Switching over to T-Mobile.
I'll switch to AT&T then
I'm going to switch to Verizon instead
I will switch to another bank
I am switching to a different mobile carrier
I'm switching banks
i want to switch to direct deposit
switch to whisper mode, please
would you mind switching to whisper mode
what languages can i switch to for your responses
i am going to switch to greek
can we switch to spanish
can you switch to female voice
i would like to switch to a different insurance plan
switch to another card please
I'm going to cancel a purchase.
I'm cancelling this charge.
我想注销我的账号
我要注销我的账户
我们决定销户
我不想注销我的账号
--- stdout
I am switching to Verizon	I am switching to Verizon
I'm switching to Verizon because you keep dropping my calls	I'm switching to Verizon
Switching over to T-Mobile.	Switching over to T-Mobile
I'll switch to AT&T then	I'll switch to AT&T
I'm going to switch to Verizon instead	I'm going to switch to Verizon
I will switch to another bank	switch to another bank
I am switching to a different mobile carrier	switching to a different mobile carrier
I'm switching banks	switching banks
我想注销我的账号	我想注销我的账号
我要注销我的账户	我要注销我的账户
我们决定销户	销户
--- stderr
--- exit
0
