# A repeat contact that comes late, after another customer's later
# conversation (cs-ingest writes conversations as they close, not as they
# began), is still found: another customer's record made cs-signals forget
# the earlier contact, so one run missed the repeat that the parts found,
# without a word. One run and the parts agree.
--- cmd
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"$2\"},\"started\":\"2026-03-$3Z\",\"tags\":[\"$4\"],\"messages\":[]}"; }
{
c x1 xavier 01T00:00:00 delivery
c y1 yara 08T00:10:00 billing
c x2 xavier 07T23:50:00 delivery
c x3 xavier 16T00:00:00 delivery
} > all.ndjson
cs-signals --until 2026-03-20T00:00:00Z all.ndjson | jq -c 'select(.kind == "conversation") | [.id, .signals.repeat_contact, .signals.repeat_of]'
echo "in 2 parts:"
for k in 1 2; do cs-signals --until 2026-03-20T00:00:00Z --shard $k/2 all.ndjson; done |
	jq -c 'select(.kind == "conversation") | [.id, .signals.repeat_contact, .signals.repeat_of]' | sort
--- stdout
["x1",false,null]
["y1",false,null]
["x2",true,"x1"]
["x3",false,null]
in 2 parts:
["x1",false,null]
["x2",true,"x1"]
["x3",false,null]
["y1",false,null]
--- stderr
--- exit
0
