# WeChat pushes a message again when the server is slow: three copies of one MsgId give one message and 2 duplicates.
--- cmd
cd "$REPO" && cs-ingest -m --stats=json tests/data/wechat/retry.xml
--- stdout
{"kind":"message","id":"7283916450027361185","ts":"2026-03-02T01:00:05Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"还在吗？","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/retry.xml","line":1,"id":"7283916450027361185"},"conversation_id":"c-20f7d833021ccb14"}
--- stderr
{"kind":"stats","program":"cs-ingest","read":3,"written":1,"blank":0,"rejected":0,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":1,"conversations":0,"duplicates":2,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
0
