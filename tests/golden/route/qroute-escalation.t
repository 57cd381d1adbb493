# A low sentiment escalates only when it stays low with the words that name
# the problem neutral (share/route/problem-words.tsv): calm questions about a
# lost card, a failed top-up, a rejected card, a wrong rate, 被盗 or 扣款失败
# are not escalated, and the reason says why; an upset customer still is,
# also one whose words name the problem. The route's sentiment stays the
# plain score. The file is the user's to edit (a word added), and a bad line
# is an error naming the file and line.
--- cmd
cs-route --field text | jq -c '[.text, .route.escalated, .route.priority, .route.sentiment, (.route.reasons[] | select(test("escalated")))]'
cp -r "$CS_SHARE_DIR" share && printf 'sick\t0\n' >> share/route/problem-words.tsv
echo '{"text":"how many sick days have i used"}' | cs-route --field text | jq -c '[.route.escalated, .route.reasons[1]]'
echo '{"text":"how many sick days have i used"}' | CS_SHARE_DIR=share cs-route --field text | jq -c '[.route.escalated, .route.reasons[1]]'
printf 'calm\n' >> share/route/problem-words.tsv
(echo '{"text":"hi"}' | CS_SHARE_DIR=share cs-route --field text; echo "exit $?") 2>&1 | sed 's/tsv:[0-9]*:/tsv:N:/'
--- stdin
{"text":"How do I report my card as lost or stolen?"}
{"text":"Why did the top-up fail?"}
{"text":"My card gets rejected when I try to use it"}
{"text":"I was charged the wrong exchange rate on a purchase"}
{"text":"我的卡被盗了，付款也失败了，怎么办？"}
{"text":"银行卡被冻结了，转账失败"}
{"text":"扣款失败，显示错误"}
{"text":"I am so angry right now!"}
{"text":"this is unacceptable!!"}
{"text":"I hate this ATM, it charged me an extra fee, Why did it charge?"}
{"text":"气死我了，卡又被冻结了"}
{"text":"太差劲了，垃圾服务，投诉！"}
--- stdout
["How do I report my card as lost or stolen?",false,0,-0.6705,"not escalated: the customer's sentiment -0.670 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["Why did the top-up fail?",false,0,-0.5423,"not escalated: the customer's sentiment -0.542 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["My card gets rejected when I try to use it",false,0,-0.5106,"not escalated: the customer's sentiment -0.511 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["I was charged the wrong exchange rate on a purchase",false,0,-0.5994,"not escalated: the customer's sentiment -0.599 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["我的卡被盗了，付款也失败了，怎么办？",false,0,-0.6705,"not escalated: the customer's sentiment -0.670 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["银行卡被冻结了，转账失败",false,0,-0.6124,"not escalated: the customer's sentiment -0.612 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["扣款失败，显示错误",false,0,-0.6124,"not escalated: the customer's sentiment -0.612 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
["I am so angry right now!",true,10,-0.674,"escalated: the customer's sentiment -0.674 is at or below -0.50 (priority +10)","tier: human, escalated"]
["this is unacceptable!!",true,10,-0.555,"escalated: the customer's sentiment -0.555 is at or below -0.50 (priority +10)","tier: human, escalated"]
["I hate this ATM, it charged me an extra fee, Why did it charge?",true,10,-0.6705,"escalated: the customer's sentiment -0.670 is at or below -0.50, -0.572 without the words that name the problem (priority +10)","tier: human, escalated"]
["气死我了，卡又被冻结了",true,10,-0.6124,"escalated: anger in the customer's words (priority +10)","tier: human, escalated"]
["太差劲了，垃圾服务，投诉！",true,10,-0.8932,"escalated: the customer's sentiment -0.893 is at or below -0.50 (priority +10)","tier: human, escalated"]
[true,"escalated: the customer's sentiment -0.511 is at or below -0.50 (priority +10)"]
[false,"not escalated: the customer's sentiment -0.511 is at or below -0.50 only by the words that name the problem, 0.000 without them"]
cs-route: share/route/problem-words.tsv:N: expected a word, a tab and a valence
exit 3
--- stderr
--- exit
0
