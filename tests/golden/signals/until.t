# --until: the input covers time up to here. A help seeker's 24 hours run
# out at the end of the input only when its latest time is a day later; a
# part of a split stream ends earlier than the whole, so without --until it
# leaves the help seeker undecided where one run would decide. With the same
# --until, every part decides as one run does.
--- cmd
cat >in.ndjson <<'END'
{"kind":"event","id":"e1","ts":"2026-03-01T10:00:00Z","customer":{"id":"c1"},"session":"s1","type":"page_view","name":"/help/articles/7"}
{"kind":"event","id":"e2","ts":"2026-03-01T10:01:00Z","customer":{"id":"c1"},"session":"s1","type":"help_view","name":"/help/articles/7"}
END
cs-signals --signals-only --no-alerts --stats=json in.ndjson 2>&1 | jq -c 'select(.kind == "stats") | {signals, undecided}'
cs-signals --signals-only --no-alerts --until 2026-03-03T00:00:00Z in.ndjson | jq -c '[.type, .customer.id, .count]'
cs-signals journey --until 2026-03-03T00:00:00Z in.ndjson | jq -c '[.customer.id, .counts]'
cs-signals --until yesterday in.ndjson
--- stdout
{"signals":0,"undecided":1}
["silent_help_seeker","c1",2]
["c1",{"silent_help_seeker":1}]
--- stderr
cs-signals: --until: 'yesterday' is not a time (not a time format cs reads)
Try 'cs-signals --help' for more information.
--- exit
2
