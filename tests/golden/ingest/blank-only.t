# An input of nothing but blank or white-space-only lines is not an
# unknown format: no output, the lines counted as blank, exit 0, as for an
# empty input; and on a pipe whose first line is blank, the format is told
# from the first line that is not.
--- cmd
printf '\n' | cs-ingest --stats; echo "exit $?"
printf ' \t\n\n  \r\n' > blank.txt; cs-ingest --stats blank.txt; echo "exit $?"
(printf '\n'; sleep 0.3; printf 'conversation_id,text\nc1,hi\n') | cs-ingest -m; echo "exit $?"
--- stdout
exit 0
exit 0
{"kind":"message","conversation_id":"c1","text":"hi","source":{"format":"csv","file":"<stdin>","line":3}}
exit 0
--- stderr
cs-ingest: stats: read 0, written 0, blank 1, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 0, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
cs-ingest: stats: read 0, written 0, blank 3, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 0, conversations 0, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0
--- exit
0
