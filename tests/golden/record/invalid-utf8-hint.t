# The hint after invalid UTF-8 names options the program has: cs-ingest's
# --encoding for cs-ingest; for the others, which have no --encoding, to
# convert the file with iconv first or replace the invalid bytes with
# --invalid-utf8 replace. NDJSON lines (once a run) and CSV cells alike.
--- cmd
printf '{"text":"caf\351"}\n{"text":"na\357ve"}\n' > latin1.ndjson
printf 'text,label\ncaf\351,a\n' > latin1.csv
cs-qa -s --skip-bad latin1.ndjson; echo "exit $?"
cs-route --field text latin1.ndjson; echo "exit $?"
printf '{"id":"q","question":"Where is my order?","answer":"Track it."}\n' > kb.ndjson
cs-answer build --kb kb.db kb.ndjson >/dev/null
cs-answer --kb kb.db --field text latin1.ndjson; echo "exit $?"
cs-route train -o m.model latin1.csv; echo "exit $?"
cs-ingest latin1.ndjson; echo "exit $?"
--- stdout
exit 1
exit 1
exit 1
exit 1
exit 1
--- stderr
cs-qa: latin1.ndjson:1:13: invalid UTF-8 (byte 0xe9)
cs-qa: latin1.ndjson: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8), or replace the invalid bytes with --invalid-utf8 replace
cs-qa: latin1.ndjson:2:12: invalid UTF-8 (byte 0xef)
cs-qa: 2 bad records left out
cs-route: latin1.ndjson:1:13: invalid UTF-8 (byte 0xe9)
cs-route: latin1.ndjson: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8), or replace the invalid bytes with --invalid-utf8 replace
cs-answer: latin1.ndjson:1:13: invalid UTF-8 (byte 0xe9)
cs-answer: latin1.ndjson: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8), or replace the invalid bytes with --invalid-utf8 replace
cs-route train: latin1.csv:2:4: invalid UTF-8 (byte 0xe9)
cs-route train: latin1.csv: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8), or replace the invalid bytes with --invalid-utf8 replace
cs-ingest: latin1.ndjson:1:13: invalid UTF-8 (byte 0xe9)
cs-ingest: latin1.ndjson: if the file is not UTF-8, name its encoding with --encoding
--- exit
0
