# Errors name the file, the line and the reason, with the suite's exit codes:
# usage 2, bad data 1, a file that is not a knowledge base 3 (a missing
# synonyms file too, found before any store is made), I/O 4. An id given
# twice names where it was first given, in another file too (two.csv:3 is
# the second q1, first at one.csv:2, not at two.csv's line 2). An id that
# holds U+0000 is a bad record, in build, feedback and eval: ids are kept as
# C strings, which end there, so a build took "q1\u0000x" for q1 and
# replaced q1's text, a vote for it went to q1 and eval counted q1 a hit.
--- cmd
cs-answer -k 1 </dev/null; echo "exit $?"
cs-answer --kb missing.db </dev/null; echo "exit $?"
echo 'hello' > not.db
cs-answer --kb not.db </dev/null; echo "exit $?"
cs-answer build --kb kb.db; echo "exit $?"
printf 'id,question,answer\nq1,Where is my order?,Track it in Orders.\nq1,Where is it?,Same id.\n' > dup.csv
cs-answer build --kb kb.db dup.csv; echo "exit $?"
cs-answer build --kb kb.db --skip-bad dup.csv; echo "exit $?"
printf 'id,question,answer\nq1,Where is my order?,Track it in Orders.\n' > one.csv
printf 'id,question,answer\nq9,How do I pay?,By card.\nq1,Where is it?,Same id.\n' > two.csv
cs-answer build --kb two.db one.csv two.csv; echo "exit $?"
printf 'app, 客户端\nlonely\n' > syn.txt
cs-answer build --kb kb.db --synonyms syn.txt dup.csv; echo "exit $?"
cs-answer build --kb new.db --synonyms no-such-synonyms.txt dup.csv; echo "exit $?"
ls new.db* 2>/dev/null | wc -l
printf '%s\n' '{"id":"q1\u0000x","question":"How do I pay?","answer":"By card."}' > nul.ndjson
cs-answer build --kb kb.db nul.ndjson; echo "exit $?"
echo '{"question":"Where is my order?","id":"q1\u0000x","helpful":true}' | cs-answer feedback --kb kb.db; echo "exit $?"
echo '{"question":"Where is my order?","faq_id":"q1\u0000x"}' | cs-answer eval --kb kb.db; echo "exit $?"
cs-answer --kb kb.db --today 2026-13 </dev/null; echo "exit $?"
cs-answer review --kb kb.db extra; echo "exit $?"
--- stdout
exit 2
exit 4
exit 3
exit 2
exit 1
{"kind":"kb_build","kb":"kb.db","entries":1,"added":1,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":59}
exit 1
exit 1
exit 3
exit 3
0
exit 1
exit 1
exit 1
exit 2
exit 2
--- stderr
cs-answer: --kb FILE is required
Try 'cs-answer --help' for more information.
cs-answer: missing.db: No such file or directory
cs-answer: not.db: not a cs-answer knowledge base (build one with cs-answer build)
cs-answer build: no sources: give files or directories (- for standard input)
Try 'cs-answer build --help' for more information.
cs-answer build: dup.csv:3: the id 'q1' is given twice (first at dup.csv:2)
cs-answer build: dup.csv:3: the id 'q1' is given twice (first at dup.csv:2)
cs-answer build: 1 bad record left out
cs-answer build: two.csv:3: the id 'q1' is given twice (first at one.csv:2)
cs-answer build: syn.txt:2: a synonym group needs two phrases or more, separated by commas
cs-answer build: no-such-synonyms.txt: No such file or directory
cs-answer build: nul.ndjson:1: "id" holds U+0000, which no id may
cs-answer feedback: <stdin>:1: "id" holds U+0000, which no id may
cs-answer eval: <stdin>:1: "faq_id" holds U+0000, which no id may
cs-answer: --today: '2026-13' is not a date (YYYY-MM-DD)
Try 'cs-answer --help' for more information.
cs-answer review: review reads no files: 'extra'
Try 'cs-answer review --help' for more information.
--- exit
0
