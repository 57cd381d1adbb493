# A second batch of agent lines, one item each, written before the lists grew
# (19 of 28 right): closings 还有别的需要帮忙的吗 and 随时找我; recording
# disclosures "this call is recorded" and "calls are monitored and
# recorded"; holds "hold on a sec", "one sec", 您先别挂; returns "thanks so
# much for waiting", "appreciate your patience", 让您等了这么久.
--- cmd
cs-qa /dev/stdin | jq -r 'select(.kind == "conversation") | (.qa.items | map({(.id): [.applicable, .passed]}) | add) as $i | .test as $t | [$t, ($i[$t] | map(tostring) | join(" ")), (.messages | map(select(.role == "agent") | .text) | join(" / "))] | @tsv'
--- stdin
{"kind": "conversation", "id": "k00", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Morning! This is Alex with Acme Bank, how may I assist?"}], "test": "greeting"}
{"kind": "conversation", "id": "k01", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Hi Jane, I'm Tom and I'll be helping you today."}], "test": "greeting"}
{"kind": "conversation", "id": "k02", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Welcome to Acme chat support!"}], "test": "greeting"}
{"kind": "conversation", "id": "k03", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Hello, you've reached the returns team."}], "test": "greeting"}
{"kind": "conversation", "id": "k04", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "早上好，这里是京东客服，很高兴为您服务"}], "test": "greeting"}
{"kind": "conversation", "id": "k05", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您好，我是今天为您服务的客服小美"}], "test": "greeting"}
{"kind": "conversation", "id": "k06", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您好~请问有什么需要帮助的吗"}], "test": "greeting"}
{"kind": "conversation", "id": "k07", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Have a great day!"}], "test": "closing"}
{"kind": "conversation", "id": "k08", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Anything else I can do for you?"}], "test": "closing"}
{"kind": "conversation", "id": "k09", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "Thanks for your patience today, goodbye."}], "test": "closing"}
{"kind": "conversation", "id": "k10", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "OK."}, {"id": "a2", "role": "agent", "text": "You're all set. Take care!"}], "test": "closing"}
{"kind": "conversation", "id": "k11", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "感谢您的耐心，祝您生活愉快，再见"}], "test": "closing"}
{"kind": "conversation", "id": "k12", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "还有别的需要帮忙的吗？"}], "test": "closing"}
{"kind": "conversation", "id": "k13", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "好的。"}, {"id": "a2", "role": "agent", "text": "如果还有问题随时找我哦"}], "test": "closing"}
{"kind": "conversation", "id": "k14", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Just so you know, this call is recorded."}], "test": "disclosure"}
{"kind": "conversation", "id": "k15", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Calls are monitored and recorded for training purposes."}], "test": "disclosure"}
{"kind": "conversation", "id": "k16", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "This conversation may be recorded for quality assurance."}], "test": "disclosure"}
{"kind": "conversation", "id": "k17", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "温馨提示，本次通话将全程录音"}], "test": "disclosure"}
{"kind": "conversation", "id": "k18", "channel": "voice", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您好，通话将被录音，请知悉"}], "test": "disclosure"}
{"kind": "conversation", "id": "k19", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Could you hold on a sec while I pull that up?"}, {"id": "a2", "role": "agent", "text": "OK."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k20", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Let me put you on hold for a couple of minutes."}, {"id": "a2", "role": "agent", "text": "OK."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k21", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "One sec, checking now."}, {"id": "a2", "role": "agent", "text": "OK."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k22", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "您先别挂，我查一下"}, {"id": "a2", "role": "agent", "text": "好的。"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k23", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请您稍等一下，我马上回来"}, {"id": "a2", "role": "agent", "text": "好的。"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k24", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Please hold on, let me check."}, {"id": "a2", "role": "agent", "text": "Thanks so much for waiting."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k25", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "Hi, I have a question about my order."}, {"id": "a1", "role": "agent", "text": "Please hold on, let me check."}, {"id": "a2", "role": "agent", "text": "Appreciate your patience, I have an update."}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k26", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请稍等，我查一下"}, {"id": "a2", "role": "agent", "text": "久等了，查到了"}], "test": "hold_etiquette"}
{"kind": "conversation", "id": "k27", "channel": "chat", "messages": [{"id": "c1", "role": "customer", "text": "你好，我想问一下我的订单"}, {"id": "a1", "role": "agent", "text": "请稍等，我查一下"}, {"id": "a2", "role": "agent", "text": "不好意思让您等了这么久"}], "test": "hold_etiquette"}
--- stdout
greeting	true true	Morning! This is Alex with Acme Bank, how may I assist?
greeting	true true	Hi Jane, I'm Tom and I'll be helping you today.
greeting	true true	Welcome to Acme chat support!
greeting	true true	Hello, you've reached the returns team.
greeting	true true	早上好，这里是京东客服，很高兴为您服务
greeting	true true	您好，我是今天为您服务的客服小美
greeting	true true	您好~请问有什么需要帮助的吗
closing	true true	OK. / Have a great day!
closing	true true	OK. / Anything else I can do for you?
closing	true true	OK. / Thanks for your patience today, goodbye.
closing	true true	OK. / You're all set. Take care!
closing	true true	好的。 / 感谢您的耐心，祝您生活愉快，再见
closing	true true	好的。 / 还有别的需要帮忙的吗？
closing	true true	好的。 / 如果还有问题随时找我哦
disclosure	true true	Just so you know, this call is recorded.
disclosure	true true	Calls are monitored and recorded for training purposes.
disclosure	true true	This conversation may be recorded for quality assurance.
disclosure	true true	温馨提示，本次通话将全程录音
disclosure	true true	您好，通话将被录音，请知悉
hold_etiquette	true false	Could you hold on a sec while I pull that up? / OK.
hold_etiquette	true false	Let me put you on hold for a couple of minutes. / OK.
hold_etiquette	true false	One sec, checking now. / OK.
hold_etiquette	true false	您先别挂，我查一下 / 好的。
hold_etiquette	true false	请您稍等一下，我马上回来 / 好的。
hold_etiquette	true true	Please hold on, let me check. / Thanks so much for waiting.
hold_etiquette	true true	Please hold on, let me check. / Appreciate your patience, I have an update.
hold_etiquette	true true	请稍等，我查一下 / 久等了，查到了
hold_etiquette	true true	请稍等，我查一下 / 不好意思让您等了这么久
--- stderr
--- exit
0
