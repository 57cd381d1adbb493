# Every record cs-signals does not profile passes through byte for byte
# (numbers, key order, big ids); conversations gain "signals" and nothing
# else. An event without a time is a bad record (file and line, exit 1);
# --skip-bad counts it and goes on.
--- cmd
cat > in.ndjson <<'IN'
{"kind":"message","id":12345678901234567890,"x":1.50,"b":[1,2]}
{"z":1,"kind":"conversation","id":"c-1","customer":{"id":"k"},"started":"2026-03-02T10:00:00Z","amount":1.0e3}
{"kind":"event","id":"e-1","device":"d","type":"click"}
{"kind":"event","id":"e-2","ts":"2026-03-02T10:00:00Z","type":"click"}
IN
cs-signals in.ndjson; echo "exit $?"
cs-signals --skip-bad --stats=json --stats-file stats in.ndjson; echo "exit $?"
jq -c '{read, written, rejected, events, unattributed}' stats
--- stdout
{"kind":"message","id":12345678901234567890,"x":1.50,"b":[1,2]}
{"z":1,"kind":"conversation","id":"c-1","customer":{"id":"k"},"started":"2026-03-02T10:00:00Z","amount":1.0e3,"signals":{"repeat_contact":false,"issue":"unknown","types":[]}}
exit 1
{"kind":"message","id":12345678901234567890,"x":1.50,"b":[1,2]}
{"z":1,"kind":"conversation","id":"c-1","customer":{"id":"k"},"started":"2026-03-02T10:00:00Z","amount":1.0e3,"signals":{"repeat_contact":false,"issue":"unknown","types":[]}}
{"kind":"event","id":"e-2","ts":"2026-03-02T10:00:00Z","type":"click"}
exit 1
{"read":4,"written":3,"rejected":1,"events":1,"unattributed":1}
--- stderr
cs-signals: in.ndjson:3: an event needs a time in "ts"
cs-signals: in.ndjson:3: an event needs a time in "ts"
cs-signals: 1 bad record left out
--- exit
0
