# Every record cs-signals does not profile passes through byte for byte
# (numbers, key order, big ids); conversations gain "signals" and nothing
# else. An event without a time is a bad record (file and line, exit 1);
# --skip-bad counts it and goes on. So is a record whose id, customer,
# device, session or ticket holds U+0000: customers, sessions and tickets
# are keyed on C strings, which end there, so "k\u0000x" and "k\u0000y"
# were one customer (the second conversation a repeat contact of the
# first), and so is a consent line's customer (status 3).
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
printf '%s\n' '{"kind":"conversation","id":"c-1","customer":{"id":"k\u0000x"},"started":"2026-03-02T10:00:00Z"}' \
	'{"kind":"conversation","id":"c-2","customer":{"id":"k\u0000y"},"started":"2026-03-02T11:00:00Z"}' \
	'{"kind":"conversation","id":"c-3","customer":"k\u0000","started":"2026-03-02T11:00:00Z"}' \
	'{"kind":"event","id":"e-3","ts":"2026-03-02T10:00:00Z","type":"click","session":"s\u0000"}' \
	'{"kind":"ticket_event","ticket":"T\u0000","ts":"2026-03-02T10:00:00Z","action":"created","data":{"customer":{"id":"k"}}}' \
	'{"kind":"message","id":"m\u0000"}' > nul.ndjson
cs-signals --skip-bad nul.ndjson; echo "exit $?"
printf '%s\n' '{"customer":{"id":"k\u0000"},"consent":["support"]}' > consent.ndjson
cs-signals --purpose support --consent consent.ndjson </dev/null; echo "exit $?"
--- stdout
{"kind":"message","id":12345678901234567890,"x":1.50,"b":[1,2]}
{"z":1,"kind":"conversation","id":"c-1","customer":{"id":"k"},"started":"2026-03-02T10:00:00Z","amount":1.0e3,"signals":{"repeat_contact":false,"issue":"unknown","types":[]}}
exit 1
{"kind":"message","id":12345678901234567890,"x":1.50,"b":[1,2]}
{"z":1,"kind":"conversation","id":"c-1","customer":{"id":"k"},"started":"2026-03-02T10:00:00Z","amount":1.0e3,"signals":{"repeat_contact":false,"issue":"unknown","types":[]}}
{"kind":"event","id":"e-2","ts":"2026-03-02T10:00:00Z","type":"click"}
exit 1
{"read":4,"written":3,"rejected":1,"events":1,"unattributed":1}
{"kind":"message","id":"m\u0000"}
exit 1
exit 3
--- stderr
cs-signals: in.ndjson:3: an event needs a time in "ts"
cs-signals: in.ndjson:3: an event needs a time in "ts"
cs-signals: 1 bad record left out
cs-signals: nul.ndjson:1: "customer.id" holds U+0000, which no id may
cs-signals: nul.ndjson:2: "customer.id" holds U+0000, which no id may
cs-signals: nul.ndjson:3: "customer" holds U+0000, which no id may
cs-signals: nul.ndjson:4: "session" holds U+0000, which no id may
cs-signals: nul.ndjson:5: "ticket" holds U+0000, which no id may
cs-signals: 5 bad records left out
cs-signals: consent.ndjson:1: "customer.id" holds U+0000, which no id may
--- exit
0
