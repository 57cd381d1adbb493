# Rage clicks at their threshold edges (PostHog's definition: 3 clicks, the
# first to the last within 1000 ms, each within 30 px of the first, on the
# same target; clicks on text inputs and double/triple-click selections are
# not counted). Each case is one visit of its own device. 130.3 - 100.3 is
# 30.000000000000014 in binary: still 30 px.
--- cmd
click() { # device id seconds x [target] [tag] [detail]
	echo "{\"kind\":\"event\",\"id\":\"$2\",\"ts\":\"2026-03-02T10:00:$3Z\",\"device\":\"$1\",\"type\":\"click\",\"name\":\"${5:-#pay}\",\"props\":{\"x\":$4,\"y\":100,\"tag\":\"${6:-button}\",\"detail\":${7:-1}}}"
}
rage() { cs-signals --signals-only | jq -c 'select(.type == "rage_click") | [.device, .count, [.evidence[].id], .target]'; }
echo two clicks; { click d1 a 01.000 100; click d1 b 01.500 100; } | rage
echo three in 1000 ms; { click d2 a 01.000 100; click d2 b 01.500 100; click d2 c 02.000 100; } | rage
echo three in 1001 ms; { click d3 a 01.000 100; click d3 b 01.500 100; click d3 c 02.001 100; } | rage
echo 30 px; { click d4 a 01.000 100; click d4 b 01.100 120; click d4 c 01.200 130; } | rage
echo 31 px; { click d5 a 01.000 100; click d5 b 01.100 120; click d5 c 01.200 131; } | rage
echo 30 px between fractions; { click db a 01.000 100.3; click db b 01.100 120.3; click db c 01.200 130.3; } | rage
echo another target; { click d6 a 01.000 100; click d6 b 01.100 100; click d6 c 01.200 100 '#cancel'; } | rage
echo text input; { click d7 a 01.000 100 '#email' input; click d7 b 01.100 100 '#email' input; click d7 c 01.200 100 '#email' input; } | rage
echo selection; { click d8 a 01.000 100 '#p' div 2; click d8 b 01.100 100 '#p' div 3; click d8 c 01.200 100 '#p' div 2; } | rage
echo five clicks, one burst; { for i in 1 2 3 4 5; do click d9 c$i 01.${i}00 100; done; } | rage
echo two bursts; { click da a 01.000 100; click da b 01.100 100; click da c 01.200 100; click da d 03.000 100; click da e 03.100 100; click da f 03.200 100; } | rage
--- stdout
two clicks
three in 1000 ms
["d2",3,["a","b","c"],"#pay"]
three in 1001 ms
30 px
["d4",3,["a","b","c"],"#pay"]
31 px
30 px between fractions
["db",3,["a","b","c"],"#pay"]
another target
text input
selection
five clicks, one burst
["d9",5,["c1","c2","c3","c4","c5"],"#pay"]
two bursts
["da",3,["a","b","c"],"#pay"]
["da",3,["d","e","f"],"#pay"]
--- stderr
--- exit
0
