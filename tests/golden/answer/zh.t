# A Chinese closing does not replace the question of a conversation: the
# rule counts letters, digits and CJK characters (more than two), not bytes,
# so "好的", "嗯" and "好的！" are closings like "ok", and the question stays
# 怎么开发票？ (by bytes, "好的" was the question and was answered from
# faq-return, whose "完好的" holds the bigram 好的, at confidence 0.98). Three
# characters ("退款吧") are a question, as "thanks!" is, and so are two Han
# characters that are not an acknowledgement ("退款", "发票": a short question
# in Chinese), where "谢谢" and Traditional "謝謝" are closings. (退款 and 退款吧
# hold one word of faq-return: handed off, as a one-word match is unsure.)
--- cmd
mkdir kb
printf 'id,question,answer\nfaq-invoice,怎么开发票？,在订单详情页点击“申请开票”，填写抬头和税号即可。\nfaq-return,七天无理由退货怎么申请？,商品签收后七天内，未经使用、包装完好的商品可以申请无理由退货。\n' >kb/faq.csv
cs-answer build -q --kb kb.db kb >/dev/null
for last in 好的 嗯 好的！ ok 'ok 👍' 退款吧 退款 谢谢 謝謝; do
	jq -nc --arg last "$last" '{kind: "conversation", messages: [{role: "customer", text: "怎么开发票？"}, {role: "agent", text: "您好，请稍等"}, {role: "customer", text: $last}]}'
done | cs-answer --kb kb.db -k 1 | jq -c '.answer | [.question, .handoff, .sources[0].id]'
--- stdout
["怎么开发票？",false,"faq-invoice"]
["怎么开发票？",false,"faq-invoice"]
["怎么开发票？",false,"faq-invoice"]
["怎么开发票？",false,"faq-invoice"]
["怎么开发票？",false,"faq-invoice"]
["退款吧",true,"faq-return"]
["退款",true,"faq-return"]
["怎么开发票？",false,"faq-invoice"]
["怎么开发票？",false,"faq-invoice"]
--- stderr
--- exit
0
