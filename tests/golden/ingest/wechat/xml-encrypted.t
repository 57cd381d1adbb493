# An encrypted (safe mode) push cannot be read without the key: reported; one in compatible mode carries the plain fields and is read.
--- cmd
cd "$REPO" && cs-ingest -m --skip-bad tests/data/wechat/encrypted.xml
--- stdout
{"kind":"message","id":"7283916450027361401","ts":"2026-03-02T01:00:05Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"plain mode","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/encrypted.xml","line":1,"id":"7283916450027361401"},"conversation_id":"c-20f7d833021ccb14"}
{"kind":"message","id":"7283916450027361403","ts":"2026-03-02T01:00:30Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"compatible mode keeps the plain fields","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/encrypted.xml","line":6,"id":"7283916450027361403"},"conversation_id":"c-20f7d833021ccb14"}
--- stderr
cs-ingest: tests/data/wechat/encrypted.xml:2: an encrypted push (<Encrypt>): cs cannot read it without the account's EncodingAESKey; decrypt it first
cs-ingest: 1 bad record left out
--- exit
1
