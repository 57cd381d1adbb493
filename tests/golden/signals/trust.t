# cs-signals trust: one metrics record per segment and day (counts and sums
# that merge by adding, kpi worked out from them), --min-group suppression,
# --partial shards merged into exactly one run's records, and a segment
# anomaly against the same weekday's history. The input is cs-signals'
# output: conversations with "signals" and qa sentiment, CES surveys. A
# survey that names its conversation (props.conversation_id, read before or
# after it) counts its customer among the segment's, as one placed by
# props.channel does.
--- cmd
conv() { # id customer day status repeat end-sentiment [channel]
	echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"${7:-chat}\",\"customer\":{\"id\":\"$2\"},\"started\":\"2026-03-$3T10:00:00Z\",\"status\":\"$4\",\"messages\":[{\"role\":\"customer\",\"ts\":\"2026-03-$3T10:00:00Z\"},{\"role\":\"agent\",\"ts\":\"2026-03-$3T10:01:00Z\"}],\"signals\":{\"repeat_contact\":$5},\"qa\":{\"sentiment\":{\"customer\":{\"start\":0,\"end\":$6}}}}"
}
ces() { echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-$3T11:00:00Z\",\"customer\":{\"id\":\"$2\"},\"type\":\"survey\",\"survey\":{\"metric\":\"ces\",\"score\":$4},\"props\":{\"channel\":\"chat\"}}"; }
{ conv a1 c1 02 solved false 0.3; conv a2 c2 02 solved true -0.4; conv a3 c3 02 open false -0.05; conv a4 c4 02 solved false -0.04 email
  ces s1 c1 02 6; ces s2 c2 02 2; } > day.ndjson
cs-signals trust --min-group 1 day.ndjson | jq -c '[.day, .group, .counts.contacts, .kpi]'
echo min-group 2; cs-signals trust --min-group 2 day.ndjson | jq -c '[.group, .suppressed, .counts]'
echo shards; grep -E '"c[12]"' day.ndjson | cs-signals trust --partial > p1.ndjson; grep -vE '"c[12]"' day.ndjson | cs-signals trust --partial > p2.ndjson
cs-signals trust --merge --min-group 1 p1.ndjson p2.ndjson > merged.ndjson; cs-signals trust --min-group 1 day.ndjson | cmp - merged.ndjson && echo merged equals one run
echo anomaly
for d in 02 09 16 23; do for i in 1 2 3 4 5 6 7 8 9 10; do conv h$d$i k$i $d solved false 0.2; done; conv r$d k1 $d solved true 0.2; done > history-in.ndjson
cs-signals trust --min-group 1 history-in.ndjson > history.ndjson
{ for i in 1 2 3 4 5 6; do conv n$i k$i 30 solved false 0.2; done; for i in 7 8 9 10 11 12; do conv m$i k$i 30 solved true 0.2; done; } > monday.ndjson
cs-signals trust --min-group 1 --history history.ndjson monday.ndjson | jq -c 'select(.kind == "alert") | [.type, .severity, .group, .factor, .reason]'
echo survey in its conversation
w='{"kind":"conversation","id":"w1","channel":"chat","started":"2026-03-02T10:00:00Z","signals":{"repeat_contact":false},"messages":[{"id":"1","role":"agent","text":"hi"}]}'
v='{"kind":"event","id":"v1","ts":"2026-03-02T10:30:00Z","customer":{"id":"A"},"type":"survey","survey":{"metric":"ces","score":6},"props":{"conversation_id":"w1"}}'
printf '%s\n' "$w" "$v" | cs-signals trust --min-group 1 | jq -c '[.suppressed, .counts.customers, .counts.ces_responses]'
printf '%s\n' "$v" "$w" | cs-signals trust --min-group 1 | jq -c '[.suppressed, .counts.customers, .counts.ces_responses]'
cs-signals trust --by color day.ndjson; echo "exit $?"
cs-signals trust --where '.x' day.ndjson; echo "exit $?"
--- stdout
["2026-03-02",{"channel":"chat","handled_by":"human"},3,{"fcr":0.3333,"repeat_rate":0.3333,"negative_rate":0.6667,"trust":44.4}]
["2026-03-02",{"channel":"chat","handled_by":"unknown"},0,{"ces_easy_rate":0.5,"ces_mean":4,"trust":50}]
["2026-03-02",{"channel":"email","handled_by":"human"},1,{"fcr":1,"repeat_rate":0,"negative_rate":0,"trust":100}]
min-group 2
[{"channel":"chat","handled_by":"human"},null,{"contacts":3,"customers":3,"with_signals":3,"resolved_first_contact":1,"repeat_contacts":1,"sentiment_scored":3,"negative_sentiment":2,"ces_responses":0,"ces_easy":0,"ces_hard":0}]
[{"channel":"chat","handled_by":"unknown"},null,{"contacts":0,"customers":2,"with_signals":0,"resolved_first_contact":0,"repeat_contacts":0,"sentiment_scored":0,"negative_sentiment":0,"ces_responses":2,"ces_easy":1,"ces_hard":1}]
[{"channel":"email","handled_by":"human"},true,{"customers":1}]
shards
merged equals one run
anomaly
["signals.segment_anomaly","warning",{"channel":"chat","handled_by":"human"},"repeat_rate","repeat-contact rate 50% against a usual 9% on Mondays (channel chat, handled_by human)"]
survey in its conversation
[null,1,1]
[null,1,1]
exit 2
exit 2
--- stderr
cs-signals trust: 1 segment-day with fewer than 2 customers was suppressed (--min-group)
cs-signals trust: --by: 'color' is not channel, intent, product or handled_by
Try 'cs-signals trust --help' for more information.
cs-signals trust: --where passes the other records through, and this command writes no records it reads: use --select
Try 'cs-signals trust --help' for more information.
--- exit
0
