# A policy file with a problem is status 3, with its file and line once:
#  - a calendar file that is neither beside the policy file nor in the
#    share directory names both places; one that is there but wrong is
#    reported as it is (its own file and line), not hidden behind the share;
#  - a calendar written in the policy file is reported at its own line of
#    the policy file, FILE:LINE once, with the calendar's name;
#  - a calendar named "24x7" is an error: a policy's "calendar": "24x7" is
#    calendar time, so it would never be used;
#  - "pause" takes only statuses a ticket can wait in, "when" only known
#    keys and, for "priority", priorities; a "when" value must be a string
#    or an array of strings ("tier must be an array" misled: a string is fine);
#  - two policies of one name are an error (alerts and escalations go by
#    the name);
#  - an empty "when" list matches no ticket, and an escalation of a metric
#    the policy has no target for could never fire: both were accepted.
--- cmd
export CS_SHARE_DIR=share
mkdir -p share/calendars
try() { cs-ticket sla --db t.db --policy p.json --now 2026-03-02T09:00:00Z; echo "exit $?"; }
printf '{"calendars": {"b": "nope.json"},\n "policies": [{"name": "a", "calendar": "b", "targets": {}}]}\n' > p.json
try
printf '{"timezone": "UTC",\n "hours": {"mon": [["09:00", "25:00"]]}}\n' > bad.json
printf '{"calendars": {"b": "bad.json"},\n "policies": [{"name": "a", "calendar": "b", "targets": {}}]}\n' > p.json
try
printf '{"calendars": {\n  "biz": {"timezone": "UTC",\n    "hours": {"mon": [["09:00", "25:00"]]}}},\n "policies": [{"name": "a", "calendar": "biz", "targets": {}}]}\n' > p.json
try
printf '{"calendars": {"utc": {"timezone": "UTC", "24x7": true},\n  "24x7": {"timezone": "UTC", "24x7": true}},\n "policies": [{"name": "a", "calendar": "24x7", "targets": {}}]}\n' > p.json
try
printf '{"pause": ["pending",\n  "pendng"],\n "policies": [{"name": "a", "targets": {}}]}\n' > p.json
try
printf '{"pause": "solved",\n "policies": [{"name": "a", "targets": {}}]}\n' > p.json
try
printf '{"policies": [{"name": "a",\n  "when": {"priority": ["hgh"]}, "targets": {}}]}\n' > p.json
try
printf '{"policies": [{"name": "a",\n  "when": {"status": ["open"]}, "targets": {}}]}\n' > p.json
try
printf '{"policies": [{"name": "a", "targets": {}},\n  {"name": "a", "when": {"tier": "gold"}, "targets": {}}]}\n' > p.json
try
printf '{"policies": [{"name": "a", "when": {"tier": 5}, "targets": {}}]}\n' > p.json
try
printf '{"policies": [{"name": "a",\n  "when": {"tags": []}, "targets": {}}]}\n' > p.json
try
printf '{"policies": [{"name": "a", "targets": {"high": {"first_response": "1h"}},\n  "escalate": [{"metric": "first_response", "group": "senior"},\n   {"metric": "resolution", "priority": "urgent"}]}]}\n' > p.json
try
--- stdout
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
exit 3
--- stderr
cs-ticket sla: p.json:1: calendar "nope.json": no file nope.json, nor share/calendars/nope.json
cs-ticket sla: p.json:1: calendar "bad.json": bad.json:2: a time of day is "HH:MM", from "00:00" to "24:00"
cs-ticket sla: p.json:3: calendar "biz": a time of day is "HH:MM", from "00:00" to "24:00"
cs-ticket sla: p.json:2: a calendar cannot be named "24x7": that name is calendar time
cs-ticket sla: p.json:2: pause: 'pendng' is not new, open, pending or on_hold
cs-ticket sla: p.json:1: pause: 'solved' is not new, open, pending or on_hold
cs-ticket sla: p.json:2: priority: 'hgh' is not low, normal, high or urgent
cs-ticket sla: p.json:2: unknown key "status" in "when"
cs-ticket sla: p.json:2: a second policy named "a"
cs-ticket sla: p.json:1: tier must be a string or an array of strings
cs-ticket sla: p.json:2: tags: an empty list, which no ticket matches
cs-ticket sla: p.json:3: an escalation of resolution, which policy "a" has no target for: it would never fire
--- exit
0
