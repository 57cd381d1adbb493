# The JSON Schema's message "ts" takes every form cs-schema(7) allows:
# cs-ingest keeps a message's ts as it came in, so RFC 3339 with any offset
# (here +08:00), epoch seconds or milliseconds as a JSON number, and the
# other forms of cs-ingest(1) TIME ("2026-03-02 09:00:15"). It used to take
# RFC 3339 strings only and fail cs-ingest's own output. The offset_time
# form it names stays strict: a time without an offset or with a space is
# not RFC 3339. Checked with tests/data/schema/accepts.jq (no JSON Schema
# library needed), reading the message's ts through its $ref.
--- cmd
schema=$CS_SHARE_DIR/schema/cs-records.schema.json
printf '%s\n' '{"conversation_id":"c-1","ts":"2026-03-02T09:00:05+08:00","role":"customer","text":"hi"}' \
  '{"conversation_id":"c-1","ts":1772413210,"role":"agent","text":"hello"}' \
  '{"conversation_id":"c-1","ts":"2026-03-02 09:00:15","role":"customer","text":"ok"}' |
  cs-ingest --format ndjson -q | jq -c '.messages[].ts' > ts.json
printf '%s\n' '"2026-03-02T01:00:05Z"' '"2026-03-02T01:00:05.250Z"' '"2026-03-01T20:00:05.5-05:00"' \
  '"2026-03-02T09:00:05"' '"2026-03-02T09:00:05+0800"' 1772413205250 '""' true null >> ts.json
echo "ts	message ts	offset_time"
jq -L "$TESTDATA/schema" -r --slurpfile s "$schema" 'include "accepts";
  [tojson, accepts($s[0]; $s[0]."$defs".message.properties.ts; .), accepts($s[0]; {"$ref": "#/$defs/offset_time"}; .)] | @tsv' ts.json
--- stdout
ts	message ts	offset_time
"2026-03-02T09:00:05+08:00"	true	true
1772413210	true	false
"2026-03-02 09:00:15"	true	false
"2026-03-02T01:00:05Z"	true	true
"2026-03-02T01:00:05.250Z"	true	true
"2026-03-01T20:00:05.5-05:00"	true	true
"2026-03-02T09:00:05"	true	false
"2026-03-02T09:00:05+0800"	true	false
1772413205250	true	false
""	false	false
true	false	false
null	false	false
--- stderr
--- exit
0
