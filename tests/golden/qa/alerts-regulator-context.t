# The citizens' hotline 12345 and the BBB threaten only in context (打12345,
# 拨打12345, 投诉到12345, 12345热线; report you to the BBB, the Better Business
# Bureau, a complaint with the BBB, a BBB complaint): alone they were critical
# regulator_threat alerts on a zip code, a PIN or an order id such as
# BBB-2041 or 12345.
--- cmd
cs-qa | jq -r 'select(.kind == "conversation") | [.id, ([.qa.alerts[] | .type + " " + .evidence[0].text] | join(",")), .messages[0].text] | @tsv'
--- stdin
{"kind":"conversation","id":"zip","messages":[{"id":"m1","role":"customer","text":"My zip code is 12345, please ship there"}]}
{"kind":"conversation","id":"pin","messages":[{"id":"m1","role":"customer","text":"I set my PIN to 12345 and it still fails"}]}
{"kind":"conversation","id":"order-en","messages":[{"id":"m1","role":"customer","text":"Order 12345 has not arrived yet"}]}
{"kind":"conversation","id":"order-bbb","messages":[{"id":"m1","role":"customer","text":"Where is my order BBB-2041?"}]}
{"kind":"conversation","id":"bbb-code","messages":[{"id":"m1","role":"customer","text":"The coupon code BBB did not work"}]}
{"kind":"conversation","id":"order-zh","messages":[{"id":"m1","role":"customer","text":"订单号12345还没到"}]}
{"kind":"conversation","id":"postcode-zh","messages":[{"id":"m1","role":"customer","text":"邮编是12345，地址没错"}]}
{"kind":"conversation","id":"dial-zh","messages":[{"id":"m1","role":"customer","text":"再不处理我就拨打12345"}]}
{"kind":"conversation","id":"complain-to-zh","messages":[{"id":"m1","role":"customer","text":"我要投诉到12345"}]}
{"kind":"conversation","id":"hotline-zh","messages":[{"id":"m1","role":"customer","text":"我已经在12345热线登记了"}]}
{"kind":"conversation","id":"call-zh","messages":[{"id":"m1","role":"customer","text":"我要打12345投诉你们"}]}
{"kind":"conversation","id":"report-bbb","messages":[{"id":"m1","role":"customer","text":"I will report you to the BBB"}]}
{"kind":"conversation","id":"bureau","messages":[{"id":"m1","role":"customer","text":"I am contacting the Better Business Bureau today"}]}
{"kind":"conversation","id":"file-with-bbb","messages":[{"id":"m1","role":"customer","text":"Fix this or I'll file a complaint with the BBB"}]}
{"kind":"conversation","id":"the-bbb","messages":[{"id":"m1","role":"customer","text":"The BBB will hear about this"}]}
{"kind":"conversation","id":"bbb-complaint","messages":[{"id":"m1","role":"customer","text":"I am writing a BBB complaint tonight"}]}
--- stdout
zip		My zip code is 12345, please ship there
pin		I set my PIN to 12345 and it still fails
order-en		Order 12345 has not arrived yet
order-bbb		Where is my order BBB-2041?
bbb-code		The coupon code BBB did not work
order-zh		订单号12345还没到
postcode-zh		邮编是12345，地址没错
dial-zh	qa.regulator_threat 拨打12345	再不处理我就拨打12345
complain-to-zh	qa.regulator_threat 投诉到12345	我要投诉到12345
hotline-zh	qa.regulator_threat 12345热线	我已经在12345热线登记了
call-zh	qa.regulator_threat 打12345	我要打12345投诉你们
report-bbb	qa.regulator_threat report you to	I will report you to the BBB
bureau	qa.regulator_threat Better Business Bureau	I am contacting the Better Business Bureau today
file-with-bbb	qa.regulator_threat file a complaint with	Fix this or I'll file a complaint with the BBB
the-bbb	qa.regulator_threat The BBB	The BBB will hear about this
bbb-complaint	qa.regulator_threat BBB complaint	I am writing a BBB complaint tonight
--- stderr
--- exit
0
