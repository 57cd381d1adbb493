# Records cs-route does not route pass through byte for byte (big integer
# ids, number forms, key order, spacing inside); a routed conversation keeps
# every byte and gains "route" last, or has it replaced when routed again.
--- cmd
tee in.ndjson | cs-route > out.ndjson
sed -n '1p;3p' in.ndjson > others.in; sed -n '1p;3p' out.ndjson > others.out
cmp others.in others.out && echo "other records: the same bytes"
sed -n 2p out.ndjson | sed 's/,"route":{.*}}$/}/' > conv.out; sed -n 2p in.ndjson > conv.in
cmp conv.in conv.out && echo "the conversation: the same bytes before route"
cs-route out.ndjson | sed -n 2p | grep -o '"route"' | wc -l
--- stdin
{"kind":"event","id":12345678901234567890,"amount":1.50,"z":1,"a":[1, 2],"text":"转人工"}
{"kind":"conversation","id":98765432109876543210,"score":1e2,"messages":[{"role":"customer","text":"where is my order"}],"zz":{"x":"y"}}
{"kind":"message","role":"customer","text":"human please","id":"m1"}
--- stdout
other records: the same bytes
the conversation: the same bytes before route
1
--- stderr
--- exit
0
