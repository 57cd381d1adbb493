# The JSON Schema takes the SLA times cs-ticket writes: due, breached_at and
# read_at are in the calendar's zone with three digits of milliseconds when
# the instant has a fraction of a second (cs-ticket(1) DUE AND ELAPSED). Its
# local_time said "whole seconds" and refused them, so a ticket opened at
# 09:00:00.500 failed the schema with due 2026-03-02T14:00:00.500+08:00 (the
# bundled demo's call-1042 too). Whole seconds, Z and other fractions than
# three digits stay as they were. Checked with tests/data/schema/accepts.jq.
--- cmd
schema=$CS_SHARE_DIR/schema/cs-records.schema.json
echo '{"kind":"conversation","id":"c1","ticket_id":"T","messages":[{"id":"m1","ts":"2026-03-02T01:00:00.500Z","role":"customer","text":"hi"}]}' |
  cs-ticket --db t.db --policy "$REPO/examples/sla-policy.json" --now 2026-03-02T10:00:00+08:00 |
  jq -c '.ticket.sla | .first_response.due, .resolution.due' > times.json
printf '%s\n' '"2026-03-02T13:00:00+08:00"' '"2026-03-02T05:00:00Z"' '"2026-03-02T05:00:00.250Z"' \
  '"2026-03-02T13:00:00.5+08:00"' '"2026-03-02T13:00:00"' >> times.json
jq -L "$TESTDATA/schema" -r --slurpfile s "$schema" 'include "accepts";
  [tojson, accepts($s[0]; $s[0]."$defs".sla_metric.properties.due; .)] | @tsv' times.json
--- stdout
"2026-03-02T14:00:00.500+08:00"	true
"2026-03-10T09:00:00.500+08:00"	true
"2026-03-02T13:00:00+08:00"	true
"2026-03-02T05:00:00Z"	true
"2026-03-02T05:00:00.250Z"	true
"2026-03-02T13:00:00.5+08:00"	false
"2026-03-02T13:00:00"	false
--- stderr
--- exit
0
