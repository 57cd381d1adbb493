# CSV with a header: quoted commas and newlines, doubled quotes, unquoted spaces kept; cells are strings; kind message added.
--- cmd
cs-ingest -f csv --messages --map 'conversation_id=Ticket ID' -
--- stdin
Ticket ID,Created,Requester,Via,Body
T-1,2026-03-01 09:00:00,u1,email,"Hello,
second line"
T-1,2026-03-01 09:10:00,u1,email,  padded  
T-2,2026-03-01 09:20:00,u2,phone,"She said ""hi"""
--- stdout
{"kind":"message","Created":"2026-03-01 09:00:00","Requester":"u1","Via":"email","Body":"Hello,\nsecond line","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"T-1"}
{"kind":"message","Created":"2026-03-01 09:10:00","Requester":"u1","Via":"email","Body":"  padded  ","source":{"format":"csv","file":"<stdin>","line":4},"conversation_id":"T-1"}
{"kind":"message","Created":"2026-03-01 09:20:00","Requester":"u2","Via":"phone","Body":"She said \"hi\"","source":{"format":"csv","file":"<stdin>","line":5},"conversation_id":"T-2"}
--- stderr
--- exit
0
