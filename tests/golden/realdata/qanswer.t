# Real data: the hand-offs cs-answer(1) CONFIDENCE AND HAND-OFF and README
# quote are what a StackFAQ knowledge base does with CLINC150's validation
# questions, none of which it answers (the 100 out of scope, the 3,000 in
# scope), new (cold start) and once split A's right answers are voted
# helpful, as bench/answer-eval.sh measures them. The page gave the second
# out-of-scope figure alone, as if new; and before the confidence counted
# the question's words, it answered 749 of the 3,000 (2,251 handed off).
--- requires
../shared/data/stackfaq/faqs.ndjson
../shared/data/stackfaq/queries.ndjson
../shared/data/clinc150/val.ndjson
--- cmd
handed_off() {
  jq -c '{question: .text, oos: (.label == "oos")}' "$SHARED/clinc150/val.ndjson" | cs-answer -q --kb sf.db |
    jq -rs 'def off(o): map(select(.oos == o and .answer.handoff)) | length; "\(off(true)) \(off(false))"'
}
cs-answer build -q --kb sf.db "$SHARED/stackfaq/faqs.ndjson" >/dev/null
set -- $(handed_off)
jq -c 'select((.query_id | split(".")[1] | tonumber) % 2 == 0) | {question: .query, id: .faq_id, helpful: true}' \
  "$SHARED/stackfaq/queries.ndjson" | cs-answer feedback -q --kb sf.db >/dev/null
set -- "$@" $(handed_off)
echo "out of scope: cold start $1, after feedback $3; in scope: cold start $2, after feedback $4"
comma() { echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }
page=$(sed -n '/^\.Sh CONFIDENCE AND HAND-OFF/,/^\.Sh /p' "$REPO/man/cs-answer.1" | tr '\n' ' ')
echo "$page" | grep -qF "hands off $1 of the 100 out-of-scope questions of CLINC150's validation set, and $3 once" &&
  echo "$page" | grep -qF "$(comma "$2") of its 3,000 questions in scope" &&
  echo "$page" | grep -qF "and $(comma "$4") after the feedback" && echo "cs-answer(1): the same"
grep -qF "| out-of-scope questions (CLINC150 validation \`oos\`) handed off: cold start / after feedback | $1 / $3 of 100 |" "$REPO/README.md" &&
  grep -qF "handed off: cold start / after feedback | $(comma "$2") / $(comma "$4") of 3,000 |" "$REPO/README.md" && echo "README: the same"
--- stdout
out of scope: cold start 98, after feedback 96; in scope: cold start 2852, after feedback 2736
cs-answer(1): the same
README: the same
--- exit
0
