# --mapping: a JSON file of fields (types, time patterns, value maps) and settings;
# the zendesk-csv preset reads a Zendesk ticket export; conversation.* fields go
# to the conversation record.
--- cmd
cat > map.json <<'X'
{"format": "csv", "delimiter": ";", "tz": "+08:00",
 "fields": {"conversation_id": "Case", "ts": {"from": "When", "type": "time", "format": "%d/%m/%Y %H:%M"},
            "role": {"from": "Who", "values": {"Client": "customer", "Staff": "agent", "*": "system"}},
            "text": "Note", "conversation.status": "State"},
 "set": {"channel": "phone", "vip": true}}
X
printf 'Case;When;Who;Note;State\nK1;05/03/2026 10:00;Client;My line is down;open\nK1;05/03/2026 10:05;Staff;Checking it now;solved\nK1;05/03/2026 10:06;Robot;ticket updated;solved\n' > calls.txt
cs-ingest --mapping map.json calls.txt
(cd "$REPO" && cs-ingest -m --mapping zendesk-csv tests/data/csv/zendesk-export.csv | head -n 1)
cs-ingest --mapping nosuch - </dev/null 2>&1 | sed "s#$CS_SHARE_DIR#SHARE#"
printf '{"fields": 3}' > bad.json
cs-ingest --mapping ./bad.json - </dev/null; echo "exit $?"
--- stdout
{"kind":"conversation","id":"K1","channel":"phone","started":"2026-03-05T02:00:00Z","ended":"2026-03-05T02:06:00Z","status":"solved","message_count":3,"messages":[{"kind":"message","source":{"format":"csv","file":"calls.txt","line":2},"conversation_id":"K1","ts":"2026-03-05T02:00:00Z","role":"customer","text":"My line is down","conversation":{"status":"open"},"channel":"phone","vip":true},{"kind":"message","source":{"format":"csv","file":"calls.txt","line":3},"conversation_id":"K1","ts":"2026-03-05T02:05:00Z","role":"agent","text":"Checking it now","conversation":{"status":"solved"},"channel":"phone","vip":true},{"kind":"message","source":{"format":"csv","file":"calls.txt","line":4},"conversation_id":"K1","ts":"2026-03-05T02:06:00Z","role":"system","text":"ticket updated","conversation":{"status":"solved"},"channel":"phone","vip":true}]}
{"kind":"message","source":{"format":"csv","file":"tests/data/csv/zendesk-export.csv","line":2},"conversation_id":"8812","id":"8812","ts":"2026-03-04T09:15:00Z","customer":{"id":"361000112","name":"Li Wei","email":"li.wei@example.com"},"channel":"email","text":"I returned the blender on 2 March, tracking SF1234, and the refund is still not there.","subject":"Refund not received","conversation":{"subject":"Refund not received","status":"solved","priority":"high","group":"Billing","assignee":"Anna Ortiz","csat_label":"Good"},"role":"customer"}
cs-ingest: --mapping SHARE/mappings/nosuch.json: No such file or directory (not a file here, nor a preset of that name)
exit 3
--- stderr
cs-ingest: 3 times without an offset (such as '2026-03-04 09:15') were read as UTC: name their zone with --tz
cs-ingest: --mapping ./bad.json: "fields" is not an object
--- exit
0
