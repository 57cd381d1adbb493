# --redact card takes a card's issuer prefix and grouping and the words
# before it into account, besides Luhn's check: an Amazon order id (3-7-7),
# a 19-digit 订单号 and a tracking number that pass Luhn stay; a card
# number, grouped or not, in English or Chinese, is replaced.
--- cmd
cs-ingest -q --redact card --messages - | jq -r '.text'
--- stdin
{"conversation_id":"c1","role":"agent","text":"order 112-7034851-3920226 shipped today"}
{"conversation_id":"c1","role":"agent","text":"您的订单号 2314567890123456784 已经发货了"}
{"conversation_id":"c1","role":"agent","text":"tracking number: 5500000000000004"}
{"conversation_id":"c1","role":"customer","text":"my card is 5500 0000 0000 0004, exp 12/27"}
{"conversation_id":"c1","role":"customer","text":"卡号6222021234567890128请查"}
--- stdout
order 112-7034851-3920226 shipped today
您的订单号 2314567890123456784 已经发货了
tracking number: 5500000000000004
my card is [CARD], exp 12/27
卡号[CARD]请查
--- stderr
--- exit
0
