# cs-roi staff: a window with no contact (cs-roi kpi writes one for a
# help-centre or survey event) needs no agent, but has no AHT either:
# "aht_s" is null, not a measured 0 that the report showed as "AHT 0 s"
# and an average over the staffing records would take in. Its erlangs and
# agents stay 0; a window with contacts but none handled keeps its null
# AHT, erlangs and agents and its reason; --aht fills both.
--- cmd
cat > quiet.ndjson <<'IN'
{"kind":"event","id":"h1","ts":"2026-03-02T09:05:00Z","customer":{"id":"u1"},"type":"help_view","props":{"channel":"chat"}}
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"u2"},"started":"2026-03-02T09:20:00Z","messages":[{"role":"customer","ts":"2026-03-02T09:20:00Z","text":"hi"}]}
IN
cs-roi kpi --window 15m --by channel quiet.ndjson > q.kpi
cs-roi staff -q --json q.kpi | tee staff.ndjson | jq -c '[.window.from, .volume, .handled, .aht_s, .aht_source, .erlangs, .agents, .reason]'
cs-roi staff -q q.kpi
cs-roi staff -q --json --aht 3m q.kpi | jq -c '[.volume, .aht_s, .aht_source, .erlangs, .agents]'
cs-roi report -q --format md q.kpi staff.ndjson | grep '^| 2026-03-02 09:00 chat'
--- stdout
["2026-03-02T09:00:00Z",0,0,null,"measured",0,0,null]
["2026-03-02T09:15:00Z",1,0,null,"measured",null,null,"no handled contacts to measure AHT from (give --aht)"]
2026-03-02T09:00:00Z 15m {"channel":"chat"}: 0 contacts, 0 agents (rostered 0 with 30% shrinkage): 100.0% answered in 20 s, ASA 0.0 s, occupancy 0.0%
2026-03-02T09:15:00Z 15m {"channel":"chat"}: 1 contacts, no staffing: no handled contacts to measure AHT from (give --aht)
[0,180,"given",0,0]
[1,180,"given",0.2,1]
| 2026-03-02 09:00 chat | 0 | n/a | 0 | 0 | n/a | 100.0% | 0 s | 0.0% |
--- stderr
--- exit
0
