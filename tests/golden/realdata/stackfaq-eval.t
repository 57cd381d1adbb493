# Real data: cs-answer eval on StackFAQ (../shared), as cs-answer(1) shows
# it in RECORDS: the figures of the page are what the program prints (they
# were those of an older ranking, against the page's own EXAMPLES); the
# latency, which depends on the machine, is left out.
--- requires
../shared/data/stackfaq/faqs.ndjson
../shared/data/stackfaq/queries.ndjson
--- cmd
cs-answer build --kb stackfaq.db "$SHARED/stackfaq/faqs.ndjson" >/dev/null
cs-answer eval --kb stackfaq.db "$SHARED/stackfaq/queries.ndjson" >eval.json
sed -n '/^{"kind":"answer_eval","questions":1249/,/^\.Ed/p' "$REPO/man/cs-answer.1" | grep -v '^\.Ed' | tr -d ' \n' |
  jq -c 'del(.latency_ms)' | cmp - eval.json && echo "cs-answer(1): the same"
--- stdout
cs-answer(1): the same
--- exit
0
