# Records of other kinds pass through untouched, spacing included.
--- cmd
cs-ingest -
--- stdin
{ "kind" : "event", "id":"e1", "n": 1.0e2 }
{"kind":"ticket","id":"T-1","weird":[1,{"x":null}]}
--- stdout
{ "kind" : "event", "id":"e1", "n": 1.0e2 }
{"kind":"ticket","id":"T-1","weird":[1,{"x":null}]}
--- stderr
--- exit
0
