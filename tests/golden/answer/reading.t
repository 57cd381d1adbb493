# A knowledge base records how cs read text when it indexed it (the reading,
# CS_TEXT_READING: raised when cs reads the same text differently, as when
# 著, 乾 and 覆 came to be read by their neighbours). One indexed with
# another reading, an earlier cs's, is still searched, with a notice to
# build it again (-q: none); a build then indexes every entry again
# (updated, not unchanged) and records this cs's reading, except when it
# keeps entries no source gave (--skip-bad): they keep the old reading, and
# so does the knowledge base.
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build -q --kb kb.db kb
sqlite3 kb.db "SELECT value FROM meta WHERE key = 'reading'"
echo '{"question":"how do I get an invoice?"}' > q.ndjson
cs-answer --kb kb.db q.ndjson | jq -c '.answer.sources[0].id'
sqlite3 kb.db "DELETE FROM meta WHERE key = 'reading'"
cs-answer --kb kb.db q.ndjson | jq -c '.answer.sources[0].id'
cs-answer -q --kb kb.db q.ndjson | jq -c '.answer.sources[0].id'
cs-answer build --kb kb.db kb
sqlite3 kb.db "SELECT value FROM meta WHERE key = 'reading'"
cs-answer build --kb kb.db kb
echo '-- entries kept as they were keep the old reading'
sqlite3 kb.db "UPDATE meta SET value = '1' WHERE key = 'reading'"
printf '{"id":"x1","title":"Broken"}\n' > bad.ndjson
cs-answer build -q --skip-bad --kb kb.db kb/faq.csv bad.ndjson 2> /dev/null; echo "exit $?"
sqlite3 kb.db "SELECT value FROM meta WHERE key = 'reading'"
--- stdout
{"kind":"kb_build","kb":"kb.db","entries":9,"added":9,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":1833}
2
"faq-invoice"
"faq-invoice"
"faq-invoice"
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":9,"removed":0,"unchanged":0,"bytes_indexed":1833}
2
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":0,"removed":0,"unchanged":9,"bytes_indexed":0}
-- entries kept as they were keep the old reading
{"kind":"kb_build","kb":"kb.db","entries":9,"added":0,"updated":4,"removed":0,"unchanged":0,"bytes_indexed":708}
exit 1
1
--- stderr
cs-answer: kb.db: indexed when cs read text differently (reading 1, this cs 2): build it again
--- exit
0
