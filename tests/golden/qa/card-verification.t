# Identity verification before an account action, a batch written before the
# lists grew (8 of 20 right: most account actions went unseen). Each action
# once after a verification (passes) and once alone (applies and fails):
# updating a billing address, cancelling the subscription, changing the
# email on the account, 修改了收货地址, 密码已经为您重置 (为您重置), 更换绑定手机号
# (a pattern: an action verb, then what it acts on), and 您的会员账号 as a
# verification.
--- cmd
cs-qa /dev/stdin | jq -r 'select(.kind == "conversation") | (.qa.items[] | select(.id == "identity_verification")) as $i | [.id, ($i.applicable | tostring), ($i.passed | tostring), (.messages | map(select(.role == "agent") | .text) | join(" / "))] | @tsv'
--- stdin
{"kind":"conversation","id":"v00","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a1","role":"agent","text":"Can you please confirm the email address on the account?"},{"id":"c2","role":"customer","text":"OK"},{"id":"a2","role":"agent","text":"I've updated your billing address."}]}
{"kind":"conversation","id":"n00","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a2","role":"agent","text":"I've updated your billing address."}]}
{"kind":"conversation","id":"v01","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a1","role":"agent","text":"For security, what's your date of birth?"},{"id":"c2","role":"customer","text":"OK"},{"id":"a2","role":"agent","text":"I have reset your password."}]}
{"kind":"conversation","id":"n01","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a2","role":"agent","text":"I have reset your password."}]}
{"kind":"conversation","id":"v02","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a1","role":"agent","text":"Could you verify the last four digits of your phone number?"},{"id":"c2","role":"customer","text":"OK"},{"id":"a2","role":"agent","text":"I've cancelled the subscription for you."}]}
{"kind":"conversation","id":"n02","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a2","role":"agent","text":"I've cancelled the subscription for you."}]}
{"kind":"conversation","id":"v03","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a1","role":"agent","text":"I'll need to verify your identity first."},{"id":"c2","role":"customer","text":"OK"},{"id":"a2","role":"agent","text":"I changed the email on your account."}]}
{"kind":"conversation","id":"n03","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a2","role":"agent","text":"I changed the email on your account."}]}
{"kind":"conversation","id":"v04","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a1","role":"agent","text":"Can I get your full name and account number?"},{"id":"c2","role":"customer","text":"OK"},{"id":"a2","role":"agent","text":"Your refund has been issued to your card."}]}
{"kind":"conversation","id":"n04","channel":"chat","messages":[{"id":"c","role":"customer","text":"Hi, I need help with my account."},{"id":"a2","role":"agent","text":"Your refund has been issued to your card."}]}
{"kind":"conversation","id":"v05","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a1","role":"agent","text":"请提供一下您的注册手机号"},{"id":"c2","role":"customer","text":"好的"},{"id":"a2","role":"agent","text":"已经帮您修改了收货地址"}]}
{"kind":"conversation","id":"n05","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a2","role":"agent","text":"已经帮您修改了收货地址"}]}
{"kind":"conversation","id":"v06","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a1","role":"agent","text":"为了账户安全，需要核实一下您的身份"},{"id":"c2","role":"customer","text":"好的"},{"id":"a2","role":"agent","text":"密码已经为您重置"}]}
{"kind":"conversation","id":"n06","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a2","role":"agent","text":"密码已经为您重置"}]}
{"kind":"conversation","id":"v07","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a1","role":"agent","text":"请告诉我您的身份证后四位"},{"id":"c2","role":"customer","text":"好的"},{"id":"a2","role":"agent","text":"已为您取消订单"}]}
{"kind":"conversation","id":"n07","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a2","role":"agent","text":"已为您取消订单"}]}
{"kind":"conversation","id":"v08","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a1","role":"agent","text":"麻烦报一下您的会员账号"},{"id":"c2","role":"customer","text":"好的"},{"id":"a2","role":"agent","text":"已帮您更换绑定手机号"}]}
{"kind":"conversation","id":"n08","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a2","role":"agent","text":"已帮您更换绑定手机号"}]}
{"kind":"conversation","id":"v09","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a1","role":"agent","text":"请说一下您收到的手机验证码"},{"id":"c2","role":"customer","text":"好的"},{"id":"a2","role":"agent","text":"退款已经原路退回"}]}
{"kind":"conversation","id":"n09","channel":"chat","messages":[{"id":"c","role":"customer","text":"你好，我想改一下账户信息"},{"id":"a2","role":"agent","text":"退款已经原路退回"}]}
--- stdout
v00	true	true	Can you please confirm the email address on the account? / I've updated your billing address.
n00	true	false	I've updated your billing address.
v01	true	true	For security, what's your date of birth? / I have reset your password.
n01	true	false	I have reset your password.
v02	true	true	Could you verify the last four digits of your phone number? / I've cancelled the subscription for you.
n02	true	false	I've cancelled the subscription for you.
v03	true	true	I'll need to verify your identity first. / I changed the email on your account.
n03	true	false	I changed the email on your account.
v04	true	true	Can I get your full name and account number? / Your refund has been issued to your card.
n04	true	false	Your refund has been issued to your card.
v05	true	true	请提供一下您的注册手机号 / 已经帮您修改了收货地址
n05	true	false	已经帮您修改了收货地址
v06	true	true	为了账户安全，需要核实一下您的身份 / 密码已经为您重置
n06	true	false	密码已经为您重置
v07	true	true	请告诉我您的身份证后四位 / 已为您取消订单
n07	true	false	已为您取消订单
v08	true	true	麻烦报一下您的会员账号 / 已帮您更换绑定手机号
n08	true	false	已帮您更换绑定手机号
v09	true	true	请说一下您收到的手机验证码 / 退款已经原路退回
n09	true	false	退款已经原路退回
--- stderr
--- exit
0
