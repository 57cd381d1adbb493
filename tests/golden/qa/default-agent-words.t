# Agents' lines that hold an insult's or a deflection's characters and are
# neither: 有病毒 (a virus), 图片不清楚 (the picture is unclear), 不知道您方便吗
# (polite), 没办法登录 (the customer's problem, restated). 你有病吧 is abuse and
# fails professionalism; 我也不清楚 is a deflection. "You should have received" an
# email is information, "you should have read" the terms is blame.
--- cmd
cs-qa | jq -c 'select(.kind == "conversation") | [.messages[1].text, .qa.auto_fail, [.qa.alerts[].type], (.qa.items[] | select(.id == "resolution" or .id == "professionalism") | [.id, .passed])]'
--- stdin
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"您的电脑可能有病毒"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"图片不清楚，请重新上传"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"你有病吧"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"不知道您方便吗"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"这个我也不清楚"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"您是说没办法登录吗"}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"You should have received a confirmation email."}]}
{"kind":"conversation","id":"a","channel":"chat","messages":[{"id":"m1","role":"customer","text":"帮我看看"},{"id":"m2","role":"agent","text":"You should have read the terms before buying."}]}
--- stdout
["您的电脑可能有病毒",false,[],["resolution",true],["professionalism",true]]
["图片不清楚，请重新上传",false,[],["resolution",true],["professionalism",true]]
["你有病吧",true,["qa.agent_abuse"],["resolution",true],["professionalism",false]]
["不知道您方便吗",false,[],["resolution",true],["professionalism",true]]
["这个我也不清楚",false,[],["resolution",false],["professionalism",true]]
["您是说没办法登录吗",false,[],["resolution",true],["professionalism",true]]
["You should have received a confirmation email.",false,[],["resolution",true],["professionalism",true]]
["You should have read the terms before buying.",true,[],["resolution",true],["professionalism",false]]
--- stderr
--- exit
0
