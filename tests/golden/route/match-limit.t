# An intent rule or a re: ask for a person that stops at the PCRE2 match
# limit counts as no match, but not silently: the reasons say which rule
# (and that no rule matched "within the match limit"), the ask's reasons say
# a pattern stopped, --stats counts regex_limit_hits, and the run ends with a
# notice, as cs-qa does. Both texts match the pattern (branch a+b); the long
# one hits the limit on the first branch. It used to read as "no rule
# matched" and human_requested false, with nothing on stderr.
--- cmd
printf '{"version":1,"rules":[{"name":"refund","intent":"refund","pattern":"^(?:(a+)+c|a+b)"}]}\n' > rules.json
printf '{"version": 1, "human_request": {"phrases": ["re:^(?:(a+)+c|a+b)"]}}\n' > hr.json
printf '{"kind":"conversation","id":"short","messages":[{"role":"customer","text":"aaaaaaaaab"}]}\n{"kind":"conversation","id":"long","messages":[{"role":"customer","text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaab"}]}\n' > req.ndjson
cs-route --rules rules.json --stats req.ndjson 2>err | jq -c '[.id, .route.intent, .route.reasons[0:2]]'
grep -o 'regex_limit_hits [0-9]*\|^cs-route: [0-9]* regex.*' err
cs-route -p hr.json req.ndjson | jq -c '[.id, .route.human_requested, .route.reasons[1]]'
--- stdout
["short","refund",["intent: refund by rule \"refund\" (priority 0) on \"aaaaaaaaab\"","tier: human, refund is not a bot intent in the policy"]]
["long",null,["intent: none (no model, and no rule matched within the match limit)","intent: rule \"refund\" stopped at the match limit and counted as no match"]]
cs-route: 1 regex matches stopped at the match limit and counted as no match
regex_limit_hits 1
["short",true,"tier: human, the customer asked for a person: \"aaaaaaaaab\""]
["long",false,"asks for a person: 1 re: pattern stopped at the match limit and counted as no ask"]
--- stderr
cs-route: 1 regex matches stopped at the match limit and counted as no match
--- exit
0
