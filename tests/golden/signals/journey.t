# cs-signals journey: one record per customer (in id order) with the
# sessions, conversations, tickets and signals in time order and the count
# of each signal; anonymous devices that never logged in have none.
--- cmd
cat > in.ndjson <<'IN'
{"kind":"event","id":"e1","ts":"2026-03-02T10:00:00Z","device":"d-1","type":"page_view","name":"/help/refunds"}
{"kind":"event","id":"e2","ts":"2026-03-02T10:00:30Z","device":"d-1","customer":{"id":"cust-2"},"type":"login"}
{"kind":"event","id":"e3","ts":"2026-03-02T10:05:00Z","device":"d-9","type":"page_view","name":"/"}
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"cust-1"},"started":"2026-03-03T09:00:00Z","tags":["refund"]}
{"kind":"ticket","id":"T-1","customer":{"id":"cust-1"},"status":"open","created":"2026-03-03T09:05:00Z"}
{"kind":"conversation","id":"c2","channel":"email","customer":{"id":"cust-1"},"started":"2026-03-04T09:00:00Z","tags":["refund"]}
IN
cs-signals journey --stats=json in.ndjson 2>stats
jq -c '{journeys, anonymous_sessions, signals}' stats
--- stdout
{"kind":"journey","customer":{"id":"cust-1"},"from":"2026-03-03T09:00:00Z","to":"2026-03-04T09:00:00Z","counts":{"repeat_contact":1},"risk":{"score":37,"band":"green","reasons":[{"type":"repeat_contact","points":32,"text":"1 repeat contact on the same issue in the last 14 days, the latest less than a day ago"}]},"steps":[{"ts":"2026-03-03T09:00:00Z","step":"conversation","id":"c1","channel":"chat"},{"ts":"2026-03-03T09:05:00Z","step":"ticket","id":"T-1"},{"ts":"2026-03-04T09:00:00Z","step":"conversation","id":"c2","channel":"email"},{"ts":"2026-03-04T09:00:00Z","step":"signal","type":"repeat_contact","id":"sig-c57d4ee6ce605c45"}]}
{"kind":"journey","customer":{"id":"cust-2"},"from":"2026-03-02T10:00:00Z","to":"2026-03-02T10:00:30Z","counts":{"silent_help_seeker":1},"risk":{"score":23,"band":"green","reasons":[{"type":"silent_help_seeker","points":18,"text":"1 help-centre visit that never became a ticket in the last 14 days, the latest less than a day ago"}]},"steps":[{"ts":"2026-03-02T10:00:00Z","step":"session","session":"s-b7b80f80364eeb5a","end":"2026-03-02T10:00:30Z","pages":1,"events":2},{"ts":"2026-03-02T10:00:00Z","step":"signal","type":"silent_help_seeker","id":"sig-3eef597842ed4386"}]}
{"journeys":2,"anonymous_sessions":1,"signals":2}
--- stderr
--- exit
0
