# A GBK SubRip file with CRLF lines, recognised without --format and converted to UTF-8; 客服 is the agent and 客户 the customer.
--- cmd
cd "$REPO" && cs-ingest -m tests/data/transcript/call-gbk.srt
--- stdout
{"kind":"message","id":"call-gbk#0","conversation_id":"call-gbk","channel":"phone","role":"agent","text":"您好，这里是售后服务中心。","start_ms":1000,"end_ms":3400,"speaker":"客服","source":{"format":"srt","file":"tests/data/transcript/call-gbk.srt","line":1,"id":"call-gbk#0"}}
{"kind":"message","id":"call-gbk#1","conversation_id":"call-gbk","channel":"phone","role":"customer","text":"我的快递三天没到了。","start_ms":4100,"end_ms":6900,"speaker":"客户","source":{"format":"srt","file":"tests/data/transcript/call-gbk.srt","line":5,"id":"call-gbk#1"}}
{"kind":"message","id":"call-gbk#2","conversation_id":"call-gbk","channel":"phone","text":"请提供一下订单号。","start_ms":7200,"end_ms":9050,"source":{"format":"srt","file":"tests/data/transcript/call-gbk.srt","line":10,"id":"call-gbk#2"}}
--- stderr
--- exit
0
