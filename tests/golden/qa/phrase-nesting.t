# Phrase lists may include lists ("@name") up to 100 deep; only a list that
# includes itself, directly or through others, is a loop, and the message
# names it. A chain of 11 lists was refused as "phrase lists refer to each
# other in a loop" (status 3), as the check was a depth cap of 9. One list
# deeper than 100 is an error that says so. Lists 40 deep that each include
# the one below twice load at once: each is added once a list.
--- cmd
chain() { awk -v n="$1" -v twice="$2" 'BEGIN {
	printf "{\"scorecard\": \"chain\", \"phrases\": {\"l0\": [\"hello\"]"
	for (i = 1; i < n; i++)
		printf ", \"l%d\": [\"@l%d\", %s\"w%d\"]", i, i - 1, (twice ? "\"@l" (i - 1) "\", " : ""), i
	printf "}, \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"role\": \"agent\", \"any\": \"@l%d\"}}]}\n", n - 1 }' >card.json; }
t() { cs-qa -c card.json --check >out.txt; echo "status $?"; head -1 out.txt; }
chain 11 0; t
chain 101 0; t
chain 102 0; t
chain 40 1; t
chain 101 0
printf '%s\n' '{"kind":"conversation","id":"c1","messages":[{"role":"agent","text":"Hello there"}]}' |
	cs-qa -c card.json | jq -c '[.qa.score, .qa.items[0].evidence]'
printf '%s\n' '{"phrases": {"a": ["hi", "@b"], "b": ["@c"], "c": ["bye", "@a"]},' \
	'"items": [{"id": "x", "weight": 1, "pass": {"any": "@a"}}]}' >card.json; t
printf '%s\n' '{"phrases": {"a": ["hi", "@a"]}, "items": [{"id": "x", "weight": 1, "pass": {"any": ["@a"]}}]}' >card.json; t
--- stdout
status 0
scorecard chain: 1 items (weights sum to 1), 0 rules, 0 alerts, 1 phrase lists in use (11 named), 11 phrases
status 0
scorecard chain: 1 items (weights sum to 1), 0 rules, 0 alerts, 1 phrase lists in use (101 named), 101 phrases
status 3
status 0
scorecard chain: 1 items (weights sum to 1), 0 rules, 0 alerts, 1 phrase lists in use (40 named), 40 phrases
[100,[{"message_index":0,"span":[0,5],"text":"Hello"}]]
status 3
status 3
--- stderr
cs-qa: scorecard card.json:1: item 'x': phrase lists nest more than 100 deep (here "@l0")
cs-qa: scorecard card.json:1: item 'x': phrase list "a" includes itself: phrase lists refer to each other in a loop
cs-qa: scorecard card.json:1: item 'x': phrase list "a" includes itself: phrase lists refer to each other in a loop
--- exit
0
