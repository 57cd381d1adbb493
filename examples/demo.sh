#!/bin/sh
# The example pipeline on the bundled data: three exports from three channels
# (chat NDJSON, a WeChat export with foreign field names, a helpdesk CSV) become
# one stream of conversations, then a table a person can read. The README's
# walkthrough runs the same commands by hand (tests/check/readme.sh runs those).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${CS_BIN:-$here/../bin}
out=$(mktemp -d "${TMPDIR:-/tmp}/cs-demo.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM

echo "== 1. cs-ingest: WeChat export (MsgId, CreateTime, FromUserName...) mapped to cs messages"
"$bin/cs-ingest" --messages \
	--map 'id=MsgId,ts=CreateTime,customer.id=FromUserName,text=Content' \
	--set channel=wechat --set role=customer --stats \
	"$here/wechat.ndjson" >"$out/wechat.ndjson"
cat "$out/wechat.ndjson"

echo
echo "== 2. cs-ingest: helpdesk CSV (quoted newlines, local times in Asia/Shanghai)"
"$bin/cs-ingest" --format csv --messages --tz Asia/Shanghai \
	--map 'conversation_id=Ticket ID,ts=Created,customer.id=Requester,customer.email=Requester Email,channel=Via,role=Author Role,text=Body' \
	"$here/helpdesk.csv" >"$out/helpdesk.ndjson"
cat "$out/helpdesk.ndjson"

echo
echo "== 3. cs-ingest: all channels grouped into conversations (30-minute gap), zstd on the way"
cat "$here/chat.ndjson" "$out/wechat.ndjson" "$out/helpdesk.ndjson" | zstd -q |
	"$bin/cs-ingest" --stats -o "$out/conversations.ndjson" -

echo
echo "== 4. the result: one line per conversation"
if command -v jq >/dev/null 2>&1; then
	printf '%-20s %-8s %-22s %-17s %5s  %s\n' conversation channel customer started msgs "first words"
	jq -r 'select(.kind == "conversation") |
		[.id, .channel, .customer.id, (.started // "" | .[0:16]), (.message_count | tostring),
		 (.messages[0].text | gsub("\n"; " ") | .[0:40])] | @tsv' "$out/conversations.ndjson" |
	while IFS="$(printf '\t')" read -r id ch cust started n text; do
		printf '%-20s %-8s %-22s %-17s %5s  %s\n' "$id" "$ch" "$cust" "$started" "$n" "$text"
	done
	echo
	echo "other records passed through untouched:"
	jq -c 'select(.kind != "conversation")' "$out/conversations.ndjson"
else
	cat "$out/conversations.ndjson"
fi
