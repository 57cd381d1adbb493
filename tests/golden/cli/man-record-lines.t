# Example records the manuals show are what the programs print today: the
# stats line cs-schema(7) calls a complete example (cs-ingest on
# examples/chat.ndjson: it lacked blank, dropped, inputs_failed, stopped and
# dedup_forgotten) and cs-answer(1)'s --explain of "how do I reset my
# pasword" on examples/kb with its synonyms (its bm25 was 2.7529). A line
# that differs is printed with what the program prints.
--- cmd
same() { [ "$2" = "$3" ] && echo "$1: the same" || printf '%s\n  page:    %s\n  program: %s\n' "$1" "$2" "$3"; }
page=$(grep '^{"kind":"stats"' "$REPO/man/cs-schema.7")
prog=$(cd "$REPO/examples" && cs-ingest --stats=json chat.ndjson 2>&1 >/dev/null)
same "cs-schema(7) stats" "$page" "$prog"
cp -r "$REPO/examples/kb" kb
cs-answer build --kb kb.db --synonyms "$REPO/examples/kb-synonyms.txt" kb >/dev/null
page=$(sed -n '/^{"bm25"/,/^\.Ed/p' "$REPO/man/cs-answer.1" | grep -v '^\.Ed' | tr -d ' \n' | jq -c .)
prog=$(echo '{"question":"how do I reset my pasword"}' | cs-answer --kb kb.db -k 1 --explain | jq -c '.answer.sources[0].explain')
same "cs-answer(1) --explain" "$page" "$prog"
--- stdout
cs-schema(7) stats: the same
cs-answer(1) --explain: the same
--- stderr
--- exit
0
