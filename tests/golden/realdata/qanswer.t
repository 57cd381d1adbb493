# Real data: the out-of-scope hand-offs cs-answer(1) CONFIDENCE AND
# HAND-OFF and README quote are what a StackFAQ knowledge base does with
# CLINC150's 100 out-of-scope validation questions, new (cold start) and
# once split A's right answers are voted helpful, as bench/answer-eval.sh
# measures them (the page gave the second figure alone, as if new).
--- requires
../shared/data/stackfaq/faqs.ndjson
../shared/data/stackfaq/queries.ndjson
../shared/data/clinc150/val.ndjson
--- cmd
handed_off() {
  jq -c 'select(.label == "oos") | {question: .text}' "$SHARED/clinc150/val.ndjson" | cs-answer -q --kb sf.db |
    jq -s 'map(select(.answer.handoff)) | length'
}
cs-answer build -q --kb sf.db "$SHARED/stackfaq/faqs.ndjson" >/dev/null
cold=$(handed_off)
jq -c 'select((.query_id | split(".")[1] | tonumber) % 2 == 0) | {question: .query, id: .faq_id, helpful: true}' \
  "$SHARED/stackfaq/queries.ndjson" | cs-answer feedback -q --kb sf.db >/dev/null
fed=$(handed_off)
echo "cold start $cold, after feedback $fed"
page=$(sed -n '/^\.Sh CONFIDENCE AND HAND-OFF/,/^\.Sh /p' "$REPO/man/cs-answer.1" | tr '\n' ' ' |
  grep -o 'hands off [0-9]* of the 100 out-of-scope questions[^.]*, and [0-9]* once' | tr -cs '0-9' ' ')
[ "$page" = " $cold 100 150 $fed " ] && echo "cs-answer(1): the same" || echo "cs-answer(1): $page"
grep -F "| out-of-scope questions (CLINC150 validation \`oos\`) handed off: cold start / after feedback | $cold / $fed of 100 |" \
  "$REPO/README.md" >/dev/null && echo "README: the same"
--- stdout
cold start 74, after feedback 78
cs-answer(1): the same
README: the same
--- exit
0
