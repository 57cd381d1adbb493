# --shard K/N works on the records whose key (customer.id, else
# conversation_id, else device or anonymous_id, else session, else a
# ticket_event's ticket, else id, else the whole line) hashes to part
# K; the others are left out and counted in other_shards, not in read, so
# the shards' counts add up to one run's. Every record is in exactly one part.
--- cmd
cat >in.ndjson <<'END'
{"kind":"event","id":"e1","customer":{"id":"cust-1"}}
{"kind":"event","id":"e2","customer":{"id":"cust-3"}}
{"kind":"event","id":"e3","customer":{"id":"cust-1"},"big":12345678901234567890}
{"kind":"event","id":"e4","conversation_id":"c-9"}
{"kind":"message","conversation_id":"c-9","text":"hi"}
{"kind":"event","id":"e5","device":"dv-1"}
{"kind":"event","id":"e6","device":"dv-3","session":"s-2"}
{"kind":"note","text":"no key at all"}
{"kind":"event","id":"e7","customer":{"id":3}}
{"kind":"event","id":"e8","customer":{"id":"3"}}
END
for k in 1 2 3; do echo "part $k:"; cs-qa --shard $k/3 --stats=json in.ndjson; done 2>&1
--- stdin
--- stdout
part 1:
{"kind":"event","id":"e1","customer":{"id":"cust-1"}}
{"kind":"event","id":"e3","customer":{"id":"cust-1"},"big":12345678901234567890}
{"kind":"event","id":"e5","device":"dv-1"}
{"kind":"event","id":"e7","customer":{"id":3}}
{"kind":"event","id":"e8","customer":{"id":"3"}}
{"kind":"stats","program":"cs-qa","read":5,"written":5,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"other_shards":5,"conversations":0,"messages_scored":0,"texts":0,"passed_through":5,"auto_failed":0,"alerts":0,"alerts_replaced":0,"regex_limit_hits":0}
part 2:
{"kind":"event","id":"e2","customer":{"id":"cust-3"}}
{"kind":"event","id":"e6","device":"dv-3","session":"s-2"}
{"kind":"stats","program":"cs-qa","read":2,"written":2,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"other_shards":8,"conversations":0,"messages_scored":0,"texts":0,"passed_through":2,"auto_failed":0,"alerts":0,"alerts_replaced":0,"regex_limit_hits":0}
part 3:
{"kind":"event","id":"e4","conversation_id":"c-9"}
{"kind":"message","conversation_id":"c-9","text":"hi","qa":{"sentiment":{"compound":0,"label":"neutral","emotions":[]}}}
{"kind":"note","text":"no key at all","qa":{"sentiment":{"compound":-0.296,"label":"negative","emotions":[]}}}
{"kind":"stats","program":"cs-qa","read":3,"written":3,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"other_shards":7,"conversations":0,"messages_scored":0,"texts":2,"passed_through":1,"auto_failed":0,"alerts":0,"alerts_replaced":0,"regex_limit_hits":0}
--- stderr
--- exit
0
