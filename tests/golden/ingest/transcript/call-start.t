# --call-start: a transcript gives no time the call started, so its turns had
# no "ts", the conversation no "started", and cs-roi kpi left the call out of
# every window without a word (exit 0, an undocumented "untimed" counter).
# With --call-start (read in the --tz zone), each turn's ts is the start plus
# its start_ms, and the call is a phone contact; without it cs-roi says what
# it left out, and why. A bad time is a usage error.
# A transcript is one call: a hold longer than --gap (31 minutes here) does
# not cut it in two (it came out as two conversations with the same id, and
# cs-roi kpi counted two contacts), nor when its turns are read again from
# cs-ingest -m's output.
--- cmd
cs-ingest "$REPO/examples/call-1042.vtt" | cs-roi kpi --by channel; echo "exit $?"
cs-ingest --tz Asia/Shanghai --call-start '2026-03-02 10:15' "$REPO/examples/call-1042.vtt" > call.ndjson
jq -c '[.started, .ended, [.messages[] | [.ts, .start_ms]]]' call.ndjson
cs-roi kpi --by channel call.ndjson | jq -c '[.window.from, .group, .counts.contacts, .counts.handled]'
cs-ingest --call-start soon "$REPO/examples/call-1042.vtt"; echo "exit $?"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Agent>Please hold while I check.\n\n00:31:05.000 --> 00:31:08.000\n<v Agent>Thanks for holding.\n\n00:31:09.000 --> 00:31:10.000\n<v Customer>ok\n' > call-7.vtt
cs-ingest --call-start 2026-03-02T09:00:00Z call-7.vtt | jq -c '[.id, .started, .ended, .message_count]'
cs-ingest --call-start 2026-03-02T09:00:00Z call-7.vtt | cs-roi kpi | jq .counts.contacts
cs-ingest -m --call-start 2026-03-02T09:00:00Z call-7.vtt | cs-ingest | jq -c '[.id, .message_count]'
--- stdout
exit 0
["2026-03-02T02:15:00.500Z","2026-03-02T02:15:15Z",[["2026-03-02T02:15:00.500Z",500],["2026-03-02T02:15:04.900Z",4900],["2026-03-02T02:15:09.075Z",9075],["2026-03-02T02:15:09.075Z",9075],["2026-03-02T02:15:11.400Z",11400],["2026-03-02T02:15:15Z",15000]]]
["2026-03-02T00:00:00Z",{"channel":"phone"},1,1]
exit 2
["call-7","2026-03-02T09:00:01Z","2026-03-02T09:31:09Z",3]
1
["call-7",3]
--- stderr
cs-roi kpi: 1 conversation left out: no "started" and no message "ts" to place it in a window (a call transcript has none unless cs-ingest --call-start gives it one)
cs-ingest: --call-start: 'soon' is not a time (not a time format cs reads)
Try 'cs-ingest --help' for more information.
--- exit
0
