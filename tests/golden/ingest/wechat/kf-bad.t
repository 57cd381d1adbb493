# A record without openid, one with an unreadable time and an API error answer are each reported with their line; the rest is read with --skip-bad.
--- cmd
cd "$REPO" && cs-ingest -m tests/data/wechat/kf-bad.json; echo "exit $?"; cs-ingest -m -q --skip-bad --stats=json tests/data/wechat/kf-bad.json
--- stdout
{"kind":"message","id":"h-071b6a2cf252476e","ts":"2026-03-02T01:00:31Z","channel":"wechat","customer":{"id":"oDF3iY9WMaswOPWjCIp_f3Bnpljk","ids":{"wechat":"oDF3iY9WMaswOPWjCIp_f3Bnpljk"}},"role":"customer","text":"运单号是多少？","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-bad.json","line":2},"conversation_id":"c-34ce0a97f5b06aac"}
exit 1
{"kind":"message","id":"h-071b6a2cf252476e","ts":"2026-03-02T01:00:31Z","channel":"wechat","customer":{"id":"oDF3iY9WMaswOPWjCIp_f3Bnpljk","ids":{"wechat":"oDF3iY9WMaswOPWjCIp_f3Bnpljk"}},"role":"customer","text":"运单号是多少？","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-bad.json","line":2},"conversation_id":"c-34ce0a97f5b06aac"}
{"kind":"message","id":"h-f40f9a9565718394","ts":"2026-03-02T01:03:20Z","channel":"wechat","customer":{"id":"oDF3iY9WMaswOPWjCIp_f3Bnpljk","ids":{"wechat":"oDF3iY9WMaswOPWjCIp_f3Bnpljk"}},"role":"customer","text":"没有了，谢谢","source":{"format":"wechat-kf","file":"tests/data/wechat/kf-bad.json","line":5},"conversation_id":"c-34ce0a97f5b06aac"}
--- stderr
cs-ingest: tests/data/wechat/kf-bad.json:3: a chat record without "openid"
cs-ingest: tests/data/wechat/kf-bad.json:3: a chat record without "openid"
cs-ingest: tests/data/wechat/kf-bad.json:4: a chat record without a readable "time"
cs-ingest: tests/data/wechat/kf-bad.json:7: an API error answer (errcode 95018: invalid cursor)
cs-ingest: 3 bad records left out
{"kind":"stats","program":"cs-ingest","read":5,"written":2,"blank":0,"rejected":3,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":2,"conversations":0,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
1
