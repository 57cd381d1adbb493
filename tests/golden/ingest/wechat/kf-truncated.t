# A sync_msg page cut off mid-message is reported with its file and line; nothing of it is read.
--- cmd
cd "$REPO" && cs-ingest -m --format wechat-kf tests/data/wechat/kf-truncated.json
--- stdout
--- stderr
cs-ingest: tests/data/wechat/kf-truncated.json:3: invalid JSON: control character in string (the rest of the file is not read)
--- exit
1
