# --map renames foreign fields into nested paths, converts ts and big integer ids exactly; it moves them (the sources go) unless --keep-mapped.
--- cmd
cs-ingest --messages --keep-mapped --map 'id=MsgId,ts=CreateTime,customer.id=user.open_id,text=Content' --set channel=wechat -; cs-ingest --messages --map 'id=MsgId,ts=CreateTime,customer.id=user.open_id,text=Content' -
--- stdin
{"MsgId":7262094405921456001,"CreateTime":1772419200,"user":{"open_id":"oX1","nick":"n"},"Content":"退款"}
--- stdout
{"kind":"message","MsgId":7262094405921456001,"CreateTime":1772419200,"user":{"open_id":"oX1","nick":"n"},"Content":"退款","id":"7262094405921456001","ts":"2026-03-02T02:40:00Z","customer":{"id":"oX1"},"text":"退款","channel":"wechat","conversation_id":"c-d85460adce1ceea3"}
--- stderr
--- exit
0
