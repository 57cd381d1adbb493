# A chat record with an opercode cs does not know is a system event named
# opercode_CODE (its text was once overwritten by the code alone).
--- cmd
printf '{"recordlist":[{"openid":"oX1","opercode":1099,"text":"","time":1772419240,"worker":"kf1@gh"},{"openid":"oX1","opercode":1004,"text":"","time":1772419250,"worker":"kf1@gh"}]}\n' > kf.json
cs-ingest -m kf.json
--- stdout
{"kind":"message","id":"h-c1690f7d3bba8565","ts":"2026-03-02T02:40:40Z","channel":"wechat","customer":{"id":"oX1","ids":{"wechat":"oX1"}},"role":"system","author":"kf1@gh","text":"","event":"opercode_1099","source":{"format":"wechat-kf","file":"kf.json","line":1},"conversation_id":"c-7f90951c4edb89f8"}
{"kind":"message","id":"h-018e97f33c3a8fa4","ts":"2026-03-02T02:40:50Z","channel":"wechat","customer":{"id":"oX1","ids":{"wechat":"oX1"}},"role":"system","author":"kf1@gh","text":"","event":"session_closed","source":{"format":"wechat-kf","file":"kf.json","line":1},"conversation_id":"c-7f90951c4edb89f8"}
--- stderr
--- exit
0
