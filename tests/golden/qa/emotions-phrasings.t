# A batch of 40 lines, ten an emotion, written before the emotion words grew
# (32 right): "the hell", 耍我 (anger); the third time I'm explaining,
# at my wit's end, 反复出现, 太折腾, 心累 (frustration); please hurry, 很急
# (anxiety). "Please hurry" and "at my wit's end" are always words: VADER
# scores their messages positive for "please" and "help", which would
# otherwise hide a negative emotion. A second batch, Chinese (11 of 20
# before): 骂人, 别跟我扯, 凭什么 (strict) (anger); 说来说去, 解决不了, 重新说一遍,
# 累不累, 三个说法 (frustration); 慌 (also a negative word now: 我好慌 was 好
# and positive), 等着用, 能不能快点 (anxiety). 到底要我等到什么时候 scores
# neutral, and 到底要 is strict: no emotion.
--- cmd
jq -R -c 'split("\t") | {want: .[0], text: .[1]}' | cs-qa --sentiment-only | jq -r '[.want, ([.qa.sentiment.emotions[].emotion] | unique | join(",")), ([.qa.sentiment.emotions[].words[]] | join(",")), .text] | @tsv'
--- stdin
anger	This is absolutely unacceptable, I'm furious!
anger	I'm so pissed off right now, fix it!
anger	You people are a joke, I'm livid.
anger	What the hell is wrong with your company?
anger	I am outraged by how I've been treated.
anger	气死我了，你们到底怎么回事！
anger	太过分了，简直欺人太甚
anger	我真的火大了，什么破服务
anger	你们这是在耍我吗？
anger	忍无可忍了，马上给我处理
frustration	I've tried everything and it still doesn't work.
frustration	This is the third time I'm explaining this.
frustration	I keep getting the same error over and over.
frustration	Nothing I do seems to help, I'm at my wit's end.
frustration	Why is this so complicated?
frustration	试了好几次还是不行，烦死了
frustration	同样的问题反复出现，太折腾了
frustration	说了多少遍了，还是没解决
frustration	每次都这样，心累
frustration	怎么弄都弄不好，好崩溃
anxiety	I'm worried my card was charged twice.
anxiety	I need this by tomorrow, I'm really nervous it won't arrive.
anxiety	Is my money safe? I'm scared it's gone.
anxiety	Please hurry, my flight leaves in two hours.
anxiety	I'm anxious about whether the refund went through.
anxiety	我好担心钱退不回来
anxiety	明天就要用了，能赶得上吗，急死了
anxiety	万一丢件了怎么办，我很慌
anxiety	账户被冻结了，我很害怕
anxiety	能不能快点，我这边很急
satisfaction	Thank you so much, that solved it!
satisfaction	Great service, I'm really happy with the help.
satisfaction	Perfect, that's exactly what I needed.
satisfaction	You've been very helpful, much appreciated.
satisfaction	Awesome, it works now. Thanks!
satisfaction	太感谢了，问题解决了
satisfaction	服务很好，非常满意
satisfaction	好的，已经收到了，谢谢你们
satisfaction	处理得很快，给你们点赞
satisfaction	太棒了，终于弄好了
anger	你们这是什么垃圾服务，简直气炸了
anger	我真的要骂人了，拖了这么久
anger	你们还有没有良心
anger	别跟我扯这些没用的
anger	凭什么扣我的钱！
anger	太欺负人了吧
frustration	怎么又是这个问题，烦死了
frustration	说来说去还是解决不了
frustration	每次打电话都要重新说一遍，累不累
frustration	到底要我等到什么时候
frustration	问了三个客服，三个说法
anxiety	钱是不是被骗了，我好慌
anxiety	明天就要出发了，票还没出来，急
anxiety	孩子等着用，能不能快点
anxiety	会不会影响我的征信啊，好担心
anxiety	万一退不了款怎么办
satisfaction	太给力了，一下就搞定了
satisfaction	谢谢小姐姐，服务太好了
satisfaction	问题解决了，很开心
satisfaction	非常满意，下次还找你们
--- stdout
anger	anger	unacceptable,furious	This is absolutely unacceptable, I'm furious!
anger	anger	pissed	I'm so pissed off right now, fix it!
anger	anger	livid	You people are a joke, I'm livid.
anger	anger	the hell	What the hell is wrong with your company?
anger	anger	outraged	I am outraged by how I've been treated.
anger	anger	气死	气死我了，你们到底怎么回事！
anger	anger	太过分,过分,欺人太甚	太过分了，简直欺人太甚
anger	anger	火大	我真的火大了，什么破服务
anger	anger	耍我	你们这是在耍我吗？
anger	anger	忍无可忍	忍无可忍了，马上给我处理
frustration	frustration	doesn't work	I've tried everything and it still doesn't work.
frustration	frustration	third time I'm	This is the third time I'm explaining this.
frustration	frustration	over and over	I keep getting the same error over and over.
frustration	frustration	wit's end	Nothing I do seems to help, I'm at my wit's end.
frustration	frustration	so complicated	Why is this so complicated?
frustration	frustration	还是不行,烦死	试了好几次还是不行，烦死了
frustration	frustration	反复出现,太折腾	同样的问题反复出现，太折腾了
frustration	frustration	多少遍,还是没解决	说了多少遍了，还是没解决
frustration	frustration	每次都这样,心累	每次都这样，心累
frustration	frustration	崩溃	怎么弄都弄不好，好崩溃
anxiety	anxiety	worried	I'm worried my card was charged twice.
anxiety	anxiety	nervous	I need this by tomorrow, I'm really nervous it won't arrive.
anxiety	anxiety	scared	Is my money safe? I'm scared it's gone.
anxiety	anxiety	Please hurry	Please hurry, my flight leaves in two hours.
anxiety	anxiety	anxious	I'm anxious about whether the refund went through.
anxiety	anxiety	担心	我好担心钱退不回来
anxiety	anxiety	急,急死	明天就要用了，能赶得上吗，急死了
anxiety	anxiety	怎么办,慌	万一丢件了怎么办，我很慌
anxiety	anxiety	害怕	账户被冻结了，我很害怕
anxiety	anxiety	能不能快点,很急	能不能快点，我这边很急
satisfaction	satisfaction	Thank you,solved	Thank you so much, that solved it!
satisfaction	satisfaction	Great,happy	Great service, I'm really happy with the help.
satisfaction	satisfaction	Perfect,exactly what I needed	Perfect, that's exactly what I needed.
satisfaction	satisfaction	helpful	You've been very helpful, much appreciated.
satisfaction	satisfaction	Awesome,Thanks	Awesome, it works now. Thanks!
satisfaction	satisfaction	感谢,解决了	太感谢了，问题解决了
satisfaction	satisfaction	很好,满意	服务很好，非常满意
satisfaction	satisfaction	谢谢	好的，已经收到了，谢谢你们
satisfaction	satisfaction	点赞	处理得很快，给你们点赞
satisfaction	satisfaction	太棒了	太棒了，终于弄好了
anger	anger	垃圾,气炸	你们这是什么垃圾服务，简直气炸了
anger	anger	骂人	我真的要骂人了，拖了这么久
anger	anger	没有良心	你们还有没有良心
anger	anger,frustration	别跟我扯,没用	别跟我扯这些没用的
anger	anger	凭什么	凭什么扣我的钱！
anger	anger	欺负人	太欺负人了吧
frustration	frustration	烦死	怎么又是这个问题，烦死了
frustration	frustration	说来说去,解决不了	说来说去还是解决不了
frustration	frustration	重新说一遍,累不累	每次打电话都要重新说一遍，累不累
frustration			到底要我等到什么时候
frustration	frustration	三个说法	问了三个客服，三个说法
anxiety	anxiety	慌	钱是不是被骗了，我好慌
anxiety	anxiety,frustration	还没,急	明天就要出发了，票还没出来，急
anxiety	anxiety	等着用,能不能快点	孩子等着用，能不能快点
anxiety	anxiety	担心	会不会影响我的征信啊，好担心
anxiety	anxiety	怎么办	万一退不了款怎么办
satisfaction	satisfaction	给力	太给力了，一下就搞定了
satisfaction	satisfaction	谢谢,太好了	谢谢小姐姐，服务太好了
satisfaction	satisfaction	解决了,开心	问题解决了，很开心
satisfaction	satisfaction	满意	非常满意，下次还找你们
--- stderr
--- exit
0
