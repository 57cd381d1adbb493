# Alerts of the default scorecard on more ways to say it: hotlines and
# regulators (12345, 工信部, the FTC, small claims), the police, going public
# (小红书, 差评, twitter, one-star reviews); leaving (账户注销, 携号转网, porting a
# number). An uninstall to reinstall, an order number holding 12345, a phone
# that beeps (报警), a page that will not scroll (滚动), a polite 不用了, a
# camera's exposure (曝光不准) and multimedia (多媒体) raise none; 滚 alone is
# abuse, 不用你们了 is leaving, 网上曝光 and 找媒体 are going public. Switching to a
# plan or to paperless billing is no leaving; switching over to T-Mobile is.
# Power of attorney, a customer who is a lawyer, a media player and a voltage
# regulator threaten nothing; my attorney, a complaint to the regulator and
# going to the media do. A customer calling themself an idiot (我真是个白痴)
# abuses no one; "you are an idiot" and "you idiots" do. Giving up a
# membership (会员退了), never buying here again and taking one's business
# elsewhere are leaving; calling the company a bunch of frauds (这帮骗子) is
# abuse, a scam call or a warning against scammers is not, and never
# forgetting a password again is no leaving.
--- cmd
cs-qa /dev/stdin | jq -r 'select(.kind == "conversation") | [.id, ([.qa.alerts[].type] | join(",")), .messages[0].text] | @tsv'
--- stdin
{"kind":"conversation","id":"c01","messages":[{"id":"m1","role":"customer","text":"我要打12345投诉你们"}]}
{"kind":"conversation","id":"c02","messages":[{"id":"m1","role":"customer","text":"这事我会反映到工信部"}]}
{"kind":"conversation","id":"c03","messages":[{"id":"m1","role":"customer","text":"再不处理我就去报警"}]}
{"kind":"conversation","id":"c04","messages":[{"id":"m1","role":"customer","text":"我要发小红书让大家都看看"}]}
{"kind":"conversation","id":"c05","messages":[{"id":"m1","role":"customer","text":"不退款就给差评"}]}
{"kind":"conversation","id":"c06","messages":[{"id":"m1","role":"customer","text":"I'm reporting this to the FTC"}]}
{"kind":"conversation","id":"c07","messages":[{"id":"m1","role":"customer","text":"I will see you in small claims court"}]}
{"kind":"conversation","id":"c08","messages":[{"id":"m1","role":"customer","text":"I'll post this on twitter so everyone knows"}]}
{"kind":"conversation","id":"c09","messages":[{"id":"m1","role":"customer","text":"I'm leaving a one-star review"}]}
{"kind":"conversation","id":"c10","messages":[{"id":"m1","role":"customer","text":"帮我把账户注销了"}]}
{"kind":"conversation","id":"c11","messages":[{"id":"m1","role":"customer","text":"我要携号转网"}]}
{"kind":"conversation","id":"c12","messages":[{"id":"m1","role":"customer","text":"我以后不在你们家买了"}]}
{"kind":"conversation","id":"c13","messages":[{"id":"m1","role":"customer","text":"please cancel my membership"}]}
{"kind":"conversation","id":"c14","messages":[{"id":"m1","role":"customer","text":"I want to port my number to another carrier"}]}
{"kind":"conversation","id":"c15","messages":[{"id":"m1","role":"customer","text":"我卸载重装了还是不行"}]}
{"kind":"conversation","id":"c16","messages":[{"id":"m1","role":"customer","text":"订单号1234567还没到"}]}
{"kind":"conversation","id":"c17","messages":[{"id":"m1","role":"customer","text":"手机一直报警怎么办"}]}
{"kind":"conversation","id":"c18","messages":[{"id":"m1","role":"customer","text":"你给我滚"}]}
{"kind":"conversation","id":"c19","messages":[{"id":"m1","role":"customer","text":"页面滚动不了，滚筒也不转"}]}
{"kind":"conversation","id":"c20","messages":[{"id":"m1","role":"customer","text":"不用了，谢谢"}]}
{"kind":"conversation","id":"c21","messages":[{"id":"m1","role":"customer","text":"以后不用你们了"}]}
{"kind":"conversation","id":"c22","messages":[{"id":"m1","role":"customer","text":"多媒体功能坏了，拍照曝光不准"}]}
{"kind":"conversation","id":"c23","messages":[{"id":"m1","role":"customer","text":"我要去网上曝光，找媒体"}]}
{"kind":"conversation","id":"c24","messages":[{"id":"m1","role":"customer","text":"I'm switching to the annual plan"}]}
{"kind":"conversation","id":"c25","messages":[{"id":"m1","role":"customer","text":"switching to paperless billing"}]}
{"kind":"conversation","id":"c26","messages":[{"id":"m1","role":"customer","text":"we are switching over to T-Mobile"}]}
{"kind":"conversation","id":"c27","messages":[{"id":"m1","role":"customer","text":"I have power of attorney for my mother's account"}]}
{"kind":"conversation","id":"c28","messages":[{"id":"m1","role":"customer","text":"I'm a lawyer and I need a copy of my invoice"}]}
{"kind":"conversation","id":"c29","messages":[{"id":"m1","role":"customer","text":"the media player won't open"}]}
{"kind":"conversation","id":"c30","messages":[{"id":"m1","role":"customer","text":"the voltage regulator on my charger broke"}]}
{"kind":"conversation","id":"c31","messages":[{"id":"m1","role":"customer","text":"my attorney will be in touch"}]}
{"kind":"conversation","id":"c32","messages":[{"id":"m1","role":"customer","text":"I will file a complaint with the financial regulator"}]}
{"kind":"conversation","id":"c33","messages":[{"id":"m1","role":"customer","text":"I'm going to the media"}]}
{"kind":"conversation","id":"c34","messages":[{"id":"m1","role":"customer","text":"I'm an idiot, I typed the wrong address"}]}
{"kind":"conversation","id":"c35","messages":[{"id":"m1","role":"customer","text":"我真是个白痴，密码忘了"}]}
{"kind":"conversation","id":"c36","messages":[{"id":"m1","role":"customer","text":"you are an idiot"}]}
{"kind":"conversation","id":"c37","messages":[{"id":"m1","role":"customer","text":"帮我把会员退了，以后不用了"}]}
{"kind":"conversation","id":"c38","messages":[{"id":"m1","role":"customer","text":"以后再也不会在你们这买东西了"}]}
{"kind":"conversation","id":"c39","messages":[{"id":"m1","role":"customer","text":"I'm done with you guys, taking my business elsewhere"}]}
{"kind":"conversation","id":"c40","messages":[{"id":"m1","role":"customer","text":"你们这帮骗子"}]}
{"kind":"conversation","id":"c41","messages":[{"id":"m1","role":"customer","text":"you idiots can't do anything right"}]}
{"kind":"conversation","id":"c42","messages":[{"id":"m1","role":"customer","text":"请注意防范骗子，不要透露验证码"}]}
{"kind":"conversation","id":"c43","messages":[{"id":"m1","role":"customer","text":"我接到一个骗子电话"}]}
{"kind":"conversation","id":"c44","messages":[{"id":"m1","role":"customer","text":"我再也不会忘记密码了"}]}
--- stdout
c01	qa.regulator_threat	我要打12345投诉你们
c02	qa.regulator_threat	这事我会反映到工信部
c03	qa.regulator_threat	再不处理我就去报警
c04	qa.regulator_threat	我要发小红书让大家都看看
c05	qa.regulator_threat	不退款就给差评
c06	qa.regulator_threat	I'm reporting this to the FTC
c07	qa.regulator_threat	I will see you in small claims court
c08	qa.regulator_threat	I'll post this on twitter so everyone knows
c09	qa.regulator_threat	I'm leaving a one-star review
c10	qa.churn_intent	帮我把账户注销了
c11	qa.churn_intent	我要携号转网
c12	qa.churn_intent	我以后不在你们家买了
c13	qa.churn_intent	please cancel my membership
c14	qa.churn_intent	I want to port my number to another carrier
c15		我卸载重装了还是不行
c16		订单号1234567还没到
c17		手机一直报警怎么办
c18	qa.customer_abuse	你给我滚
c19		页面滚动不了，滚筒也不转
c20		不用了，谢谢
c21	qa.churn_intent	以后不用你们了
c22		多媒体功能坏了，拍照曝光不准
c23	qa.regulator_threat	我要去网上曝光，找媒体
c24		I'm switching to the annual plan
c25		switching to paperless billing
c26	qa.churn_intent	we are switching over to T-Mobile
c27		I have power of attorney for my mother's account
c28		I'm a lawyer and I need a copy of my invoice
c29		the media player won't open
c30		the voltage regulator on my charger broke
c31	qa.regulator_threat	my attorney will be in touch
c32	qa.regulator_threat	I will file a complaint with the financial regulator
c33	qa.regulator_threat	I'm going to the media
c34		I'm an idiot, I typed the wrong address
c35		我真是个白痴，密码忘了
c36	qa.customer_abuse	you are an idiot
c37	qa.churn_intent	帮我把会员退了，以后不用了
c38	qa.churn_intent	以后再也不会在你们这买东西了
c39	qa.churn_intent	I'm done with you guys, taking my business elsewhere
c40	qa.customer_abuse	你们这帮骗子
c41	qa.customer_abuse	you idiots can't do anything right
c42		请注意防范骗子，不要透露验证码
c43		我接到一个骗子电话
c44		我再也不会忘记密码了
--- stderr
--- exit
0
