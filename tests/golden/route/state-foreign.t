# --state refuses a file that is not a cs-route state store, with status 3,
# and leaves it byte for byte as it was: a cs-answer knowledge base (it has a
# meta table too, which a run used to empty, destroying the knowledge base),
# and a file that is not SQLite at all.
# An empty file is a new store, and a store cs-route wrote opens again.
--- cmd
cs-answer build -q --kb kb.db "$REPO/examples/kb" >/dev/null
cp kb.db kb-before.db
echo '{"text":"hi"}' | cs-route --field text --state kb.db; echo "exit $?"
cmp kb.db kb-before.db && echo "kb.db unchanged"
echo '{"question":"summer sale"}' | cs-answer --kb kb.db --today 2026-05-01 -k 1 | jq -c '.answer.sources[0].id'
echo 'some notes' > notes.txt
echo '{"text":"hi"}' | cs-route --field text --state notes.txt; echo "exit $?"
cs-route --check --state notes.txt >/dev/null; echo "exit $?"
: > new.db
echo '{"text":"hi"}' | cs-route --field text --state new.db >/dev/null; echo "exit $?"
echo '{"text":"hi"}' | cs-route --field text --state new.db >/dev/null; echo "exit $?"
--- stdout
exit 3
kb.db unchanged
"faq-summer-sale"
exit 3
exit 3
exit 0
exit 0
--- stderr
cs-route: --state kb.db: not a cs-route state file (left unchanged)
cs-route: --state notes.txt: file is not a database
cs-route: --state notes.txt: file is not a database
--- exit
0
