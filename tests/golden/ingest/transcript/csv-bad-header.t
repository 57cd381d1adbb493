# A header without a text column, and an unterminated quoted field, with --format transcript-csv.
--- cmd
cd "$REPO" && cs-ingest -f transcript-csv -m tests/data/transcript/no-text-column.csv; echo "exit $?"; cs-ingest -f transcript-csv -m tests/data/transcript/unclosed-quote.csv
--- stdout
exit 1
--- stderr
cs-ingest: tests/data/transcript/no-text-column.csv:1: the header names no text column (a transcript needs speaker, start, end and text)
cs-ingest: tests/data/transcript/unclosed-quote.csv:3: unterminated quoted field (opened at line 2)
--- exit
1
