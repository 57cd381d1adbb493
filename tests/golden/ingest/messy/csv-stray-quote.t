# A stray quote inside an unquoted cell: strict mode stops the file and says how
# many lines were not read; --csv-quotes lenient reads it as Python's csv does.
--- cmd
printf 'conversation_id,text\n1,He said "hi" to me\n2,"quoted, cell"\n3,"bad"x\n4,fine\n' > in.csv
cs-ingest -m -f csv - < in.csv; echo "exit $?"
cs-ingest -m --csv-quotes lenient in.csv
--- stdout
exit 1
{"kind":"message","conversation_id":"1","text":"He said \"hi\" to me","source":{"format":"csv","file":"in.csv","line":2}}
{"kind":"message","conversation_id":"2","text":"quoted, cell","source":{"format":"csv","file":"in.csv","line":3}}
{"kind":"message","conversation_id":"3","text":"badx","source":{"format":"csv","file":"in.csv","line":4}}
{"kind":"message","conversation_id":"4","text":"fine","source":{"format":"csv","file":"in.csv","line":5}}
--- stderr
cs-ingest: <stdin>:2: stray quote in unquoted field
cs-ingest: <stdin>: the 3 lines after that error are not read (--csv-quotes lenient reads a stray quote as text)
--- exit
0
