# Incremental ticket events name the changed field as a key of each child
# event: a Change of status is a status_change, and a Change of assignee_id
# an assignment with the new assignee (null: unassigned), as the same
# changes in audit form are.
--- cmd
cat > events.json <<'JSON'
{"ticket_events":[{"id":5,"ticket_id":7,"timestamp":1772420000,"updater_id":20,"via":"Web form","child_events":[
  {"id":51,"event_type":"Change","status":"solved","previous_value":"open"},
  {"id":52,"event_type":"Change","assignee_id":"20","previous_value":"19"},
  {"id":53,"event_type":"Change","assignee_id":null,"previous_value":"20"}]}]}
JSON
cs-ingest -m -f zendesk events.json | jq -c '[.id, .role, .event, .text, .conversation]'
--- stdout
["51","system","status_change","status changed from open to solved",{"status":"solved"}]
["52","system","assignment","assignee changed from 19 to 20",{"assignee":"20"}]
["53","system","assignment","assignee changed from 20 to (none)",null]
--- stderr
--- exit
0
