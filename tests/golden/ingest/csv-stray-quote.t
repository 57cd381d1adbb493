# A stray quote inside an unquoted field is a syntax error with its line.
--- cmd
cs-ingest -f csv --messages --map conversation_id=a -
--- stdin
a,b
1,x"y
--- stdout
--- stderr
cs-ingest: <stdin>:2: stray quote in unquoted field
--- exit
1
