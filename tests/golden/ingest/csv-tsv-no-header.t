# TSV without a header: --map takes column numbers; an empty cell is an absent field.
--- cmd
printf 'c1\t\tfirst\nc1\tagent\tsecond\n' | cs-ingest -f csv -d tab --no-header --messages --map 'conversation_id=1,role=2,text=3' -
--- stdout
{"kind":"message","source":{"format":"csv","file":"<stdin>","line":1},"conversation_id":"c1","text":"first"}
{"kind":"message","source":{"format":"csv","file":"<stdin>","line":2},"conversation_id":"c1","role":"agent","text":"second"}
--- stderr
--- exit
0
