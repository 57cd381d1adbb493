# cs-answer build indexes a folder of Markdown and an FAQ CSV into a SQLite
# knowledge base created 0600. A rebuild re-indexes only what changed and
# removes what disappeared; an interrupted build (a bad record stops it)
# leaves the previous knowledge base as it was. Entries no source gave are
# kept when an input could not be read or bad records were left out
# (--skip-bad), and the notice names which (it used to blame bad records
# for a missing file).
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build --kb kb.db kb
stat -c 'mode %a' kb.db
cs-answer build --kb kb.db kb
sed -i 's/30 days of delivery/45 days of delivery/' kb/returns.md
cs-answer build --kb kb.db kb
rm kb/account.md
cs-answer build --kb kb.db kb
sqlite3 kb.db 'SELECT id, kind, title, coalesce(section, "-"), coalesce(version, "-") FROM entry ORDER BY id'
printf '{"id":"x1","title":"Broken"}\n' > bad.ndjson
cs-answer build --kb kb.db kb bad.ndjson; echo "exit $?"
sqlite3 kb.db 'SELECT count(*) FROM entry'
cs-answer build --kb kb.db kb/faq.csv kb/no-such-file.md; echo "exit $?"
cs-answer build --skip-bad --kb kb.db kb/faq.csv bad.ndjson; echo "exit $?"
--- stdout
{"kind":"kb_build","kb":"kb.db","entries":9,"added":9,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":1833}
mode 600
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":0,"removed":0,"unchanged":9,"bytes_indexed":0}
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":1,"removed":0,"unchanged":8,"bytes_indexed":301}
{"kind":"kb_build","kb":"kb.db","entries":7,"added":0,"updated":0,"removed":2,"unchanged":7,"bytes_indexed":0}
faq-battery|faq|How long does the battery last?|-|-
faq-invoice|faq|How do I get an invoice?|-|-
faq-shipping-time|faq|How long does delivery take?|-|-
faq-summer-sale|faq|Is there a summer sale discount?|-|-
kb/returns.md#damaged-items|doc|Returns and refunds|Damaged items|3
kb/returns.md#refund-window|doc|Returns and refunds|Refund window|3
kb/returns.md#退货退款|doc|Returns and refunds|退货退款|3
exit 1
7
{"kind":"kb_build","kb":"kb.db","entries":7,"added":0,"updated":0,"removed":0,"unchanged":4,"bytes_indexed":0}
exit 4
{"kind":"kb_build","kb":"kb.db","entries":7,"added":0,"updated":0,"removed":0,"unchanged":4,"bytes_indexed":0}
exit 1
--- stderr
cs-answer build: bad.ndjson:1: no text: an entry needs a question, an answer or a body
cs-answer build: kb/no-such-file.md: No such file or directory
cs-answer build: kb.db: 3 entries no source gave were kept, not removed: an input could not be read
cs-answer build: 1 input could not be read to the end
cs-answer build: bad.ndjson:1: no text: an entry needs a question, an answer or a body
cs-answer build: kb.db: 3 entries no source gave were kept, not removed: some records were bad
cs-answer build: 1 bad record left out
--- exit
0
