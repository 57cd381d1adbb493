# Columns with the same name: the last one wins, as a notice says; the
# record holds that name once, with the last column's cell.
--- cmd
printf 'conversation_id,text,text\nc1,first,second\n' > dup.csv; cs-ingest -m dup.csv
printf 'text,conversation_id,text,x,text\nA,c1,B,y,C\n' | cs-ingest -m -f csv
--- stdout
{"kind":"message","conversation_id":"c1","text":"second","source":{"format":"csv","file":"dup.csv","line":2}}
{"kind":"message","conversation_id":"c1","x":"y","text":"C","source":{"format":"csv","file":"<stdin>","line":2}}
--- stderr
cs-ingest: dup.csv:1: column 3 repeats the name of column 2: the last one wins
cs-ingest: <stdin>:1: column 3 repeats the name of column 1: the last one wins
cs-ingest: <stdin>:1: column 5 repeats the name of column 1: the last one wins
--- exit
0
