# Without --format, an input from a pipe is looked at as a file is: its
# first 64 KiB, not just its first line. A pretty-printed Zendesk page ('{'
# alone on its first line) and a SubRip call ('1' on its first line) are
# recognised through cat, and so is a page whose producer pauses after the
# first line (well within the second a pipe is waited on). A live stream
# still flows: record/live-stream.t.
--- cmd
cd "$REPO"
cat tests/data/helpdesk/zendesk-tickets.json | cs-ingest -m | grep -o '"format":"[a-z]*"' | uniq -c | sed "s/^ *//"
cat tests/data/transcript/call-2087.srt | cs-ingest -m | grep -o '"format":"[a-z]*"' | uniq -c | sed "s/^ *//"
{ head -n 1 tests/data/helpdesk/zendesk-tickets.json; sleep 0.3; tail -n +2 tests/data/helpdesk/zendesk-tickets.json; } | cs-ingest -m | grep -o '"format":"[a-z]*"' | uniq -c | sed "s/^ *//"
--- stdout
4 "format":"zendesk"
7 "format":"srt"
4 "format":"zendesk"
--- stderr
--- exit
0
