# A batch of 40 lines, ten an emotion, written before the emotion words grew
# (32 right): "the hell", 耍我 (anger); the third time I'm explaining,
# at my wit's end, 反复出现, 太折腾, 心累 (frustration); please hurry, 很急
# (anxiety). "Please hurry" and "at my wit's end" are always words: VADER
# scores their messages positive for "please" and "help", which would
# otherwise hide a negative emotion.
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
anxiety	anxiety	怎么办	万一丢件了怎么办，我很慌
anxiety	anxiety	害怕	账户被冻结了，我很害怕
anxiety	anxiety	很急	能不能快点，我这边很急
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
--- stderr
--- exit
0
