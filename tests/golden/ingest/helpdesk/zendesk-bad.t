# Damage: an unreadable created_at, a comment body that is not a string, a ticket with neither comments nor description. Reported with file and line; exit 1; --skip-bad reads the rest and counts.
--- cmd
cd "$REPO" && cs-ingest -m --format zendesk tests/data/helpdesk/zendesk-bad.ndjson; echo "exit $?"; cs-ingest -m --skip-bad --format zendesk tests/data/helpdesk/zendesk-bad.ndjson
--- stdout
exit 1
{"kind":"message","id":"611","conversation_id":"61","ts":"2026-03-05T10:05:00Z","channel":"web","customer":{"id":"7"},"role":"agent","author":"8","text":"We are on it.","via":"web","conversation":{"status":"open"},"source":{"format":"zendesk","file":"tests/data/helpdesk/zendesk-bad.ndjson","line":2,"id":"611"}}
{"kind":"message","id":"h-51787a1831334d34","conversation_id":"63","ts":"2026-03-05T12:00:00Z","channel":"sms","customer":{"id":"9"},"role":"customer","text":"Text me back","via":"sms","conversation":{"status":"open"},"source":{"format":"zendesk","file":"tests/data/helpdesk/zendesk-bad.ndjson","line":4,"id":"h-51787a1831334d34"}}
--- stderr
cs-ingest: tests/data/helpdesk/zendesk-bad.ndjson:1: ticket 60: "created_at" is not a time: yesterday at noon
cs-ingest: tests/data/helpdesk/zendesk-bad.ndjson:1: ticket 60: "created_at" is not a time: yesterday at noon
cs-ingest: tests/data/helpdesk/zendesk-bad.ndjson:2: comment 610 of ticket 61: the body is not a string
cs-ingest: tests/data/helpdesk/zendesk-bad.ndjson:3: ticket 62 has no comments and no description
cs-ingest: 3 bad records left out
--- exit
1
