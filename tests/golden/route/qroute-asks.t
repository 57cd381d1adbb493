# A question to the bot about what it is ("are you a real person or a
# bot?", "am I talking to an actual person") or about the process ("do I
# need to speak to a representative to change my pin?") asks for no one: the
# shipped not:re: patterns cancel the asks they overlap, and "an awful human
# being" is none. An ask beside such a question, and the usual asks, still
# count. A policy's phrases take not:re: too, and a capital in one is an
# error naming the policy's line.
--- cmd
cs-route --field text | jq -c '[.text, .route.human_requested]'
cat > policy.json <<'EOF2'
{"version": 1,
 "human_request": {"phrases": ["not:re:\\btransfer\\s+to\\s+the\\s+agent\\s+account"]}}
EOF2
printf '%s\n' '{"text":"how do i transfer to the agent account"}' '{"text":"transfer me to the agent"}' > t.ndjson
cs-route --field text t.ndjson | jq -c '[.text, .route.human_requested]'
cs-route -p policy.json --field text t.ndjson | jq -c '[.text, .route.human_requested]'
printf '{"version": 1,\n "human_request": {"phrases": ["not:re:\\\\bAre you"]}}\n' > bad.json
(cs-route -p bad.json --field text t.ndjson; echo "exit $?") 2>&1
--- stdin
{"text":"are you a real person or a bot"}
{"text":"am i talking to an actual person"}
{"text":"inform carl that he is an awful human being"}
{"text":"Do I need to speak to a representative to change my pin?"}
{"text":"are you a person"}
{"text":"are you an actual live person"}
{"text":"are you a computer, or are you a real person"}
{"text":"am i speaking with ai or a real, live person"}
{"text":"can you tell me if you are a real live person"}
{"text":"is this a real person?"}
{"text":"can you act and think like a real person"}
{"text":"do i have to talk to someone to close an account or can i in the app"}
{"text":"are you a real person? I want to talk to a real person"}
{"text":"I'd like a real person please"}
{"text":"are you real? i need a human"}
{"text":"this bot is useless, get me a real person"}
{"text":"i would like to talk to an actual human being"}
{"text":"human being please"}
--- stdout
["are you a real person or a bot",false]
["am i talking to an actual person",false]
["inform carl that he is an awful human being",false]
["Do I need to speak to a representative to change my pin?",false]
["are you a person",false]
["are you an actual live person",false]
["are you a computer, or are you a real person",false]
["am i speaking with ai or a real, live person",false]
["can you tell me if you are a real live person",false]
["is this a real person?",false]
["can you act and think like a real person",false]
["do i have to talk to someone to close an account or can i in the app",false]
["are you a real person? I want to talk to a real person",true]
["I'd like a real person please",true]
["are you real? i need a human",true]
["this bot is useless, get me a real person",true]
["i would like to talk to an actual human being",true]
["human being please",true]
["how do i transfer to the agent account",true]
["transfer me to the agent",true]
["how do i transfer to the agent account",false]
["transfer me to the agent",true]
cs-route: --policy bad.json:2: "phrases": 'A' is never in the request, which is case folded: write patterns in lower case
exit 3
--- stderr
--- exit
0
