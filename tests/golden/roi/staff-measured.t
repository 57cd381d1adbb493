# cs-roi staff measured from records: metrics records (shards of a window
# added, AHT = handle_s / handled), conversations per 15-minute window
# (handle time = ended less the first agent reply), --by, --aht over the
# measured AHT, a window without handle time, and --actual: the agents on
# duty (sums.staffed_s / the window) against those needed. A window
# without handle time has no AHT and so no load: aht_s and erlangs are null
# (erlangs was 0, as if the window needed no one).
--- cmd
cat > m.ndjson <<'IN'
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T09:00:00Z","to":"2026-03-02T09:30:00Z"},"group":{"channel":"chat"},"counts":{"contacts":60,"handled":50},"sums":{"handle_s":9000}}
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T09:00:00Z","to":"2026-03-02T09:30:00Z"},"group":{"channel":"chat"},"counts":{"contacts":40,"handled":40},"sums":{"handle_s":7200}}
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T09:00:00Z","to":"2026-03-02T09:30:00Z"},"group":{"channel":"voice"},"counts":{"contacts":240,"handled":236},"sums":{"handle_s":70800}}
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T08:30:00Z","to":"2026-03-02T09:00:00Z"},"group":{"channel":"chat"},"counts":{"contacts":3,"handled":0}}
{"kind":"message","text":"left out"}
IN
cs-roi staff m.ndjson
cs-roi staff --json --stats=json --stats-file stats.json -q m.ndjson | jq -c '[.window.from, .group.channel, .volume, .aht_s, .erlangs, .agents, .rostered, .reason]'
jq -c '[.metrics, .other_records, .windows, .no_aht]' stats.json
cs-roi staff --aht 200s -q m.ndjson | cut -c1-120
cat > c.ndjson <<'IN'
{"kind":"conversation","id":"c1","channel":"chat","route":{"team":"a"},"started":"2026-03-02T09:01:00Z","ended":"2026-03-02T09:04:00Z","messages":[{"role":"customer","ts":"2026-03-02T09:01:00Z"},{"role":"agent","ts":"2026-03-02T09:02:00Z"}]}
{"kind":"conversation","id":"c2","channel":"chat","route":{"team":"a"},"started":"2026-03-02T09:14:59Z","ended":"2026-03-02T09:20:00Z","messages":[{"role":"agent","ts":"2026-03-02T09:16:00Z"}]}
{"kind":"conversation","id":"c3","channel":"chat","started":"2026-03-02T09:05:00Z","messages":[{"role":"bot","ts":"2026-03-02T09:05:01Z"}]}
{"kind":"conversation","id":"c4","channel":"email","route":{"team":"b"},"started":"2026-03-02T09:15:00Z","ended":"2026-03-02T09:25:00Z","messages":[{"role":"agent","ts":"2026-03-02T09:20:00Z"}]}
IN
cs-roi staff --json c.ndjson | jq -c '[.window.from, .window.to, .group, .volume, .handled, .aht_s, .agents]'
cs-roi staff --json --by route.team --interval 30m c.ndjson 2>/dev/null | jq -c '[.window.from, .window.to, .group, .volume, .handled, .aht_s, .agents]'
cat > a.ndjson <<'IN'
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T09:00:00Z","to":"2026-03-02T09:30:00Z"},"group":{"channel":"voice"},"counts":{"contacts":100,"handled":100},"sums":{"handle_s":18000,"staffed_s":23400}}
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T09:30:00Z","to":"2026-03-02T10:00:00Z"},"group":{"channel":"voice"},"counts":{"contacts":100,"handled":100},"sums":{"handle_s":18000,"staffed_s":28800}}
{"kind":"metrics","type":"roi.kpi","window":{"from":"2026-03-02T10:00:00Z","to":"2026-03-02T10:30:00Z"},"group":{"channel":"voice"},"counts":{"contacts":100,"handled":100},"sums":{"handle_s":18000,"staffed_s":16200}}
IN
cs-roi staff --actual a.ndjson | sed 's/.*occupancy [0-9.]*%//'
cs-roi staff --actual --json a.ndjson | jq -c '[.window.from, .agents, .actual]'
--- stdout
2026-03-02T08:30:00Z 30m {"channel":"chat"}: 3 contacts, no staffing: no handled contacts to measure AHT from (give --aht)
2026-03-02T09:00:00Z 30m {"channel":"chat"}: 100 contacts, AHT 180 s, 10 Erlangs: 14 agents (rostered 20 with 30% shrinkage): 88.8% answered in 20 s, ASA 7.8 s, occupancy 71.4%
2026-03-02T09:00:00Z 30m {"channel":"voice"}: 240 contacts, AHT 300 s, 40 Erlangs: 46 agents (rostered 66 with 30% shrinkage): 82.2% answered in 20 s, ASA 13.3 s, occupancy 87.0%
["2026-03-02T08:30:00Z","chat",3,null,null,null,null,"no handled contacts to measure AHT from (give --aht)"]
["2026-03-02T09:00:00Z","chat",100,180,10,14,20,null]
["2026-03-02T09:00:00Z","voice",240,300,40,46,66,null]
[4,1,3,1]
2026-03-02T08:30:00Z 30m {"channel":"chat"}: 3 contacts, AHT 200 s (given), 0.33 Erlangs: 2 agents (rostered 3 with 30% 
2026-03-02T09:00:00Z 30m {"channel":"chat"}: 100 contacts, AHT 200 s (given), 11.11 Erlangs: 15 agents (rostered 22 with
2026-03-02T09:00:00Z 30m {"channel":"voice"}: 240 contacts, AHT 200 s (given), 26.67 Erlangs: 32 agents (rostered 46 wit
["2026-03-02T09:00:00Z","2026-03-02T09:15:00Z",{"channel":"chat"},3,2,180,2]
["2026-03-02T09:15:00Z","2026-03-02T09:30:00Z",{"channel":"email"},1,1,300,2]
["2026-03-02T09:00:00Z","2026-03-02T09:30:00Z",{"route.team":"a"},2,2,180,1]
["2026-03-02T09:00:00Z","2026-03-02T09:30:00Z",{"route.team":"b"},1,1,300,1]
["2026-03-02T09:00:00Z","2026-03-02T09:30:00Z",{"route.team":null},1,0,null,null]
; on duty 13: 79.6%, ASA 17.1 s (1 short)
; on duty 16: 97.1%, ASA 1.7 s (2 over)
; on duty 9: fewer than the load, the queue grows (5 short)
["2026-03-02T09:00:00Z",14,{"agents":13,"source":"staffed_s","gap":-1,"stable":true,"service_level":0.795595,"asa_s":17.116227,"occupancy":0.769231}]
["2026-03-02T09:30:00Z",14,{"agents":16,"source":"staffed_s","gap":2,"stable":true,"service_level":0.97056,"asa_s":1.72021,"occupancy":0.625}]
["2026-03-02T10:00:00Z",14,{"agents":9,"source":"staffed_s","gap":-5,"stable":false}]
--- stderr
cs-roi staff: 1 window without handle time to measure AHT from: give --aht
cs-roi staff: 1 conversation without an agent reply: contacts without handle time
--- exit
0
