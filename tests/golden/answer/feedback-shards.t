# Feedback from shards (votes split by customer with --split) applied in
# another order leaves the same votes, learned phrasings and answers as the
# votes applied in one run: votes add up, learned phrasings are a set, and
# the phrasing kept for a question is the least of those seen.
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build --kb one.db kb >/dev/null
cs-answer build --kb shards.db kb >/dev/null
q() { printf '{"customer":{"id":"cust-%s"},"question":"%s","id":"%s","helpful":%s}\n' "$@"; }
{ q 1 "parcel late" faq-shipping-time true; q 2 "my parcel is late" faq-shipping-time true
  q 3 "late parcel" faq-shipping-time false; q 4 "invoice for my return" faq-invoice false
  q 5 "invoice for my return" faq-invoice false; q 6 "refund not received" kb/returns.md#refund-window true
  q 7 "where is my refund" kb/returns.md#refund-window true; q 8 "broken on arrival" kb/returns.md#damaged-items true
  q 9 "parcel late" faq-shipping-time false; } >votes.ndjson
cs-answer feedback -q --kb one.db votes.ndjson
cs-qa -q --split 3 -o 'votes-%d.ndjson' votes.ndjson
for k in 3 1 2; do cs-answer feedback -q --kb shards.db votes-$k.ndjson; done
for t in "feedback order by qkey, entry_id" "learned order by entry_id, question"; do
	sqlite3 one.db "select * from $t" >a; sqlite3 shards.db "select * from $t" >b
	cmp a b && echo "same ${t%% *}: $(wc -l <a) rows"
done
for q in "parcel late" "invoice for my return" "where is my refund" "broken on arrival"; do
	for db in one shards; do echo "{\"question\":\"$q\"}" | cs-answer --kb $db.db --today 2026-06-01 -k 3 | jq -c '[.answer.handoff, [.answer.sources[].id]]'; done | uniq -c | sed 's/^ *//'
done
--- stdout
{"kind":"kb_feedback","kb":"one.db","helpful":5,"unhelpful":4,"phrasings_learned":5}
{"kind":"kb_feedback","kb":"shards.db","helpful":2,"unhelpful":1,"phrasings_learned":2}
{"kind":"kb_feedback","kb":"shards.db","helpful":3,"unhelpful":2,"phrasings_learned":3}
{"kind":"kb_feedback","kb":"shards.db","helpful":0,"unhelpful":1,"phrasings_learned":0}
same feedback: 5 rows
same learned: 5 rows
2 [false,["faq-shipping-time"]]
2 [true,["kb/returns.md#退货退款","kb/returns.md#damaged-items","kb/returns.md#refund-window"]]
2 [false,["kb/returns.md#refund-window","kb/returns.md#退货退款","kb/returns.md#damaged-items"]]
2 [false,["kb/returns.md#damaged-items","faq-shipping-time","kb/account.md#reset-your-password"]]
--- stderr
--- exit
0
