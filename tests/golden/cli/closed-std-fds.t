# A standard descriptor closed at start stays free of the files a program
# opens: with 2>&- the -o file was opened on descriptor 2 and the messages
# ("cs-qa: bad.ndjson:5: not a JSON object") were written into the output
# records; with <&- cs-ticket read its --agents file (opened on descriptor 0)
# as its input and wrote the agents out, and the programs with a store
# (SQLite puts /dev/null on a low descriptor) read nothing and exited 0.
# Each now reads and writes a closed descriptor as before: EBADF, status 4.
--- cmd
cs-ingest -q "$REPO/examples/chat.ndjson" > chat.ndjson
(cat chat.ndjson; echo 'not json') > bad.ndjson
cs-qa --skip-bad -o out.ndjson bad.ndjson 2>&-; echo "cs-qa 2>&-: exit $?"
grep -vc '^{' out.ndjson
cs-ticket --db tickets.db --agents "$REPO/examples/agents.ndjson" <&-; echo "cs-ticket --agents <&-: exit $?"
cs-ticket --db tickets.db <&-; echo "cs-ticket <&-: exit $?"
cs-route --state route.db <&-; echo "cs-route --state <&-: exit $?"
cs-signals --state signals.db <&-; echo "cs-signals --state <&-: exit $?"
cs-answer build -q --kb kb.db "$REPO/examples/kb" > /dev/null
cs-answer --kb kb.db <&-; echo "cs-answer <&-: exit $?"
cs-qa chat.ndjson >&-; echo "cs-qa >&-: exit $?"
--- stdout
cs-qa 2>&-: exit 1
0
cs-ticket --agents <&-: exit 4
cs-ticket <&-: exit 4
cs-route --state <&-: exit 4
cs-signals --state <&-: exit 4
cs-answer <&-: exit 4
cs-qa >&-: exit 4
--- stderr
cs-ticket: <stdin>: read error: Bad file descriptor
cs-ticket: 1 input could not be read to the end
cs-ticket: <stdin>: read error: Bad file descriptor
cs-ticket: 1 input could not be read to the end
cs-route: <stdin>: read error: Bad file descriptor
cs-route: 1 input could not be read to the end
cs-signals: <stdin>: read error: Bad file descriptor
cs-signals: 1 input could not be read to the end
cs-answer: <stdin>: read error: Bad file descriptor
cs-answer: 1 input could not be read to the end
cs-qa: <stdout>: write error: Bad file descriptor
--- exit
0
