# The programs that read records read NDJSON only: a first line that is not
# JSON is a bad record (file:line), the lines after it are read, status 1; it
# is not a reason to drop the file with a hint naming cs-ingest and a --format
# these programs lack, nor to read the file as CSV when that line has a comma.
# cs-answer build reads the formats its page lists, and a .ndjson source whose
# first line is broken is NDJSON still; an input none of its formats reads
# names the program, and no --format, and is an input lost: status 4, as a
# missing file is.
--- cmd
printf '%s\n' 'oops not json' '{"text":"I love it"}' '{"text":"terrible service"}' > g.ndjson
printf '%s\n' 'truncated, line' '{"question":"how long does delivery take"}' > g3.ndjson
cs-qa -s --skip-bad --stats g.ndjson; echo "exit $?"
cs-route --field question --skip-bad g3.ndjson > routed.ndjson; echo "exit $?"
jq -c '[.question, .route.queue]' routed.ndjson
printf '%s\n' 'oops, not json' '{"id":"ship","question":"How long does delivery take?","answer":"Three days."}' > kb.ndjson
printf '<html><body>hi</body></html>\n' > page.html
cs-answer build --kb kb.db --skip-bad kb.ndjson page.html; echo "exit $?"
cs-answer --kb kb.db --skip-bad g3.ndjson > answered.ndjson; echo "exit $?"
jq -c '[.question, .answer.text]' answered.ndjson
cs-qa missing.ndjson; echo "exit $?"
--- stdout
{"text":"I love it","qa":{"sentiment":{"compound":0.6369,"label":"positive","emotions":[]}}}
{"text":"terrible service","qa":{"sentiment":{"compound":-0.4767,"label":"negative","emotions":[]}}}
exit 1
exit 1
["how long does delivery take","general"]
{"kind":"kb_build","kb":"kb.db","entries":1,"added":1,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":71}
exit 4
exit 1
["how long does delivery take","Three days."]
exit 4
--- stderr
cs-qa: g.ndjson:1: not a JSON object
cs-qa: 1 bad record left out
cs-qa: stats: read 3, written 2, blank 0, rejected 1, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 0, messages_scored 0, texts 2, passed_through 0, auto_failed 0, alerts 0, alerts_replaced 0, regex_limit_hits 0
cs-route: g3.ndjson:1: not a JSON object
cs-route: 1 bad record left out
cs-answer build: kb.ndjson:1: not a JSON object
cs-answer build: page.html: not a format cs-answer build reads: it looks like XML or HTML of a kind cs-answer build does not know
cs-answer build: 1 input could not be read to the end
cs-answer build: 1 bad record left out
cs-answer: g3.ndjson:1: not a JSON object
cs-answer: 1 bad record left out
cs-qa: missing.ndjson: No such file or directory
cs-qa: 1 input could not be read to the end
--- exit
0
