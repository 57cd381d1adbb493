# A customer reporting fraud on their card is not angry and is not escalated
# for it (both were, for anger, at priority +10): "fraud" is anger only when
# said of someone (you're a fraud, frauds, fraudsters, scammers), which still
# escalates for anger where the sentiment alone would not.
--- cmd
cs-route --field text | jq -c '[.text, .route.escalated, .route.sentiment, [.route.reasons[] | select(test("anger"))]]'
--- stdin
{"text":"please file a fraud report"}
{"text":"where do i report fraud on my credit card"}
{"text":"your company is full of scammers"}
--- stdout
["please file a fraud report",false,-0.3612,[]]
["where do i report fraud on my credit card",false,-0.296,[]]
["your company is full of scammers",true,0,["escalated: anger in the customer's words (priority +10)"]]
--- stderr
--- exit
0
