# A -o that cannot be written (no such directory, or a directory) is refused
# with status 4 as the options are read, before a program makes its store:
# cs-route --state, cs-signals --state, cs-ticket reading records and
# cs-answer build used to leave a new, empty store behind when their output
# then failed.
--- cmd
echo '{"text":"hi"}' | cs-route --field text --state route.db -o no-such-dir/out.ndjson; echo "cs-route: exit $?"
echo '{"kind":"event","type":"page_view","customer_id":"c1","ts":"2026-03-01T10:00:00Z"}' | cs-signals --state signals.db -o no-such-dir/out.ndjson; echo "cs-signals: exit $?"
cs-ingest -q "$REPO/examples/chat.ndjson" | cs-ticket --db tickets.db -o no-such-dir/out.ndjson; echo "cs-ticket: exit $?"
cs-answer build -q --kb kb.db "$REPO/examples/kb" -o no-such-dir/report.ndjson; echo "cs-answer build: exit $?"
mkdir out
echo '{"text":"hi"}' | cs-qa -o out; echo "cs-qa -o a directory: exit $?"
ls
--- stdout
cs-route: exit 4
cs-signals: exit 4
cs-ticket: exit 4
cs-answer build: exit 4
cs-qa -o a directory: exit 4
out
--- stderr
cs-route: no-such-dir/out.ndjson: cannot create a temporary file: No such file or directory
cs-signals: no-such-dir/out.ndjson: cannot create a temporary file: No such file or directory
cs-ticket: no-such-dir/out.ndjson: cannot create a temporary file: No such file or directory
cs-answer build: no-such-dir/report.ndjson: cannot create a temporary file: No such file or directory
cs-qa: out: Is a directory
--- exit
0
