# --select and --where behave the same on CSV rows, after the mapping, and a
# jq-only expression (run in the sandboxed worker) decides the same as a native one.
--- cmd
printf 'Ticket,Body\nT1,hello there\nT2,hi\n' > in.csv
cs-ingest -f csv --messages --map 'conversation_id=Ticket,text=Body' --select '.text | length > 3' --stats in.csv
cs-ingest -f csv --messages --map 'conversation_id=Ticket,text=Body' --select '.text | ltrimstr("x") | length > 3' in.csv
--- stdout
{"kind":"message","source":{"format":"csv","file":"in.csv","line":2},"conversation_id":"T1","text":"hello there"}
{"kind":"message","source":{"format":"csv","file":"in.csv","line":2},"conversation_id":"T1","text":"hello there"}
--- stderr
cs-ingest: stats: read 2, written 1, blank 0, rejected 0, skipped 0, dropped 1, replaced 0, inputs_failed 0, stopped 0, messages 1, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
0
