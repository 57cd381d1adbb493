# A not: phrase cancels every ask it overlaps, not only asks wholly inside
# it: 不需要人工客服 and 不用转人工客服 hold the longer ask 人工客服, which sticks
# out past not:不需要人工 and not:不用转人工, and used to go to a person. It
# cancels re: pattern matches too: a policy's not:"talk to a human
# resources" now stops "I want to talk to a human ..." matching. Saying no
# person is needed ("I don't need a human agent", typographic apostrophe
# too), a money transfer to someone and a person-to-person transfer fee ask
# for no one; real asks around them still do (a human agent please, "is
# there a person I can talk to", transfer me to a human, 我要人工客服).
--- cmd
cs-route --field text | jq -c '[.text, .route.human_requested]'
printf '{"version": 1, "human_request": {"phrases": ["not:talk to a human resources"]}}\n' > hr.json
for q in "I want to talk to a human resources person about my payslip" "I want to talk to a human"; do
	jq -nc --arg q "$q" '{text: $q}'
done | cs-route -p hr.json --field text | jq -c '[.text, .route.human_requested]'
--- stdin
{"text":"不需要人工"}
{"text":"不需要人工客服"}
{"text":"不用转人工"}
{"text":"不用转人工客服，我自己查到了"}
{"text":"I don't need a human agent, just tell me my order status"}
{"text":"I don’t need a human agent"}
{"text":"I do not need an agent, thanks"}
{"text":"I made a transfer to someone yesterday, where is it?"}
{"text":"Is there a person-to-person transfer fee?"}
{"text":"human agent please, I don't need a bot"}
{"text":"Is there a person I can talk to?"}
{"text":"transfer me to a human"}
{"text":"我要人工客服"}
--- stdout
["不需要人工",false]
["不需要人工客服",false]
["不用转人工",false]
["不用转人工客服，我自己查到了",false]
["I don't need a human agent, just tell me my order status",false]
["I don’t need a human agent",false]
["I do not need an agent, thanks",false]
["I made a transfer to someone yesterday, where is it?",false]
["Is there a person-to-person transfer fee?",false]
["human agent please, I don't need a bot",true]
["Is there a person I can talk to?",true]
["transfer me to a human",true]
["我要人工客服",true]
["I want to talk to a human resources person about my payslip",false]
["I want to talk to a human",true]
--- stderr
--- exit
0
