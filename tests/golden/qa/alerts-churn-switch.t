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
# Text is case folded, so a name cannot be told from a plan by its capital:
# "I'm going to switch to Verizon." with nothing after the name raised
# nothing. A statement that the customer will switch (I'll, I'm going to,
# gonna, I've decided to, I'm switching, "Going to" opening a sentence) to a
# company the scorecard knows by name (carriers, banks, retailers, streaming,
# insurers, airlines; two words too: Wells Fargo, Capital One, Mint Mobile),
# or to one named by what it is (Acme Wireless, a credit union), is churn
# when the clause ends there; a plan, a mode, a tier, a payment method,
# a question and a negated switch are not.
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
I'm going to switch to Verizon.
I'll just switch to Wells Fargo then.
We're gonna switch to AT&T.
I've decided to switch to Capital One.
I'm going to switch my number to Mint Mobile.
I'm switching to a credit union.
Fine. Going to switch to Netflix.
I'm going to switch to Acme Wireless.
switch to the annual plan.
I'm going to switch to the annual plan.
switch to dark mode.
I'll switch to dark mode.
I'll switch to paperless.
I'll switch to Apple Pay.
I'll switch to the pro tier.
I'll switch to mobile banking.
Should I switch to Chase?
Do I want to switch to Verizon?
I'm not going to switch to Verizon.
I'd like to switch to Marcus, he helped me yesterday.
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
I'm going to switch to Verizon.	I'm going to switch to Verizon
I'll just switch to Wells Fargo then.	I'll just switch to Wells Fargo
We're gonna switch to AT&T.	We're gonna switch to AT&T
I've decided to switch to Capital One.	I've decided to switch to Capital One
I'm going to switch my number to Mint Mobile.	I'm going to switch my number to Mint Mobile
I'm switching to a credit union.	I'm switching to a credit union
Fine. Going to switch to Netflix.	Going to switch to Netflix
I'm going to switch to Acme Wireless.	I'm going to switch to Acme Wireless
我想注销我的账号	我想注销我的账号
我要注销我的账户	我要注销我的账户
我们决定销户	销户
--- stderr
--- exit
0
