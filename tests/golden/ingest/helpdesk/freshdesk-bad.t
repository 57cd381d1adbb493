# Damage: an unreadable created_at (the ticket is left out) and a conversation body that is not a string (that entry is left out).
--- cmd
cd "$REPO" && cs-ingest -m --format freshdesk tests/data/helpdesk/freshdesk-bad.ndjson; echo "exit $?"; cs-ingest -m --skip-bad --format freshdesk tests/data/helpdesk/freshdesk-bad.ndjson
--- stdout
exit 1
{"kind":"message","id":"h-350221641c6cc14d","conversation_id":"2002","ts":"2026-03-06T09:00:00Z","channel":"chat","customer":{"id":"5"},"role":"customer","text":"My parcel is lost","conversation":{"subject":"Bad body","status":"open","priority":"low"},"source":{"format":"freshdesk","file":"tests/data/helpdesk/freshdesk-bad.ndjson","line":2,"id":"h-350221641c6cc14d"}}
{"kind":"message","id":"4","conversation_id":"2002","ts":"2026-03-06T09:20:00Z","channel":"chat","customer":{"id":"5"},"role":"agent","author":"42","text":"Found it","source":{"format":"freshdesk","file":"tests/data/helpdesk/freshdesk-bad.ndjson","line":2,"id":"4"}}
--- stderr
cs-ingest: tests/data/helpdesk/freshdesk-bad.ndjson:1: ticket 2001: "created_at" is not a time: 31/02/2026
cs-ingest: tests/data/helpdesk/freshdesk-bad.ndjson:1: ticket 2001: "created_at" is not a time: 31/02/2026
cs-ingest: tests/data/helpdesk/freshdesk-bad.ndjson:2: conversation 3 of ticket 2002: the body is not a string
cs-ingest: 2 bad records left out
--- exit
1
