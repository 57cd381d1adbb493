# CSV with --map and, grouped by Ticket ID into conversations.
--- cmd
cs-ingest -f csv --map 'conversation_id=Ticket ID,ts=Created,customer.id=Requester,channel=Via,text=Body' -
--- stdin
Ticket ID,Created,Requester,Via,Body
T-1,2026-03-01 09:00:00,u1,email,"Hello,
second line"
T-1,2026-03-01 09:10:00,u1,email,  padded  
T-2,2026-03-01 09:20:00,u2,phone,"She said ""hi"""
--- stdout
{"kind":"conversation","id":"T-1","channel":"email","customer":{"id":"u1"},"started":"2026-03-01T09:00:00Z","ended":"2026-03-01T09:10:00Z","message_count":2,"messages":[{"kind":"message","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"T-1","ts":"2026-03-01T09:00:00Z","customer":{"id":"u1"},"channel":"email","text":"Hello,\nsecond line"},{"kind":"message","source":{"format":"csv","file":"<stdin>","line":4},"conversation_id":"T-1","ts":"2026-03-01T09:10:00Z","customer":{"id":"u1"},"channel":"email","text":"  padded  "}]}
{"kind":"conversation","id":"T-2","channel":"phone","customer":{"id":"u2"},"started":"2026-03-01T09:20:00Z","ended":"2026-03-01T09:20:00Z","message_count":1,"messages":[{"kind":"message","source":{"format":"csv","file":"<stdin>","line":5},"conversation_id":"T-2","ts":"2026-03-01T09:20:00Z","customer":{"id":"u2"},"channel":"phone","text":"She said \"hi\""}]}
--- stderr
cs-ingest: 3 times without an offset (such as '2026-03-01 09:00:00') were read as UTC: name their zone with --tz
--- exit
0
