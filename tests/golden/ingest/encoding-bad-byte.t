# A byte --encoding cannot convert makes only its record bad: the records
# before and after it are read (CSV, NDJSON and JSON documents alike), the
# bad one is reported with its line and byte and left out with --skip-bad,
# and the run without --skip-bad stops there, keeping what came before.
# With --invalid-utf8=replace it becomes U+FFFD, as invalid UTF-8 does.
# A transcript or a mail is not read again as GB18030 or windows-1252 for
# it: its text stays as converted with U+FFFD there, and the byte is
# reported at the end of the file.
--- cmd
printf 'conversation_id,text\nc1,ok before\nc2,bad \201\040 byte\nc3,ok after\n' > gbk.csv
printf '{"conversation_id":"c","text":"ok"}\n{"conversation_id":"c","text":"bad \201\040"}\n{"conversation_id":"c","text":"ok2"}\n' > g.ndjson
cs-ingest -m --skip-bad --stats --encoding GBK gbk.csv; echo "exit $?"
cs-ingest -m --skip-bad --encoding GBK g.ndjson; echo "exit $?"
cs-ingest -m --skip-bad --encoding GBK -f json g.ndjson; echo "exit $?"
cs-ingest -m --encoding GBK gbk.csv; echo "exit $?"
cs-ingest -m --encoding GBK --invalid-utf8=replace g.ndjson; echo "exit $?"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>\304\343\272\303\n\n00:00:03.000 --> 00:00:04.000\n<v Customer>bad \201\040 here\n' > g.vtt
cs-ingest -m --encoding GBK g.vtt; echo "exit $?"
printf 'From a@x Sun Mar  1 09:00:00 2026\nFrom: a@x\nMessage-ID: <1@x>\n\n\304\343\272\303 bad \201\040 here\n' > g.mbox
cs-ingest -m --encoding GBK g.mbox > mail.out; echo "exit $?"; jq -c .text mail.out
--- stdout
{"kind":"message","conversation_id":"c1","text":"ok before","source":{"format":"csv","file":"gbk.csv","line":2}}
{"kind":"message","conversation_id":"c3","text":"ok after","source":{"format":"csv","file":"gbk.csv","line":4}}
exit 1
{"kind":"message","conversation_id":"c","text":"ok"}
{"kind":"message","conversation_id":"c","text":"ok2"}
exit 1
{"kind":"message","conversation_id":"c","text":"ok"}
{"kind":"message","conversation_id":"c","text":"ok2"}
exit 1
{"kind":"message","conversation_id":"c1","text":"ok before","source":{"format":"csv","file":"gbk.csv","line":2}}
exit 1
{"kind":"message","conversation_id":"c","text":"ok"}
{"kind":"message","conversation_id":"c","text":"bad � "}
{"kind":"message","conversation_id":"c","text":"ok2"}
exit 0
{"kind":"message","id":"g#0","conversation_id":"g","channel":"phone","role":"agent","text":"你好","start_ms":1000,"end_ms":2000,"speaker":"Agent","source":{"format":"vtt","file":"g.vtt","line":3,"id":"g#0"}}
{"kind":"message","id":"g#1","conversation_id":"g","channel":"phone","role":"customer","text":"bad �  here","start_ms":3000,"end_ms":4000,"speaker":"Customer","source":{"format":"vtt","file":"g.vtt","line":6,"id":"g#1"}}
exit 1
exit 1
"你好 bad �  here"
--- stderr
cs-ingest: gbk.csv:3: invalid GBK byte sequence (byte 0x81); is --encoding right?
cs-ingest: 1 bad record left out
cs-ingest: stats: read 3, written 2, blank 0, rejected 1, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 2, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
cs-ingest: g.ndjson:2: invalid GBK byte sequence (byte 0x81); is --encoding right?
cs-ingest: 1 bad record left out
cs-ingest: g.ndjson:2: invalid GBK byte sequence (byte 0x81); is --encoding right?
cs-ingest: 1 bad record left out
cs-ingest: gbk.csv:3: invalid GBK byte sequence (byte 0x81); is --encoding right?
cs-ingest: replaced 1 invalid UTF-8 sequence with U+FFFD
cs-ingest: g.vtt:7: invalid GBK byte sequence (byte 0x81); is --encoding right?
cs-ingest: g.mbox:5: invalid GBK byte sequence (byte 0x81); is --encoding right?
--- exit
0
