# A push whose <Content> is not closed is reported with its line; without --skip-bad the run stops there, with it the next push is read.
--- cmd
cd "$REPO" && cs-ingest -m tests/data/wechat/malformed.xml; echo "exit $?"; cs-ingest -m -q --skip-bad tests/data/wechat/malformed.xml
--- stdout
{"kind":"message","id":"7283916450027361201","ts":"2026-03-02T01:00:05Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"第一条","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/malformed.xml","line":1,"id":"7283916450027361201"},"conversation_id":"c-20f7d833021ccb14"}
exit 1
{"kind":"message","id":"7283916450027361201","ts":"2026-03-02T01:00:05Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"第一条","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/malformed.xml","line":1,"id":"7283916450027361201"},"conversation_id":"c-20f7d833021ccb14"}
{"kind":"message","id":"7283916450027361203","ts":"2026-03-02T01:00:15Z","channel":"wechat","customer":{"id":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","ids":{"wechat":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}},"role":"customer","text":"第三条","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/malformed.xml","line":3,"id":"7283916450027361203"},"conversation_id":"c-20f7d833021ccb14"}
--- stderr
cs-ingest: tests/data/wechat/malformed.xml:2: malformed XML: </xml> where </Content> was expected
cs-ingest: tests/data/wechat/malformed.xml:2: malformed XML: </xml> where </Content> was expected
cs-ingest: 1 bad record left out
--- exit
1
