# cs-answer feedback: a helpful vote teaches the entry the question's
# phrasing (it then ranks first for a question it did not match before, and
# keeps it across rebuilds, the entry's own text changed or not); unhelpful votes demote an entry for that
# question. review lists entries with mostly unhelpful votes and stale
# effective dates. Votes for unknown entries are bad records. A run that
# cannot write its kb_feedback record (status 4) records none of its votes,
# so the retry counts them once (it used to commit first: counted twice).
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build --kb kb.db kb >/dev/null
ask() { echo "{\"question\":\"$1\"}" | cs-answer --kb kb.db --today 2026-06-01 -k 2 | jq -c '[.answer.handoff, [.answer.sources[].id]]'; }
ask "my parcel is late"
echo '{"question":"my parcel is late","id":"faq-shipping-time","helpful":true}' | cs-answer feedback --kb kb.db
ask "my parcel is late"
ask "parcel late"
cs-answer build --kb kb.db kb
ask "parcel late"
sed 's/takes 2-4 business days/takes 3-5 business days/' "$REPO/examples/kb/faq.csv" > kb/faq.csv
cs-answer build --kb kb.db kb
ask "parcel late"
ask "invoice for my return"
for i in 1 2 3; do echo '{"question":"invoice for my return","id":"faq-invoice","helpful":false}'; done | cs-answer feedback --kb kb.db
ask "invoice for my return"
cs-answer review --kb kb.db --today 2026-08-15
echo '{"question":"x y","id":"no-such","helpful":true}' | cs-answer feedback --kb kb.db; echo "exit $?"
echo '{"question":"where is my parcel","id":"faq-shipping-time","helpful":true}' > vote.ndjson
cs-answer feedback --kb kb.db vote.ndjson > /dev/full; echo "feedback >/dev/full: exit $?"
cs-answer feedback --kb kb.db -o no-such-dir/fb.ndjson vote.ndjson; echo "feedback -o no-such-dir: exit $?"
cs-answer feedback --kb kb.db vote.ndjson | jq -c '[.helpful, .phrasings_learned]'
sqlite3 kb.db "SELECT question, helpful FROM feedback WHERE question = 'where is my parcel'"
--- stdout
[true,[]]
{"kind":"kb_feedback","kb":"kb.db","helpful":1,"unhelpful":0,"phrasings_learned":1}
[false,["faq-shipping-time"]]
[false,["faq-shipping-time"]]
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":0,"removed":0,"unchanged":9,"bytes_indexed":0}
[false,["faq-shipping-time"]]
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":1,"removed":0,"unchanged":8,"bytes_indexed":207}
[false,["faq-shipping-time"]]
[true,["faq-invoice","kb/returns.md#refund-window"]]
{"kind":"kb_feedback","kb":"kb.db","helpful":0,"unhelpful":3,"phrasings_learned":0}
[true,["kb/returns.md#refund-window","kb/returns.md#damaged-items"]]
{"kind":"review","id":"faq-invoice","title":"How do I get an invoice?","source":"kb/faq.csv","helpful":0,"unhelpful":3,"reasons":["mostly_unhelpful"]}
{"kind":"review","id":"faq-summer-sale","title":"Is there a summer sale discount?","source":"kb/faq.csv","effective_until":"2026-08-31","helpful":0,"unhelpful":0,"reasons":["expiring"]}
exit 1
feedback >/dev/full: exit 4
feedback -o no-such-dir: exit 4
[1,1]
where is my parcel|1
--- stderr
cs-answer feedback: <stdin>:1: no entry 'no-such' in kb.db
cs-answer feedback: <stdout>: write error: No space left on device
cs-answer feedback: no-such-dir/fb.ndjson: cannot create a temporary file: No such file or directory
--- exit
0
