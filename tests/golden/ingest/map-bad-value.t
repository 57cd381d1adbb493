# A value that does not convert is a bad record naming the target field.
--- cmd
cs-ingest --messages --map 'score=s:number' -
--- stdin
{"conversation_id":"c","s":"high"}
--- stdout
--- stderr
cs-ingest: <stdin>:1: --map score: 'high' is not a number
--- exit
1
