#!/bin/sh
# prepare.sh WORK [N [EXPORT...]]: what every part of the nightly job
# shares, made once: the intent model and the knowledge base in WORK, and
# the exports (by default the bundled ones: chat, WeChat, a helpdesk CSV,
# Zendesk, mail, a call, the app's clickstream) split by customer into N
# parts (default 4), WORK/parts/part-1.ndjson ... part-N.ndjson, in one pass
# (cs-ingest --split). A customer's conversations and events are in one part.
set -eu
work=${1:?usage: prepare.sh WORK [N [EXPORT...]]}
n=${2:-4}
shift $(($# < 2 ? $# : 2))
here=$(cd "$(dirname "$0")" && pwd -P)
bin=${CS_BIN:-$here/../../bin}   # the build beside the examples, else cs on PATH
[ -x "$bin/cs-ingest" ] || bin=$(dirname "$(command -v cs-ingest || echo ./cs-ingest)")
ex=$here/..
mkdir -p "$work/parts"
work=$(cd "$work" && pwd)   # the split below runs in examples/
rm -f "$work/kb.db" "$work/kb.db-wal" "$work/kb.db-shm"
(   # in examples/: the answers cite kb/... the same wherever the job runs
	cd "$ex"
	"$bin/cs-route" train -o "$work/shop.model" intents.csv
	"$bin/cs-answer" build --kb "$work/kb.db" --synonyms kb-synonyms.txt kb >/dev/null
)
rm -f "$work/split-stats.ndjson"
if [ $# -gt 0 ]; then
	exec "$bin/cs-ingest" --split "$n" -o "$work/parts/part-%d.ndjson" --stats=json \
		--stats-file "$work/split-stats.ndjson" "$@"
fi
cd "$ex"   # the records name their files as given: relative names, the same on every host
"$bin/cs-ingest" --messages --mapping helpdesk-mapping.json -o "$work/helpdesk.ndjson" helpdesk.csv
"$bin/cs-ingest" --split "$n" -g 2h -o "$work/parts/part-%d.ndjson" --stats=json --stats-file "$work/split-stats.ndjson" \
	chat.ndjson wechat.xml "$work/helpdesk.ndjson" zendesk.json support.mbox --call-start 2026-03-02T10:30:00+08:00 \
	call-1042.vtt events.ndjson
