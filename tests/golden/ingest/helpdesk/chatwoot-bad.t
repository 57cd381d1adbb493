# Damage: an unknown message_type, an unreadable created_at, a broken NDJSON line (the next line is read).
--- cmd
cd "$REPO" && cs-ingest -m --format chatwoot tests/data/helpdesk/chatwoot-bad.ndjson; echo "exit $?"; cs-ingest -m --skip-bad --format chatwoot tests/data/helpdesk/chatwoot-bad.ndjson; cs-ingest -m --skip-bad tests/data/helpdesk/chatwoot-broken-line.ndjson
--- stdout
exit 1
{"kind":"message","id":"81003","conversation_id":"4030","ts":"2026-03-04T09:00:00Z","channel":"email","role":"agent","author":"3","text":"Tomorrow.","source":{"format":"chatwoot","file":"tests/data/helpdesk/chatwoot-bad.ndjson","line":3,"id":"81003"}}
{"kind":"message","id":"1","conversation_id":"5","ts":"2026-03-04T08:00:00Z","channel":"other","role":"customer","text":"a","source":{"format":"chatwoot","file":"tests/data/helpdesk/chatwoot-broken-line.ndjson","line":1,"id":"1"}}
{"kind":"message","id":"3","conversation_id":"5","ts":"2026-03-04T08:00:00Z","channel":"other","role":"customer","text":"c","source":{"format":"chatwoot","file":"tests/data/helpdesk/chatwoot-broken-line.ndjson","line":3,"id":"3"}}
--- stderr
cs-ingest: tests/data/helpdesk/chatwoot-bad.ndjson:1: message 81001 of conversation 4030: unknown "message_type"
cs-ingest: tests/data/helpdesk/chatwoot-bad.ndjson:1: message 81001 of conversation 4030: unknown "message_type"
cs-ingest: tests/data/helpdesk/chatwoot-bad.ndjson:2: message 81002 of conversation 4030: "created_at" is not a time: soon
cs-ingest: 2 bad records left out
cs-ingest: tests/data/helpdesk/chatwoot-broken-line.ndjson:2: invalid JSON: control character in string
cs-ingest: 1 bad record left out
--- exit
1
