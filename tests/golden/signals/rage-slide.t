# A rage burst may begin at any click, not only at the first after the last
# burst: 3 clicks on the same target, the first to the last within 1000 ms,
# each within 30 px of the first (cs-signals(1) SIGNALS). A slower click
# before them, or one too far from them, is a dead click of its own and does
# not hide them. Before, a burst began only at a click that did not fit the
# one before, so b, c and d below were dead clicks.
--- cmd
click() { # id seconds x
	echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-02T10:00:$2Z\",\"device\":\"d1\",\"type\":\"click\",\"name\":\"#pay\",\"props\":{\"x\":$3,\"y\":100,\"tag\":\"button\"}}"
}
rage() { cs-signals --signals-only --until 2026-03-03T00:00:00Z | jq -c '[.type, .count, [.evidence[].id]]'; }
echo a slower first click; { click a 01.000 100; click b 01.900 100; click c 02.500 100; click d 02.800 100; } | rage
echo a first click too far; { click a 01.000 100; click b 01.100 125; click c 01.200 150; click d 01.300 140; } | rage
echo the last three in 1000 ms of five; { click a 01.000 100; click b 01.600 100; click c 02.200 100; click d 02.700 100; click e 03.200 100; } | rage
echo a click a second apart each; { click a 01.000 100; click b 02.001 100; click c 03.002 100; click d 04.003 100; } | rage
echo two then a pause; { click a 01.000 100; click b 01.900 100; click c 02.500 100; } | rage
--- stdout
a slower first click
["dead_click",1,["a"]]
["rage_click",3,["b","c","d"]]
a first click too far
["rage_click",3,["b","c","d"]]
["dead_click",1,["a"]]
the last three in 1000 ms of five
["dead_click",1,["a"]]
["dead_click",1,["b"]]
["rage_click",3,["c","d","e"]]
a click a second apart each
["dead_click",1,["a"]]
["dead_click",1,["b"]]
["dead_click",1,["c"]]
["dead_click",1,["d"]]
two then a pause
["dead_click",1,["a"]]
["dead_click",1,["b"]]
["dead_click",1,["c"]]
--- stderr
--- exit
0
