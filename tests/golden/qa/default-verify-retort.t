# Identity verification as agents ask for it (ABCD's "would you give me your
# full name or account ID", 您的订单号和下单手机号) passes before a refund; a
# refund with no ask auto-fails. "Whatever." alone is a retort and fails
# professionalism; "or whatever else you like" is none (a Schema-Guided
# Dialogue line that failed before).
--- cmd
cs-qa | jq -c 'select(.kind == "conversation") | [.id, .qa.auto_fail, (.qa.items[] | select(.id == "identity_verification" or .id == "professionalism") | [.id, .applicable, .passed, [.evidence[].text]])]'
--- stdin
{"kind":"conversation","id":"en-verify-ask","channel":"chat","messages":[{"id":"m1","role":"agent","text":"good afternoon, how can I help you?"},{"id":"m2","role":"customer","text":"just wanted to check on the status of a refund"},{"id":"m3","role":"agent","text":"sure, would you give me your full name or account ID"},{"id":"m4","role":"customer","text":"Alessandro Phoenix"},{"id":"m5","role":"agent","text":"everything in order, your refund is in progress."}]}
{"kind":"conversation","id":"zh-verify-ask","channel":"chat","messages":[{"id":"m1","role":"customer","text":"我要退款"},{"id":"m2","role":"agent","text":"请提供一下您的订单号和下单手机号"},{"id":"m3","role":"customer","text":"123456，138****0000"},{"id":"m4","role":"agent","text":"已为您申请退款"}]}
{"kind":"conversation","id":"en-no-verify","channel":"chat","messages":[{"id":"m1","role":"customer","text":"refund me now"},{"id":"m2","role":"agent","text":"ok, I refunded it"}]}
{"kind":"conversation","id":"en-whatever-retort","channel":"chat","messages":[{"id":"m1","role":"customer","text":"this is not what I ordered"},{"id":"m2","role":"agent","text":"Whatever."}]}
{"kind":"conversation","id":"en-whatever-else","channel":"chat","messages":[{"id":"m1","role":"customer","text":"can I pick a colour?"},{"id":"m2","role":"agent","text":"Sure, red or blue or whatever else you like."}]}
--- stdout
["en-verify-ask",false,["identity_verification",true,true,["your full name"]],["professionalism",true,true,[]]]
["zh-verify-ask",false,["identity_verification",true,true,["您的订单号"]],["professionalism",true,true,[]]]
["en-no-verify",true,["identity_verification",true,false,["I refunded it"]],["professionalism",true,true,[]]]
["en-whatever-retort",true,["identity_verification",false,null,[]],["professionalism",true,false,["Whatever."]]]
["en-whatever-else",false,["identity_verification",false,null,[]],["professionalism",true,true,[]]]
--- stderr
--- exit
0
