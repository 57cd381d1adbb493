# Pushes without <FromUserName> or <CreateTime> are bad; the rest is read with --skip-bad.
--- cmd
cd "$REPO" && cs-ingest -m --skip-bad tests/data/wechat/missing.xml
--- stdout
{"kind":"message","id":"7283916450027361303","ts":"2026-03-02T01:00:15Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"this one is fine","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/missing.xml","line":3,"id":"7283916450027361303"},"conversation_id":"c-36db03c398ecc60a"}
--- stderr
cs-ingest: tests/data/wechat/missing.xml:1: a push without <FromUserName>
cs-ingest: tests/data/wechat/missing.xml:2: a push without <CreateTime>
cs-ingest: 2 bad records left out
--- exit
1
