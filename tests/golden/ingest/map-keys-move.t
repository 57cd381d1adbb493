# --map over records whose keys move between records: a key in the place the
# record before had it, one that moves, an escaped key that is a target
# ("\u0069d" is id), a nested target whose object comes before or after its
# source, a repeated key (its last value is the source), a record without
# text, two items from one source, two items setting one target (a whole
# value, then a path in it), and --keep-mapped. Each record is mapped as it
# would be alone.
--- cmd
cat > memo.ndjson
cs-ingest -m -M 'id=msg,conversation_id=conv,customer.id=who' memo.ndjson
cs-ingest -m --keep-mapped -M 'id=msg,conversation_id=conv,customer.id=who' memo.ndjson
cs-ingest -m -M 'id=msg,conversation_id=conv,customer.id=who,channel=conv,x=msg' memo.ndjson
cs-ingest -m -M 'id=msg,conversation_id=conv,x=who,x.y=msg' memo.ndjson
--- stdin
{"msg":"a","conv":"c1","text":"one","id":"old"}
{"msg":"b","conv":"c1","text":"two","id":"old"}
{"text":"three","conv":"c2","msg":"c"}
{"conv":"c2","\u0069d":"escaped","msg":"d","text":"four"}
{"conv":"c3","msg":"e","text":"five","customer":{"tier":"vip"},"who":"u1"}
{"conv":"c3","msg":"f","text":"six","who":"u2","customer":{"tier":"vip"}}
{"msg":"g","conv":"c3","text":"seven","msg":"h"}
{"msg":"i","conv":"c4"}
{"msg":"j","conv":"c4","text":"eight","id":"old","kind":"message"}
--- stdout
{"kind":"message","text":"one","id":"a","conversation_id":"c1"}
{"kind":"message","text":"two","id":"b","conversation_id":"c1"}
{"kind":"message","text":"three","id":"c","conversation_id":"c2"}
{"kind":"message","\u0069d":"d","text":"four","conversation_id":"c2"}
{"kind":"message","text":"five","customer":{"tier":"vip","id":"u1"},"id":"e","conversation_id":"c3"}
{"kind":"message","text":"six","customer":{"tier":"vip","id":"u2"},"id":"f","conversation_id":"c3"}
{"kind":"message","text":"seven","id":"h","conversation_id":"c3"}
{"kind":"message","id":"i","conversation_id":"c4"}
{"text":"eight","id":"j","kind":"message","conversation_id":"c4"}
{"kind":"message","msg":"a","conv":"c1","text":"one","id":"a","conversation_id":"c1"}
{"kind":"message","msg":"b","conv":"c1","text":"two","id":"b","conversation_id":"c1"}
{"kind":"message","text":"three","conv":"c2","msg":"c","id":"c","conversation_id":"c2"}
{"kind":"message","conv":"c2","\u0069d":"d","msg":"d","text":"four","conversation_id":"c2"}
{"kind":"message","conv":"c3","msg":"e","text":"five","customer":{"tier":"vip","id":"u1"},"who":"u1","id":"e","conversation_id":"c3"}
{"kind":"message","conv":"c3","msg":"f","text":"six","who":"u2","customer":{"tier":"vip","id":"u2"},"id":"f","conversation_id":"c3"}
{"kind":"message","msg":"g","conv":"c3","text":"seven","msg":"h","id":"h","conversation_id":"c3"}
{"kind":"message","msg":"i","conv":"c4","id":"i","conversation_id":"c4"}
{"msg":"j","conv":"c4","text":"eight","id":"j","kind":"message","conversation_id":"c4"}
{"kind":"message","text":"one","id":"a","conversation_id":"c1","channel":"c1","x":"a"}
{"kind":"message","text":"two","id":"b","conversation_id":"c1","channel":"c1","x":"b"}
{"kind":"message","text":"three","id":"c","conversation_id":"c2","channel":"c2","x":"c"}
{"kind":"message","\u0069d":"d","text":"four","conversation_id":"c2","channel":"c2","x":"d"}
{"kind":"message","text":"five","customer":{"tier":"vip","id":"u1"},"id":"e","conversation_id":"c3","channel":"c3","x":"e"}
{"kind":"message","text":"six","customer":{"tier":"vip","id":"u2"},"id":"f","conversation_id":"c3","channel":"c3","x":"f"}
{"kind":"message","text":"seven","id":"h","conversation_id":"c3","channel":"c3","x":"h"}
{"kind":"message","id":"i","conversation_id":"c4","channel":"c4","x":"i"}
{"text":"eight","id":"j","kind":"message","conversation_id":"c4","channel":"c4","x":"j"}
{"kind":"message","text":"one","id":"a","conversation_id":"c1","x":{"y":"a"}}
{"kind":"message","text":"two","id":"b","conversation_id":"c1","x":{"y":"b"}}
{"kind":"message","text":"three","id":"c","conversation_id":"c2","x":{"y":"c"}}
{"kind":"message","\u0069d":"d","text":"four","conversation_id":"c2","x":{"y":"d"}}
{"kind":"message","text":"five","customer":{"tier":"vip"},"id":"e","conversation_id":"c3","x":{"y":"e"}}
{"kind":"message","text":"six","customer":{"tier":"vip"},"id":"f","conversation_id":"c3","x":{"y":"f"}}
{"kind":"message","text":"seven","id":"h","conversation_id":"c3","x":{"y":"h"}}
{"kind":"message","id":"i","conversation_id":"c4","x":{"y":"i"}}
{"text":"eight","id":"j","kind":"message","conversation_id":"c4","x":{"y":"j"}}
--- stderr
--- exit
0
