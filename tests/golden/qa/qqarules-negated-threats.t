# A threat the customer says they will not make raises no alert, however the
# threat follows the negation in its clause: 不会投诉到12315, 不打算打12315,
# 不想打电话给12315, 不想在网上曝光你们, "I will not report you to the BBB".
# A threat after the negated clause still does: after 了 with no comma, after
# 但, after a comma, and after "but" or "and" in English; so do the plain
# threats.
--- cmd
jq -R -c '{kind: "conversation", id: "c", channel: "chat", messages: [{id: "m", role: "customer", text: .}]}' |
  cs-qa --alerts inline | jq -c '[.messages[0].text, [.qa.alerts[] | .type, .evidence[0].text]]'
--- stdin
我不会投诉到12315的，放心
我不打算打12315，只想解决问题
我不想打电话给12315
我不想在网上曝光你们
I will not report you to the BBB
我不想向消费者协会投诉
我不会给差评的
I won't go to the media if you fix it today
我不想再等了我要打12315
我不想投诉你们但我会打12315
不想跟你们说了，我要投诉到12315
I won't sue you but I will report you to the BBB
I will not sue, and I will report you to the BBB
我要在网上曝光你们
I'm going to report you to the BBB
--- stdout
["我不会投诉到12315的，放心",[]]
["我不打算打12315，只想解决问题",[]]
["我不想打电话给12315",[]]
["我不想在网上曝光你们",[]]
["I will not report you to the BBB",[]]
["我不想向消费者协会投诉",[]]
["我不会给差评的",[]]
["I won't go to the media if you fix it today",[]]
["我不想再等了我要打12315",["qa.regulator_threat","12315"]]
["我不想投诉你们但我会打12315",["qa.regulator_threat","12315"]]
["不想跟你们说了，我要投诉到12315",["qa.regulator_threat","12315"]]
["I won't sue you but I will report you to the BBB",["qa.regulator_threat","report you to"]]
["I will not sue, and I will report you to the BBB",["qa.regulator_threat","report you to"]]
["我要在网上曝光你们",["qa.regulator_threat","曝光"]]
["I'm going to report you to the BBB",["qa.regulator_threat","report you to"]]
--- stderr
--- exit
0
