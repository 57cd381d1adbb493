# Filter mode: each record with a question gets "answer" with the best
# entry's text, cited sources and a confidence; English and Chinese
# questions, synonyms applied at query time (续航 finds "battery life",
# though one word of four is too little to answer from), expired entries
# never returned, a hand-off when nothing matches or the confidence is low
# ("money back" says "refund" in other words, which only a synonym finds), and
# records without a question pass through untouched.
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build --kb kb.db --synonyms "$REPO/examples/kb-synonyms.txt" kb >/dev/null
cat > in.ndjson <<'IN'
{"question":"How do I get my money back for a return?"}
{"question":"退货以后多久退款？"}
{"question":"续航怎么样"}
{"question":"I forgot my password"}
{"question":"summer sale discount"}
{"question":"what is the weather like on mars"}
{"question":"the and of"}
{"kind":"message","id":"m-1","text":"not a question record","n":12345678901234567890}
{"kind":"conversation","id":"c-1","messages":[{"role":"customer","text":"hi"},{"role":"agent","text":"Hello!"},{"role":"customer","text":"how long does shipping take?"}]}
IN
cs-answer --kb kb.db --today 2026-12-01 -k 2 in.ndjson > out.ndjson
grep -F '"m-1"' out.ndjson
grep -vF '"m-1"' out.ndjson | jq -c '[.answer.question, (.answer.text // "" | .[0:30]), .answer.handoff, .answer.reason, [.answer.sources[].id]]'
echo '{"question":"summer sale discount"}' | cs-answer --kb kb.db --today 2026-07-01 -k 1 | jq -c '[.answer.handoff, .answer.sources[0].id]'
echo '{"body":{"q":"delete my account"}}' | cs-answer --kb kb.db --field body.q -k 1 | jq -c '[.answer.question, .answer.sources[0].id, .answer.sources[0].section]'
echo '{"question":"reset password"}' | cs-answer --kb kb.db -k 1 --explain | jq -c '.answer.sources[0].explain.terms | map(.term)'
--- stdout
{"kind":"message","id":"m-1","text":"not a question record","n":12345678901234567890}
["How do I get my money back for a return?","",true,"low_confidence",["kb/returns.md#refund-window","kb/returns.md#damaged-items"]]
["退货以后多久退款？","收到商品后 30 天内可以申请退货退款。在 APP 的\"我的",false,null,["kb/returns.md#退货退款","faq-battery"]]
["续航怎么样","",true,"low_confidence",["faq-battery"]]
["I forgot my password","Open the app, tap \"Sign in\", t",false,null,["kb/account.md#reset-your-password"]]
["summer sale discount","",true,"low_confidence",["kb/account.md#delete-your-account","kb/account.md#reset-your-password"]]
["what is the weather like on mars","",true,"no_match",[]]
["the and of","",true,"no_terms",[]]
["how long does shipping take?","Standard delivery takes 2-4 bu",false,null,["faq-shipping-time","faq-battery"]]
[false,"faq-summer-sale"]
["delete my account","kb/account.md#delete-your-account","Delete your account"]
["reset","password"]
--- stderr
--- exit
0
