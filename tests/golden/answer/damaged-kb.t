# A knowledge base whose term index is damaged (its root page zeroed, as a
# bad disk or a half-copied file leaves it) is an I/O error: status 4 with
# SQLite's message naming the file. It used to be read as empty: every
# question a "no_match" hand-off, exit 0 and nothing on stderr.
--- cmd
cs-answer build -q --kb ex.db "$REPO/examples/kb" >/dev/null
echo '{"question":"how long does a refund take"}' | cs-answer --kb ex.db | jq -c '.answer.handoff'
cp ex.db bad.db
page=$(sqlite3 ex.db "SELECT rootpage FROM sqlite_master WHERE name = 'term'")
size=$(sqlite3 ex.db 'PRAGMA page_size')
dd if=/dev/zero of=bad.db bs="$size" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
echo '{"question":"how long does a refund take"}' | cs-answer --kb bad.db; echo "exit $?"
--- stdout
false
exit 4
--- stderr
cs-answer: bad.db: database disk image is malformed
--- exit
0
