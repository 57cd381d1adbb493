# A truncated document is reported at the line where it breaks; nothing of it is read.
--- cmd
cd "$REPO" && cs-ingest -m --format zendesk tests/data/helpdesk/zendesk-truncated.json; echo "exit $?"; cs-ingest -m --skip-bad --format zendesk tests/data/helpdesk/zendesk-truncated.json
--- stdout
exit 1
--- stderr
cs-ingest: tests/data/helpdesk/zendesk-truncated.json:22: invalid JSON: unterminated string (the rest of the file is not read)
cs-ingest: tests/data/helpdesk/zendesk-truncated.json:22: invalid JSON: unterminated string (the rest of the file is not read)
cs-ingest: 1 bad record left out
--- exit
1
