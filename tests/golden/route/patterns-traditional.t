# The request is matched normalized, its Traditional Chinese read as Simplified
# (cs_t2s), and so are the patterns: a Traditional character in a --rules
# pattern (退貨|還款), a policy "re:" ask (找(個|一個)?經理) or a "re:" line of
# the asks file (叫你們的?主管) matches the request in either script. They
# matched neither before: the pattern kept 還 where the text had 还.
--- cmd
printf '{"version": 1, "rules": [{"name": "return", "intent": "refund", "pattern": "退貨|還款"}]}\n' > rules.json
printf '{"version": 1, "human_request": {"phrases": ["re:找(個|一個)?經理"]}}\n' > policy.json
cp -r "$CS_SHARE_DIR" share && printf 're:叫你們的?主管\n' >> share/route/human-request.txt
CS_SHARE_DIR=share cs-route --rules rules.json -p policy.json --field text | jq -c '[.text, .route.intent, .route.human_requested]'
--- stdin
{"text":"我要退貨"}
{"text":"我要退货"}
{"text":"我要還款"}
{"text":"我要还款"}
{"text":"找個經理來"}
{"text":"找个经理来"}
{"text":"叫你們主管出來"}
{"text":"叫你们主管出来"}
{"text":"我要经历一下"}
--- stdout
["我要退貨","refund",false]
["我要退货","refund",false]
["我要還款","refund",false]
["我要还款","refund",false]
["找個經理來",null,true]
["找个经理来",null,true]
["叫你們主管出來",null,true]
["叫你们主管出来",null,true]
["我要经历一下",null,false]
--- stderr
--- exit
0
