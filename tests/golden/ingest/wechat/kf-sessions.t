# Session lists (sessionlist, waitcaselist, one session) become system messages with event session or session_waiting at the session's time.
--- cmd
cd "$REPO" && cs-ingest -m tests/data/wechat/kf-sessions.json
--- stdout
{"kind":"message","id":"h-88dad70f6318f329","ts":"2026-03-02T01:00:00Z","channel":"wechat","customer":{"id":"oDF3iY9WMaswOPWjCIp_f3Bnpljk","ids":{"wechat":"oDF3iY9WMaswOPWjCIp_f3Bnpljk"}},"role":"system","author":"lily@gh_9c7a3e2f1b04","text":"","event":"session","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-sessions.json","line":1},"conversation_id":"c-24d4c81eddc7cdea"}
{"kind":"message","id":"h-cfa68cca223dd2f6","ts":"2026-03-02T01:10:00Z","channel":"wechat","customer":{"id":"oGz4Tw0QkL9d3nH5vRbE2sYcXa1M","ids":{"wechat":"oGz4Tw0QkL9d3nH5vRbE2sYcXa1M"}},"role":"system","author":"lily@gh_9c7a3e2f1b04","text":"","event":"session","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-sessions.json","line":1},"conversation_id":"c-f39622021b4ab5b6"}
{"kind":"message","id":"h-eae0a80f926f2b60","ts":"2026-03-02T01:13:20Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"system","text":"","event":"session_waiting","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-sessions.json","line":2},"conversation_id":"c-330b7767182b98d5"}
{"kind":"message","id":"h-dd1356fdb65f0d12","ts":"2026-03-02T01:15:00Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"system","author":"tom@gh_9c7a3e2f1b04","text":"","event":"session","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-sessions.json","line":3},"conversation_id":"c-330b7767182b98d5"}
--- stderr
--- exit
0
