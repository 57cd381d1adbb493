# --map types: number, bool, json, time (epoch ms, RFC 2822, naive in --tz), string from a number.
--- cmd
cs-ingest --messages --tz Asia/Shanghai --map 'conversation_id=c:string,score=s:number,vip=v:bool,extra=j:json,ts=t' -
--- stdin
{"c":42,"s":"4.5","v":"yes","j":"{\"a\":[1]}","t":"2026-03-01 09:00:00","customer":{"id":"u"}}
{"c":42,"s":"5","v":"no","j":"null","t":"Sun, 01 Mar 2026 09:00:30 +0800","customer":{"id":"u"}}
{"c":42,"s":"3","v":"1","j":"2","t":1772326860123,"customer":{"id":"u"}}
--- stdout
{"kind":"message","customer":{"id":"u"},"conversation_id":"42","score":4.5,"vip":true,"extra":{"a":[1]},"ts":"2026-03-01T01:00:00Z"}
{"kind":"message","customer":{"id":"u"},"conversation_id":"42","score":5,"vip":false,"extra":null,"ts":"2026-03-01T01:00:30Z"}
{"kind":"message","customer":{"id":"u"},"conversation_id":"42","score":3,"vip":true,"extra":2,"ts":"2026-03-01T01:01:00.123Z"}
--- stderr
--- exit
0
