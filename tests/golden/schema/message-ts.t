# The JSON Schema's message "ts" is RFC 3339 with any offset: cs-ingest
# keeps a message's ts as it came in (here +08:00), and the schema must
# accept what it writes; a time without an offset or with a space is not
# RFC 3339. The pattern is read through the message's $ref.
--- cmd
schema=$CS_SHARE_DIR/schema/cs-records.schema.json
ref=$(jq -r '."$defs".message.properties.ts."$ref" | sub("^#/\\$defs/"; "")' "$schema")
pattern=$(jq -r --arg d "$ref" '."$defs"[$d].pattern' "$schema")
echo '{"conversation_id":"c-1","ts":"2026-03-02T09:00:05+08:00","role":"customer","text":"hi"}' |
  cs-ingest --format ndjson | jq -r '.messages[].ts' > ts.txt
printf '%s\n' 2026-03-02T01:00:05Z 2026-03-02T01:00:05.250Z 2026-03-01T20:00:05.5-05:00 \
  '2026-03-02 09:00:05' 2026-03-02T09:00:05 2026-03-02T09:00:05+0800 >> ts.txt
jq -R -r --arg p "$pattern" '[., test($p)] | @tsv' ts.txt
--- stdout
2026-03-02T09:00:05+08:00	true
2026-03-02T01:00:05Z	true
2026-03-02T01:00:05.250Z	true
2026-03-01T20:00:05.5-05:00	true
2026-03-02 09:00:05	false
2026-03-02T09:00:05	false
2026-03-02T09:00:05+0800	false
--- stderr
--- exit
0
