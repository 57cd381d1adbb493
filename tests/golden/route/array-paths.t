# A condition on a path that leads to an array (the documented "tags") is a
# membership test, as emotions are: equality and in hold when an element is
# the value or listed, ne and not_in only when none is; numbers alike; the
# order tests do not hold on an array. Before, the array was no string, so
# equality and in never held and ne and not_in always did.
--- cmd
echo '{"kind":"conversation","id":"c1","tags":["billing","urgent"],"codes":[3,4],"messages":[{"role":"customer","text":"hello"}]}' > tagged.ndjson
for w in '{"tags":"urgent"}' '{"tags":["urgent"]}' '{"tags":{"in":["urgent","vip"]}}' '{"tags":{"eq":"vip"}}' \
         '{"tags":{"ne":"urgent"}}' '{"tags":{"not_in":["urgent"]}}' '{"tags":{"ne":"vip"}}' '{"tags":{"not_in":["vip","spam"]}}' \
         '{"codes":4}' '{"codes":{"ne":4}}' '{"codes":{"gt":1}}' '{"tags":{"exists":true}}'; do
  printf '{"version":1,"filters":[{"name":"t","when":%s,"targets":[{"queue":"matched"}]}]}\n' "$w" > tags.json
  cs-route -p tags.json tagged.ndjson | jq -rc --arg w "$w" '[$w,.route.queue]|@tsv'
done
--- stdout
{"tags":"urgent"}	matched
{"tags":["urgent"]}	matched
{"tags":{"in":["urgent","vip"]}}	matched
{"tags":{"eq":"vip"}}	general
{"tags":{"ne":"urgent"}}	general
{"tags":{"not_in":["urgent"]}}	general
{"tags":{"ne":"vip"}}	matched
{"tags":{"not_in":["vip","spam"]}}	matched
{"codes":4}	matched
{"codes":{"ne":4}}	general
{"codes":{"gt":1}}	general
{"tags":{"exists":true}}	matched
--- stderr
--- exit
0
