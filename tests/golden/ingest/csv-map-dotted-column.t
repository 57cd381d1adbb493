# -M reads a CSV column whose name holds a dot by its name as written
# ("For CSV, from is the column header as written: dots are not path
# separators there"), moves it like any other, and says when no column has
# that name. customer.id=Requester.Email looked for a column "Requester"
# holding an object, so the message had no customer.id, the column stayed
# and nothing was said. A dotted NDJSON source is still a path. The rows
# are read on the reading thread, 3000 of them, and from a pipe.
--- cmd
printf 'Ticket,Requester,Requester.Email,Body\nT1,Ann,a@x.com,hello\n' > d.csv
cs-ingest -m -M 'conversation_id=Ticket,customer.id=Requester.Email,customer.name=Requester,text=Body,x=No.Such' d.csv
cs-ingest -m --keep-mapped -M 'conversation_id=Ticket,customer.id=Requester.Email' d.csv
cat d.csv | cs-ingest -m -f csv -M 'conversation_id=Ticket,customer.id=Requester.Email'
{ echo 'Ticket,Requester.Email'; i=0; while [ $i -lt 3000 ]; do i=$((i+1)); echo "T$i,u$i@x.com"; done; } > big.csv
cs-ingest -m -M 'conversation_id=Ticket,customer.id=Requester.Email' big.csv | grep -c '"customer":{"id":"u[0-9]*@x.com"}}$'
echo '{"conversation_id":"a","user":{"uid":"u","nick":"n"}}' | cs-ingest -m -M 'customer.id=user.uid'
--- stdout
{"kind":"message","source":{"format":"csv","file":"d.csv","line":2},"conversation_id":"T1","customer":{"id":"a@x.com","name":"Ann"},"text":"hello"}
{"kind":"message","Ticket":"T1","Requester":"Ann","Requester.Email":"a@x.com","Body":"hello","source":{"format":"csv","file":"d.csv","line":2},"conversation_id":"T1","customer":{"id":"a@x.com"}}
{"kind":"message","Requester":"Ann","Body":"hello","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"T1","customer":{"id":"a@x.com"}}
3000
{"kind":"message","conversation_id":"a","user":{"nick":"n"},"customer":{"id":"u"}}
--- stderr
cs-ingest: d.csv:1: --map x: no column named 'No.Such'
--- exit
0
