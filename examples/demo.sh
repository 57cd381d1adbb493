#!/bin/sh
# The example pipeline on the bundled data: raw exports from six channels
# (app chat NDJSON, WeChat pushes, a helpdesk CSV, Zendesk tickets, a mail
# archive, a call transcript) become one stream of conversations, then a table
# a person can read; cs-qa then inspects every conversation (scorecard with
# evidence, sentiment, alerts), cs-route routes each one (a model learnt from
# the shop's labelled requests, a policy, agents, state in SQLite), cs-answer
# answers from a knowledge base, and cs-ticket keeps a ticket for each, with
# its SLA on business hours and the alerts of the day; cs-signals finds the
# silent customers, cs-roi writes the KPIs, the business case and the nightly
# report; last, the same day split by customer into four parts (examples/scale)
# merges into what one run gives. The README's
# walkthrough runs the same commands by hand (tests/check/readme.sh runs
# those).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${CS_BIN:-$here/../bin}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$here"   # the records name their files as given: examples/... relative names
out=$(mktemp -d "${TMPDIR:-/tmp}/cs-demo.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM

echo "== 1. cs-ingest: WeChat pushes (XML, 19-digit MsgIds, one retried by WeChat)"
"$bin/cs-ingest" --messages --stats wechat.xml >"$out/wechat.ndjson"
cat "$out/wechat.ndjson"

echo
echo "== 2. cs-ingest: a helpdesk CSV read with a mapping file (local times in Asia/Shanghai)"
"$bin/cs-ingest" --messages --mapping helpdesk-mapping.json helpdesk.csv >"$out/helpdesk.ndjson"
cat "$out/helpdesk.ndjson"

echo
echo "== 3. cs-ingest: every channel into conversations, each file read as its content shows"
zstd -q -f "$out/wechat.ndjson" -o "$out/wechat.ndjson.zst"
"$bin/cs-ingest" --stats -g 2h -o "$out/conversations.ndjson" chat.ndjson "$out/wechat.ndjson.zst" \
	"$out/helpdesk.ndjson" zendesk.json support.mbox --call-start 2026-03-02T10:30:00+08:00 call-1042.vtt

echo
echo "== 4. the result: one line per conversation"
if command -v jq >/dev/null 2>&1; then
	printf '%-26s %-7s %-24s %-17s %4s  %s\n' conversation channel customer started msgs "first words"
	jq -r 'select(.kind == "conversation") |
		[.id[0:26], .channel, (.customer.id // .customer.email // "-")[0:24], (.started // "-" | .[0:16]),
		 (.message_count | tostring), (.messages[0].text | gsub("\n"; " ") | .[0:34])] | @tsv' \
		"$out/conversations.ndjson" |
	while IFS="$(printf '\t')" read -r id ch cust started n text; do
		printf '%-26s %-7s %-24s %-17s %4s  %s\n' "$id" "$ch" "$cust" "$started" "$n" "$text"
	done
	echo
	echo "other records passed through untouched:"
	jq -c 'select(.kind != "conversation")' "$out/conversations.ndjson"
else
	cat "$out/conversations.ndjson"
fi

echo
echo "== 5. cs-qa: every conversation scored with the default scorecard, sentiment, alerts"
"$bin/cs-qa" --stats -o "$out/scored.ndjson" "$out/conversations.ndjson"
if command -v jq >/dev/null 2>&1; then
	printf '%-26s %-7s %5s %5s %-10s %s\n' conversation channel score compl customer "items failed"
	jq -r 'select(.kind == "conversation") |
		[.id[0:26], .channel, (.qa.score // "-" | tostring), (.qa.compliance // "-" | tostring),
		 (.qa.sentiment.customer.trajectory // "-"),
		 ([.qa.items[] | select(.passed == false) | .id] | join(",") | if . == "" then "-" else . end)] | @tsv' \
		"$out/scored.ndjson" |
	while IFS="$(printf '\t')" read -r id ch score comp traj failed; do
		printf '%-26s %-7s %5s %5s %-10s %s\n' "$id" "$ch" "$score" "$comp" "$traj" "$failed"
	done
	echo
	echo "why the first conversation scored 0 (an auto-fail item, with its evidence):"
	jq -c 'select(.kind == "conversation") | .qa.items[] | select(.auto_fail) | {id, evidence}' "$out/scored.ndjson" | head -1
	echo
	echo "alerts, one record each, for a nightly job to page someone:"
	jq -c 'select(.kind == "alert") | [.severity, .type, .conversation_id, .evidence[0].text]' "$out/scored.ndjson"
else
	cat "$out/scored.ndjson"
fi

echo
echo "== 6. cs-route: intents, bot or human, queues and agents, each decision explained"
"$bin/cs-route" train -o "$out/shop.model" intents.csv
"$bin/cs-route" -m "$out/shop.model" -p route-policy.json --agents agents.ndjson --state "$out/routing.db" \
	--stats -o "$out/routed.ndjson" "$out/scored.ndjson"
if command -v jq >/dev/null 2>&1; then
	printf '%-26s %-12s %5s %-5s %-8s %-9s %s\n' conversation intent conf tier queue agent status
	jq -r 'select(.kind == "conversation" and .route) | [.id[0:26], .route.intent, (.route.confidence * 100 | round | tostring),
		.route.tier, .route.queue, (.route.agent // "-"), .route.status] | @tsv' "$out/routed.ndjson" |
	while IFS="$(printf '\t')" read -r id intent conf tier queue agent status; do
		printf '%-26s %-12s %4s%% %-5s %-8s %-9s %s\n' "$id" "$intent" "$conf" "$tier" "$queue" "$agent" "$status"
	done
	echo
	echo "why the VIP who wrote 转人工 went where it did:"
	jq -r 'select(.route.human_requested) | .route.reasons[] | "  " + .' "$out/routed.ndjson"
else
	cat "$out/routed.ndjson"
fi

echo
echo "== 7. cs-answer: a knowledge base from Markdown and an FAQ table; cited answers or a hand-off"
rm -f "$out/kb.db" "$out/kb.db-wal" "$out/kb.db-shm"
"$bin/cs-answer" build --kb "$out/kb.db" --synonyms kb-synonyms.txt kb >"$out/kb-build.json"
sed 's/"kb":"[^"]*",//' "$out/kb-build.json"
"$bin/cs-answer" --kb "$out/kb.db" --today 2026-03-02 -k 3 -o "$out/answered.ndjson" "$out/routed.ndjson"
if command -v jq >/dev/null 2>&1; then
	printf '%-26s %5s %-32s %s\n' conversation conf source "question (the latest customer message)"
	jq -r 'select(.answer) | [.id[0:26], (.answer.confidence * 100 | round | tostring),
		(if .answer.handoff then "hand-off: " + .answer.reason else .answer.sources[0].id end),
		(.answer.question | gsub("\n"; " ") | .[0:40])] | @tsv' "$out/answered.ndjson" |
	while IFS="$(printf '\t')" read -r id conf src q; do
		printf '%-26s %4s%% %-32s %s\n' "$id" "$conf" "$src" "$q"
	done
else
	cat "$out/answered.ndjson"
fi

echo
echo "== 8. cs-ticket: a ticket for every conversation, its SLA on Shanghai business hours at noon"
"$bin/cs-ticket" --db "$out/tickets.db" --policy sla-policy.json --now 2026-03-02T12:00:00+08:00 \
	--stats -o "$out/ticketed.ndjson" "$out/answered.ndjson"
for now in 15:30 17:30; do   # the SLA check, as cron runs it every few minutes
	"$bin/cs-ticket" sla --db "$out/tickets.db" --policy sla-policy.json \
		--now "2026-03-02T$now:00+08:00" >>"$out/alerts.ndjson"
done
if command -v jq >/dev/null 2>&1; then
	printf '%-26s %-15s %-7s %-8s %-9s %-9s %s\n' conversation ticket status group assignee "1st reply" "resolution due"
	jq -r 'select(.ticket) | [.id[0:26], .ticket.id, .ticket.status, (.ticket.group // "-"), (.ticket.assignee // "-")[0:9],
		(.ticket.sla.first_response.state // "-"), (.ticket.sla.resolution.due // "-")] | @tsv' "$out/ticketed.ndjson" |
	while IFS="$(printf '\t')" read -r id ticket status group agent first due; do
		printf '%-26s %-15s %-7s %-8s %-9s %-9s %s\n' "$id" "$ticket" "$status" "$group" "$agent" "$first" "$due"
	done
	echo
	echo "the SLA check at 15:30 and 17:30: each warning and breach raised once, for the nightly report:"
	jq -r '[.ts, .severity, .ticket, .metric, "\(.elapsed_s)s of \(.target_s)s"] | @tsv' "$out/alerts.ndjson" |
	while IFS="$(printf '\t')" read -r ts severity ticket metric used; do
		printf '%-20s %-8s %-15s %-14s %s\n' "$ts" "$severity" "$ticket" "$metric" "$used"
	done
else
	cat "$out/ticketed.ndjson" "$out/alerts.ndjson"
fi

echo
echo "== 9. cs-signals: the silent customers, from the app's clickstream and the conversations"
cat events.ndjson "$out/ticketed.ndjson" "$out/alerts.ndjson" |
	"$bin/cs-signals" --state "$out/signals.db" --stats -o "$out/signals.ndjson"
"$bin/cs-signals" journey -o "$out/journeys.ndjson" events.ndjson "$out/ticketed.ndjson" "$out/alerts.ndjson"
if command -v jq >/dev/null 2>&1; then
	printf '%-22s %-12s %-20s %s\n' "when" customer signal evidence
	jq -r 'select(.kind == "signal") | [.ts[0:19], (.customer.id // .device // "-")[0:12], .type,
		([.evidence[] | .id // .kind] | join(" "))] | @tsv' "$out/signals.ndjson" |
	while IFS="$(printf '\t')" read -r ts who type evidence; do
		printf '%-22s %-12s %-20s %s\n' "$ts" "$who" "$type" "$evidence"
	done
	echo
	echo "alerts for the team, at most one per customer and type a week (--state keeps the cooldowns):"
	jq -r 'select(.kind == "alert" and .source == "cs-signals") | [.type, .customer.id, .reason, .action] | @tsv' \
		"$out/signals.ndjson" |
	while IFS="$(printf '\t')" read -r type who reason action; do
		printf '%-28s %-8s %s\n%-37s -> %s\n' "$type" "$who" "$reason" "" "$action"
	done
	echo
	echo "churn risk, highest first (cs-signals journey; a red customer raises signals.churn_risk):"
	jq -r 'select(.kind == "journey") | [.risk.score, .risk.band, .customer.id, (.risk.reasons[0].text // "-")] | @tsv' \
		"$out/journeys.ndjson" | sort -t "$(printf '\t')" -k1,1nr |
	while IFS="$(printf '\t')" read -r score band who reason; do
		printf '%3s %-6s %-20s %s\n' "$score" "$band" "$who" "$reason"
	done
	echo
	echo "one customer's journey, step by step:"
	jq -r 'select(.kind == "journey" and .customer.id == "cust-42") | .steps[] | [.ts[0:19], .step, (.type // .id // .session)] | @tsv' \
		"$out/journeys.ndjson"
else
	cat "$out/signals.ndjson" "$out/journeys.ndjson"
fi

echo
echo "== 10. cs-roi: the day's KPIs by channel, every formula in cs-roi(1)"
"$bin/cs-roi" kpi --by channel --tz Asia/Shanghai --cost-per-hour 40 -o "$out/kpi.ndjson" "$out/signals.ndjson"
if command -v jq >/dev/null 2>&1; then
	printf '%-10s %-8s %8s %6s %8s %8s %6s %6s\n' day channel contacts fcr aht_s asa_s csat sla
	jq -r '[.id[4:14], .group.channel, .counts.contacts, (.kpi.fcr // "-"), (.kpi.aht_s // "-"), (.kpi.asa_s // "-"),
		(.kpi.csat // "-"), (.kpi.sla_attainment // "-")] | @tsv' "$out/kpi.ndjson" |
	while IFS="$(printf '\t')" read -r day channel n fcr aht asa csat sla; do
		printf '%-10s %-8s %8s %6s %8s %8s %6s %6s\n' "$day" "$channel" "$n" "$fcr" "$aht" "$asa" "$csat" "$sla"
	done
else
	cat "$out/kpi.ndjson"
fi

echo
echo "== 11. cs-roi model: the business case of the brief's e-commerce shop (examples/roi), every figure with its formula"
"$bin/cs-roi" model roi/ecommerce.json >"$out/roi.json"
"$bin/cs-roi" model --format md roi/ecommerce.json | sed -n '/^| Figure/,/^$/p'

echo
echo "== 12. cs-roi report: the nightly report, one self-contained HTML page (and Markdown for the chat)"
"$bin/cs-roi" kpi --window 1h --tz Asia/Shanghai "$out/signals.ndjson" | "$bin/cs-roi" staff --json >"$out/staffing.ndjson"
cat "$out/kpi.ndjson" "$out/roi.json" "$out/staffing.ndjson" "$out/alerts.ndjson" "$out/signals.ndjson" |
	"$bin/cs-roi" report --title "Customer service, 2 March 2026" -o "$out/report.html"
"$bin/cs-roi" report --format md "$out/kpi.ndjson" "$out/roi.json" | sed -n '1,/^## KPI trends/p' 
printf '\n(report.html: %s bytes, no scripts, charts with text alternatives)\n' "$(wc -c < "$out/report.html" | tr -d ' ')"

echo
echo "== 13. scaling out: the day split by customer into 4 parts, each run on its own (GNU parallel or a"
echo "      Slurm array on a cluster), merged: the same records, KPIs, stats and report as one run"
CS_BIN=$bin sh scale/prepare.sh "$out/scale" 4 2>/dev/null
for k in 1 2 3 4; do
	printf 'part %s: %3s records\n' "$k" "$(wc -l <"$out/scale/parts/part-$k.ndjson" | tr -d ' ')"
	CS_BIN=$bin sh scale/part.sh "$out/scale" "$out/scale/parts/part-$k.ndjson" "$out/scale/out/$k" 2>/dev/null
done
CS_BIN=$bin sh scale/merge.sh "$out/scale/result" "$out/scale/out/1" "$out/scale/out/2" "$out/scale/out/3" \
	"$out/scale/out/4" 2>/dev/null
CS_BIN=$bin sh scale/prepare.sh "$out/one" 1 2>/dev/null
CS_BIN=$bin sh scale/part.sh "$out/one" "$out/one/parts/part-1.ndjson" "$out/one/out/1" 2>/dev/null
CS_BIN=$bin sh scale/merge.sh "$out/one/result" "$out/one/out/1" 2>/dev/null
for f in final.ndjson journeys.ndjson kpi.ndjson staffing.ndjson mined.ndjson trust.ndjson stats.ndjson report.html; do
	if cmp -s "$out/scale/result/$f" "$out/one/result/$f"; then
		printf '%-16s the same as one run (%s bytes)\n' "$f" "$(wc -c <"$out/one/result/$f" | tr -d ' ')"
	else
		printf '%-16s DIFFERS from one run\n' "$f"
	fi
done
