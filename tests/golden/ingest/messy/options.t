# -f in any case, -f tsv, --gap needs a unit, --set takes a type, --map moves
# a field unless --keep-mapped.
--- cmd
printf 'a\tb\n1\tx\n' | cs-ingest -m -f TSV -M conversation_id=a -
printf 'a;b\n1;x\n' | cs-ingest -m -f CSV -M conversation_id=a -
cs-ingest --gap 30 - </dev/null; echo "exit $?"
echo '{"id":"1","conversation_id":"c","t":"x"}' | cs-ingest -m --set vip=true:bool --set score=4.5:number --set note='a\:bool' -
echo '{"id":"1","conversation_id":"c","t":"x"}' | cs-ingest -m -M text=t -
echo '{"id":"1","conversation_id":"c","t":"x"}' | cs-ingest -m -M text=t --keep-mapped -
cs-ingest --set vip=maybe:bool - </dev/null; echo "exit $?"
--- stdout
{"kind":"message","b":"x","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"1"}
{"kind":"message","b":"x","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"1"}
exit 2
{"kind":"message","id":"1","conversation_id":"c","t":"x","vip":true,"score":4.5,"note":"a:bool"}
{"kind":"message","id":"1","conversation_id":"c","text":"x"}
{"kind":"message","id":"1","conversation_id":"c","t":"x","text":"x"}
exit 2
--- stderr
cs-ingest: --gap: '30' needs a unit: ms, s, m, h, d or w (such as 30m or 30s)
Try 'cs-ingest --help' for more information.
cs-ingest: --set: 'maybe' is not a boolean
Try 'cs-ingest --help' for more information.
--- exit
0
