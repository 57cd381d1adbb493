# The notice of times read as UTC for want of --tz counts each time of a
# helpdesk export once, as it does for NDJSON: one Freshdesk description
# was "2 times", a Zendesk ticket and its comment "3 times" (the reader
# checked each time, then read it again to write it). With --tz there is
# no notice and the times are the zone's.
--- cmd
echo '{"id":5,"subject":"s","description_text":"d","requester_id":1,"created_at":"2026-03-05 16:00:00"}' > fd.json
echo '{"ticket":{"id":1,"created_at":"2026-03-02 01:00:00","requester_id":5,"comments":[{"id":11,"author_id":5,"created_at":"2026-03-02 01:00:00","body":"x"}]}}' > zd.json
echo '{"conversation_id":"a","ts":"2026-03-05 16:00:00"}' > one.ndjson
cs-ingest -m -f freshdesk fd.json
cs-ingest -m -f zendesk zd.json
cs-ingest -m one.ndjson
cs-ingest -m -f zendesk --tz Asia/Shanghai zd.json
--- stdout
{"kind":"message","id":"h-a461dde5e6350a5d","conversation_id":"5","ts":"2026-03-05T16:00:00Z","channel":"other","customer":{"id":"1"},"role":"customer","text":"d","conversation":{"subject":"s"},"source":{"format":"freshdesk","file":"fd.json","line":1,"id":"h-a461dde5e6350a5d"}}
{"kind":"message","id":"11","conversation_id":"1","ts":"2026-03-02T01:00:00Z","channel":"other","customer":{"id":"5"},"role":"customer","text":"x","source":{"format":"zendesk","file":"zd.json","line":1,"id":"11"}}
{"kind":"message","conversation_id":"a","ts":"2026-03-05 16:00:00"}
{"kind":"message","id":"11","conversation_id":"1","ts":"2026-03-01T17:00:00Z","channel":"other","customer":{"id":"5"},"role":"customer","text":"x","source":{"format":"zendesk","file":"zd.json","line":1,"id":"11"}}
--- stderr
cs-ingest: 1 time without an offset (such as '2026-03-05 16:00:00') was read as UTC: name their zone with --tz
cs-ingest: 2 times without an offset (such as '2026-03-02 01:00:00') were read as UTC: name their zone with --tz
cs-ingest: 1 time without an offset (such as '2026-03-05 16:00:00') was read as UTC: name their zone with --tz
--- exit
0
