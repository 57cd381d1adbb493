# A file cut off inside a push: the complete push is read, the cut one reported with its line.
--- cmd
cd "$REPO" && cs-ingest -m --skip-bad --stats=json tests/data/wechat/truncated.xml
--- stdout
{"kind":"message","id":"7283916862344221711","ts":"2026-03-02T01:01:40Z","channel":"wechat","customer":{"id":"oGz4Tw0QkL9d3nH5vRbE2sYcXa1M","ids":{"wechat":"oGz4Tw0QkL9d3nH5vRbE2sYcXa1M"}},"role":"customer","text":"Is the blue one in stock?","account":"gh_9c7a3e2f1b04","source":{"format":"wechat-xml","file":"tests/data/wechat/truncated.xml","line":1,"id":"7283916862344221711"},"conversation_id":"c-5e3ca8fabdc7f573"}
--- stderr
cs-ingest: tests/data/wechat/truncated.xml:14: malformed XML: a CDATA section that is not closed
cs-ingest: 1 bad record left out
{"kind":"stats","program":"cs-ingest","read":2,"written":1,"blank":0,"rejected":1,"skipped":0,"dropped":0,"replaced":0,"inputs_failed":0,"stopped":0,"messages":1,"conversations":0,"duplicates":0,"passed":0,"closed_early":0,"dedup_forgotten":0}
--- exit
1
