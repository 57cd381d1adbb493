# Answering, eval and review only read the knowledge base, so one in a
# directory the user cannot write (a knowledge base shipped read-only)
# still answers: SQLite cannot make its -shm file beside it, and the file,
# whose changes are all in it, is read as one nothing changes. It used to
# be "not a cs-answer knowledge base", status 3. Root writes through
# chmod: there a -shm that SQLite refuses to open (a symbolic link) stands
# in for the directory, with the same result.
--- cmd
cp -r "$REPO/examples/kb" kb
mkdir ro
cs-answer build -q --kb ro/kb.db kb > /dev/null
chmod 555 ro
if ( : > ro/probe ) 2>/dev/null; then
	rm ro/probe; ln -s nowhere ro/kb.db-shm
fi
echo '{"question":"When will I get my refund?"}' | cs-answer --kb ro/kb.db -k 1 | jq -c '[.answer.handoff, [.answer.sources[].id]]'
cs-answer review --kb ro/kb.db --today 2026-08-15 | jq -c .id
chmod 755 ro
--- stdout
[true,["kb/returns.md#refund-window"]]
"faq-summer-sale"
--- stderr
--- exit
0
