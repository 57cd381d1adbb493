# Damage: a truncated conversation, and a part whose body is not a string.
--- cmd
o=$PWD; cd "$REPO" && cs-ingest -m --format intercom tests/data/helpdesk/intercom-truncated.json; echo "exit $?"; printf '%s\n' '{"type":"conversation","id":"9","created_at":1772442000,"source":{"id":"1","body":"hi","author":{"type":"lead","id":"L1"}},"conversation_parts":{"conversation_parts":[{"id":"2","part_type":"comment","body":7,"created_at":1772442001,"author":{"type":"admin","id":"5"}},{"id":"3","part_type":"comment","body":"<p>hello</p>","created_at":"later","author":{"type":"admin","id":"5"}}]}}' > "$o/bad.json"; (cd "$o" && cs-ingest -m --skip-bad --format intercom bad.json)
--- stdout
exit 1
{"kind":"message","id":"1","conversation_id":"9","ts":"2026-03-02T09:00:00Z","channel":"other","customer":{"id":"L1"},"role":"customer","text":"hi","source":{"format":"intercom","file":"bad.json","line":1,"id":"1"}}
--- stderr
cs-ingest: tests/data/helpdesk/intercom-truncated.json:19: invalid JSON: unterminated string (the rest of the file is not read)
cs-ingest: bad.json:1: part 2 of conversation 9: the body is not a string
cs-ingest: bad.json:1: part 3 of conversation 9: "created_at" is not a time: later
cs-ingest: 2 bad records left out
--- exit
1
