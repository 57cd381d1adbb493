# Dead air is the longest silence but for the wait after a declared hold (a message
# whose event is "hold"): the hold's 60 seconds do not count, the 12 seconds later do.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "s", "items": [{"id": "dead_air", "weight": 1, "fail": {"metric": "max_silence_s", "at_least": 10}}]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, .qa.items[0].passed, .qa.items[0].evidence[0].value]'
--- stdin
{"kind":"conversation","id":"hold-only","channel":"phone","messages":[{"id":"1","role":"agent","start_ms":0,"end_ms":2000,"text":"May I place you on hold?","event":"hold"},{"id":"2","role":"agent","start_ms":62000,"end_ms":64000,"text":"Thanks for holding."},{"id":"3","role":"customer","start_ms":65000,"end_ms":67000,"text":"Sure."}]}
{"kind":"conversation","id":"dead-air","channel":"phone","messages":[{"id":"1","role":"agent","start_ms":0,"end_ms":2000,"text":"One moment.","event":"hold"},{"id":"2","role":"agent","start_ms":62000,"end_ms":64000,"text":"Thanks for holding."},{"id":"3","role":"customer","start_ms":76000,"end_ms":78000,"text":"Hello?"}]}
--- stdout
["hold-only",true,1]
["dead-air",false,12]
--- stderr
--- exit
0
