# A conversation of 100,000 messages (7 MB, well inside --max-record) is
# scored in time linear in its messages: whether it runs on call offsets or
# timestamps is known once per conversation, not found again for every
# message of every metric. It used to take 37 s (quadratic); the timeout
# catches that.
--- cmd
awk 'BEGIN { printf "{\"kind\":\"conversation\",\"id\":\"big\",\"channel\":\"chat\",\"customer\":{\"id\":\"u1\"},\"messages\":["
	for (i = 0; i < 100000; i++)
		printf "%s{\"role\":\"%s\",\"ts\":%d,\"text\":\"%s\"}", (i ? "," : ""), (i % 2 ? "agent" : "customer"),
			1772442000 + i, (i % 2 ? "Sorry, let me check." : "Where is my refund?")
	print "]}" }' > big.ndjson
timeout 15 cs-qa -q big.ndjson > out.ndjson; echo "exit $?"
jq -c '.qa.score, (.qa.items[] | select(.id == "responsiveness") | [.evidence[] | [.metric, .value]])' out.ndjson
--- stdout
exit 0
54.5
[["max_silence_s",1],["first_response_s",1],["max_response_s",1]]
--- stderr
--- exit
0
