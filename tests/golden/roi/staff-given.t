# cs-roi staff with the volume given: the worked check of issue 13 (100
# contacts per 30 minutes at 180 s AHT are 10 Erlangs; 80/20 needs 14
# agents, 13 give 79.6%), as text and as one staffing record; an ASA
# target alone, shrinkage and an occupancy cap; no load needs no agent.
--- cmd
cs-roi staff --volume 100 --interval 30m --aht 180s --target 80/20
cs-roi staff --volume 100 --interval 30m --aht 180s --json
cs-roi staff --volume 100 --interval 30m --aht 3m --target-asa 30s --shrinkage 0.25 --json | jq -c '[.agents, .rostered, .asa_s, .target]'
cs-roi staff --volume 6000 --interval 1h --aht 180s --max-occupancy 0.85 --json | jq -c '[.erlangs, .agents, .occupancy, .service_level]'
cs-roi staff --volume 6000 --interval 1h --aht 180s --json | jq -c '[.erlangs, .agents, .occupancy, .service_level]'
cs-roi staff --volume 0 --aht 180s --shrinkage 0
--- stdout
100 contacts in 30m at 180 s AHT: 10 Erlangs; target 80.0% answered in 20 s
 agents  service level       ASA  occupancy
     12          64.0%     40.4 s      83.3%
     13          79.6%     17.1 s      76.9%
     14          88.8%      7.8 s      71.4%  <-
     15          94.1%      3.7 s      66.7%
     16          97.1%      1.7 s      62.5%
14 agents (rostered 20 with 30% shrinkage): 88.8% answered in 20 s, ASA 7.8 s, occupancy 71.4%
{"kind":"staffing","model":"erlang_c","volume":100,"interval_s":1800,"aht_s":180,"aht_source":"given","erlangs":10,"target":{"service_level":0.8,"answer_s":20},"agents":14,"rostered":20,"shrinkage":0.3,"service_level":0.88835,"asa_s":7.835937,"occupancy":0.714286,"wait_probability":0.174132}
[13,18,17.116227,{"answer_s":20,"asa_s":30}]
[300,353,0.849858,0.999995]
[300,309,0.970874,0.817301]
0 contacts in 30m at 180 s AHT: 0 Erlangs; target 80.0% answered in 20 s
0 agents (rostered 0 with 0% shrinkage): 100.0% answered in 20 s, ASA 0.0 s, occupancy 0.0%
--- stderr
--- exit
0
