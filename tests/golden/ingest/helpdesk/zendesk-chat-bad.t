# Damage: a chat message that is not a string, an unreadable timestamp; the rest of the chat is read with --skip-bad.
--- cmd
cd "$REPO" && cs-ingest -m --format zendesk-chat tests/data/helpdesk/zendesk-chat-bad.json; echo "exit $?"; cs-ingest -m --skip-bad --format zendesk-chat tests/data/helpdesk/zendesk-chat-bad.json
--- stdout
exit 1
{"kind":"message","id":"h-26c8ba3b9df9a74d","conversation_id":"c1","ts":"2026-03-01T09:00:09Z","channel":"chat","customer":{"id":"v1","name":"A"},"role":"agent","author":"77","text":"Hi A","source":{"format":"zendesk-chat","file":"tests/data/helpdesk/zendesk-chat-bad.json","line":6,"id":"h-26c8ba3b9df9a74d"}}
--- stderr
cs-ingest: tests/data/helpdesk/zendesk-chat-bad.json:4: chat c1: a message that is not a string
cs-ingest: tests/data/helpdesk/zendesk-chat-bad.json:4: chat c1: a message that is not a string
cs-ingest: tests/data/helpdesk/zendesk-chat-bad.json:5: chat c1: "timestamp" is not a time: not-a-time
cs-ingest: 2 bad records left out
--- exit
1
