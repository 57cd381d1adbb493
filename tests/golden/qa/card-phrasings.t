# A batch of agent lines written before the default scorecard's lists grew
# (63 of 72 right): for each, the item it should decide. Empathy that says
# this is not the experience we want or "I can see why you're upset";
# questions in Chinese that end in 吗 or ask 什么型号 or to 描述一下 (还有其他问题吗
# is a closing, not discovery); a brief hold, "give me two minutes", 稍候,
# 我去核实; "I already told you twice" and 你自己去看说明书 are unprofessional.
# Greetings, closings, disclosures and returns from hold were all right.
--- cmd
cs-qa /dev/stdin | jq -r 'select(.kind == "conversation") | (.qa.items | map({(.id): [.applicable, .passed]}) | add) as $i | .test as $t | [$t, ($i[$t] | map(tostring) | join(" ")), (.messages | map(select(.role == "agent") | .text) | join(" / "))] | @tsv'
--- stdin
{"kind": "conversation", "id": "k00", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Hi there, thanks for reaching out to Acme support, this is Dana."}], "test": "greeting"}
{"kind": "conversation", "id": "k01", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Good evening! You're chatting with Mike from the billing team."}], "test": "greeting"}
{"kind": "conversation", "id": "k02", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Hello and welcome to Acme, how can I help today?"}], "test": "greeting"}
{"kind": "conversation", "id": "k03", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Hey! Sam here from customer care."}], "test": "greeting"}
{"kind": "conversation", "id": "k04", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Thank you for calling Acme, my name is Priya."}], "test": "greeting"}
{"kind": "conversation", "id": "k05", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您好，很高兴为您服务，我是客服小王"}], "test": "greeting"}
{"kind": "conversation", "id": "k06", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "亲，在的哦，请问有什么可以帮您"}], "test": "greeting"}
{"kind": "conversation", "id": "k07", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您好，这里是官方客服，工号1024"}], "test": "greeting"}
{"kind": "conversation", "id": "k08", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "晚上好，我是售后专员小李"}], "test": "greeting"}
{"kind": "conversation", "id": "k09", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "哈喽亲，欢迎光临本店"}], "test": "greeting"}
{"kind": "conversation", "id": "k10", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Your order shipped yesterday."}], "test": "greeting"}
{"kind": "conversation", "id": "k11", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "订单已经发出了"}], "test": "greeting"}
{"kind": "conversation", "id": "k12", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Is there anything else I can help you with today?"}], "test": "closing"}
{"kind": "conversation", "id": "k13", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Thanks for contacting us, have a wonderful weekend!"}], "test": "closing"}
{"kind": "conversation", "id": "k14", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Glad I could help. Take care!"}], "test": "closing"}
{"kind": "conversation", "id": "k15", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "If you need anything else, just reply to this chat. Bye!"}], "test": "closing"}
{"kind": "conversation", "id": "k16", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Thank you for your patience, enjoy the rest of your day."}], "test": "closing"}
{"kind": "conversation", "id": "k17", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "请问还有其他问题吗？"}], "test": "closing"}
{"kind": "conversation", "id": "k18", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "感谢您的来电，祝您生活愉快"}], "test": "closing"}
{"kind": "conversation", "id": "k19", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "不客气，有问题随时联系我们哦"}], "test": "closing"}
{"kind": "conversation", "id": "k20", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "那就不打扰您了，再见"}], "test": "closing"}
{"kind": "conversation", "id": "k21", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "祝您购物愉快，再见~"}], "test": "closing"}
{"kind": "conversation", "id": "k22", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "I will send the label now."}], "test": "closing"}
{"kind": "conversation", "id": "k23", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "我现在给您发退货地址"}], "test": "closing"}
{"kind": "conversation", "id": "k24", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "I am really angry, my package is late again. This is terrible service."}, {"id": "a1", "role": "agent", "text": "I'm so sorry to hear that, that must be really frustrating."}], "test": "empathy"}
{"kind": "conversation", "id": "k25", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "I am really angry, my package is late again. This is terrible service."}, {"id": "a1", "role": "agent", "text": "I completely understand how annoying this is."}], "test": "empathy"}
{"kind": "conversation", "id": "k26", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "I am really angry, my package is late again. This is terrible service."}, {"id": "a1", "role": "agent", "text": "I apologize for the inconvenience this has caused you."}], "test": "empathy"}
{"kind": "conversation", "id": "k27", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "I am really angry, my package is late again. This is terrible service."}, {"id": "a1", "role": "agent", "text": "That's definitely not the experience we want you to have."}], "test": "empathy"}
{"kind": "conversation", "id": "k28", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "I am really angry, my package is late again. This is terrible service."}, {"id": "a1", "role": "agent", "text": "I can see why you're upset."}], "test": "empathy"}
{"kind": "conversation", "id": "k29", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "太过分了，快递又晚了，根本没人管！"}, {"id": "a1", "role": "agent", "text": "非常抱歉给您带来不便"}], "test": "empathy"}
{"kind": "conversation", "id": "k30", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "太过分了，快递又晚了，根本没人管！"}, {"id": "a1", "role": "agent", "text": "理解您的心情，换做是我也会着急"}], "test": "empathy"}
{"kind": "conversation", "id": "k31", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "太过分了，快递又晚了，根本没人管！"}, {"id": "a1", "role": "agent", "text": "真的很抱歉让您久等了"}], "test": "empathy"}
{"kind": "conversation", "id": "k32", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "太过分了，快递又晚了，根本没人管！"}, {"id": "a1", "role": "agent", "text": "给您添麻烦了，实在不好意思"}], "test": "empathy"}
{"kind": "conversation", "id": "k33", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "太过分了，快递又晚了，根本没人管！"}, {"id": "a1", "role": "agent", "text": "您别着急，我马上帮您处理"}], "test": "empathy"}
{"kind": "conversation", "id": "k34", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "I am really angry, my package is late again. This is terrible service."}, {"id": "a1", "role": "agent", "text": "The refund takes 3-5 business days."}], "test": "empathy"}
{"kind": "conversation", "id": "k35", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "太过分了，快递又晚了，根本没人管！"}, {"id": "a1", "role": "agent", "text": "退款会在3到5个工作日到账"}], "test": "empathy"}
{"kind": "conversation", "id": "k36", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Could you tell me a bit more about what happened?"}], "test": "discovery"}
{"kind": "conversation", "id": "k37", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "When did you first notice the issue?"}], "test": "discovery"}
{"kind": "conversation", "id": "k38", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Can you share your order number so I can take a look?"}], "test": "discovery"}
{"kind": "conversation", "id": "k39", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "What error message do you see on screen?"}], "test": "discovery"}
{"kind": "conversation", "id": "k40", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Which device are you using?"}], "test": "discovery"}
{"kind": "conversation", "id": "k41", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请问是哪个订单呢？"}], "test": "discovery"}
{"kind": "conversation", "id": "k42", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "方便提供一下订单号吗"}], "test": "discovery"}
{"kind": "conversation", "id": "k43", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您能具体描述一下问题吗"}], "test": "discovery"}
{"kind": "conversation", "id": "k44", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请问是什么时候下单的呢"}], "test": "discovery"}
{"kind": "conversation", "id": "k45", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您用的是什么型号的手机"}], "test": "discovery"}
{"kind": "conversation", "id": "k46", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Your refund has been processed."}], "test": "discovery"}
{"kind": "conversation", "id": "k47", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "已经为您处理好了"}], "test": "discovery"}
{"kind": "conversation", "id": "k48", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Let me check that for you, please hold for a moment."}, {"id": "a2", "role": "agent", "text": "OK."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k49", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Would you mind if I put you on a brief hold?"}, {"id": "a2", "role": "agent", "text": "OK."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k50", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Give me two minutes while I look into this."}, {"id": "a2", "role": "agent", "text": "OK."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k51", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请您稍等，我帮您查询一下"}, {"id": "a2", "role": "agent", "text": "好的。"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k52", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "麻烦您稍候，我去核实一下"}, {"id": "a2", "role": "agent", "text": "好的。"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k53", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "我这边查一下，请稍等片刻"}, {"id": "a2", "role": "agent", "text": "好的。"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k54", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Please hold on, let me check."}, {"id": "a2", "role": "agent", "text": "Thank you for holding."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k55", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Please hold on, let me check."}, {"id": "a2", "role": "agent", "text": "Thanks for waiting, I'm back."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k56", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Please hold on, let me check."}, {"id": "a2", "role": "agent", "text": "Sorry for the wait."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k57", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请稍等，我查一下"}, {"id": "a2", "role": "agent", "text": "感谢您的耐心等待"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k58", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请稍等，我查一下"}, {"id": "a2", "role": "agent", "text": "让您久等了"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k59", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请稍等，我查一下"}, {"id": "a2", "role": "agent", "text": "久等了，我查到了"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k60", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Please note this call may be recorded for quality and training purposes."}], "test": "disclosure"}
{"kind": "conversation", "id": "k61", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "This call is being recorded."}], "test": "disclosure"}
{"kind": "conversation", "id": "k62", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "本次通话可能会被录音"}], "test": "disclosure"}
{"kind": "conversation", "id": "k63", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "为了保证服务质量，您的通话将被录音"}], "test": "disclosure"}
{"kind": "conversation", "id": "k64", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "That's not my problem."}], "test": "professionalism"}
{"kind": "conversation", "id": "k65", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "You should have read the terms."}], "test": "professionalism"}
{"kind": "conversation", "id": "k66", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Calm down."}], "test": "professionalism"}
{"kind": "conversation", "id": "k67", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "I already told you twice."}], "test": "professionalism"}
{"kind": "conversation", "id": "k68", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "这不归我管"}], "test": "professionalism"}
{"kind": "conversation", "id": "k69", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "你自己去看说明书"}], "test": "professionalism"}
{"kind": "conversation", "id": "k70", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "我也没办法"}], "test": "professionalism"}
{"kind": "conversation", "id": "k71", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "你听不懂吗"}], "test": "professionalism"}
--- stdout
greeting	true true	Hi there, thanks for reaching out to Acme support, this is Dana.
greeting	true true	Good evening! You're chatting with Mike from the billing team.
greeting	true true	Hello and welcome to Acme, how can I help today?
greeting	true true	Hey! Sam here from customer care.
greeting	true true	Thank you for calling Acme, my name is Priya.
greeting	true true	您好，很高兴为您服务，我是客服小王
greeting	true true	亲，在的哦，请问有什么可以帮您
greeting	true true	您好，这里是官方客服，工号1024
greeting	true true	晚上好，我是售后专员小李
greeting	true true	哈喽亲，欢迎光临本店
greeting	true false	Your order shipped yesterday.
greeting	true false	订单已经发出了
closing	true true	OK. / Is there anything else I can help you with today?
closing	true true	OK. / Thanks for contacting us, have a wonderful weekend!
closing	true true	OK. / Glad I could help. Take care!
closing	true true	OK. / If you need anything else, just reply to this chat. Bye!
closing	true true	OK. / Thank you for your patience, enjoy the rest of your day.
closing	true true	好的。 / 请问还有其他问题吗？
closing	true true	好的。 / 感谢您的来电，祝您生活愉快
closing	true true	好的。 / 不客气，有问题随时联系我们哦
closing	true true	好的。 / 那就不打扰您了，再见
closing	true true	好的。 / 祝您购物愉快，再见~
closing	true false	OK. / I will send the label now.
closing	true false	好的。 / 我现在给您发退货地址
empathy	true true	I'm so sorry to hear that, that must be really frustrating.
empathy	true true	I completely understand how annoying this is.
empathy	true true	I apologize for the inconvenience this has caused you.
empathy	true true	That's definitely not the experience we want you to have.
empathy	true true	I can see why you're upset.
empathy	true true	非常抱歉给您带来不便
empathy	true true	理解您的心情，换做是我也会着急
empathy	true true	真的很抱歉让您久等了
empathy	true true	给您添麻烦了，实在不好意思
empathy	true true	您别着急，我马上帮您处理
empathy	true false	The refund takes 3-5 business days.
empathy	true false	退款会在3到5个工作日到账
discovery	true true	Could you tell me a bit more about what happened?
discovery	true true	When did you first notice the issue?
discovery	true true	Can you share your order number so I can take a look?
discovery	true true	What error message do you see on screen?
discovery	true true	Which device are you using?
discovery	true true	请问是哪个订单呢？
discovery	true true	方便提供一下订单号吗
discovery	true true	您能具体描述一下问题吗
discovery	true true	请问是什么时候下单的呢
discovery	true true	您用的是什么型号的手机
discovery	true false	Your refund has been processed.
discovery	true false	已经为您处理好了
hold_etiquette	true false	Let me check that for you, please hold for a moment. / OK.
hold_etiquette	true false	Would you mind if I put you on a brief hold? / OK.
hold_etiquette	true false	Give me two minutes while I look into this. / OK.
hold_etiquette	true false	请您稍等，我帮您查询一下 / 好的。
hold_etiquette	true false	麻烦您稍候，我去核实一下 / 好的。
hold_etiquette	true false	我这边查一下，请稍等片刻 / 好的。
hold_etiquette	true true	Please hold on, let me check. / Thank you for holding.
hold_etiquette	true true	Please hold on, let me check. / Thanks for waiting, I'm back.
hold_etiquette	true true	Please hold on, let me check. / Sorry for the wait.
hold_etiquette	true true	请稍等，我查一下 / 感谢您的耐心等待
hold_etiquette	true true	请稍等，我查一下 / 让您久等了
hold_etiquette	true true	请稍等，我查一下 / 久等了，我查到了
disclosure	true true	Please note this call may be recorded for quality and training purposes.
disclosure	true true	This call is being recorded.
disclosure	true true	本次通话可能会被录音
disclosure	true true	为了保证服务质量，您的通话将被录音
professionalism	true false	That's not my problem.
professionalism	true false	You should have read the terms.
professionalism	true false	Calm down.
professionalism	true false	I already told you twice.
professionalism	true false	这不归我管
professionalism	true false	你自己去看说明书
professionalism	true false	我也没办法
professionalism	true false	你听不懂吗
--- stderr
--- exit
0
