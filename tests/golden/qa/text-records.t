# A record with a top-level "text" and no "messages" (a review, a survey comment) is
# scored for sentiment as one customer message; --sentiment-only needs no scorecard.
--- cmd
cs-qa --sentiment-only | jq -c '[.id, .qa.sentiment.label, (.qa.sentiment.compound | type)]'
--- stdin
{"id":"r1","text":"Great service, thank you!"}
{"id":"r2","text":"This is terrible. I am angry."}
{"id":"r3","rating":5}
--- stdout
["r1","positive","number"]
["r2","negative","number"]
["r3",null,"null"]
--- stderr
--- exit
0
