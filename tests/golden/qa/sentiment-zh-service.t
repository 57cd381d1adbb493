# Chinese service chat: 麻烦 as a polite request (麻烦您, 麻烦帮) is no
# complaint and no frustration, while 太麻烦 and 烦死 are both; a question
# that ends in 吗 or 么 does not negate with 不是 (这不是骗人吗 says it is a
# scam), the same words without it do; service words NTUSD lacks (省心, 没回复).
--- cmd

--- stdin
麻烦您稍等一下，我帮您查询
麻烦帮我查一下订单
太麻烦了，要填这么多表
烦死了，电话打不通
这不是骗人吗？
这不是骗人
你不是说今天发货么，怎么还没发
退款秒到账，很省心
每次都等一个小时，客服也没回复
--- stdout
--- stderr
--- exit
0
