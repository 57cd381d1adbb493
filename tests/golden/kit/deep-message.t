# One depth limit on every path: with --max-depth 1000 a message nested 600 deep
# is grouped into its conversation and exploded again (not lost); beyond the
# limit it is an error naming the place.
--- cmd
deep() { i=0; s='"x"'; while [ $i -lt $1 ]; do s="[$s]"; i=$((i+1)); done; printf '%s' "$s"; }
printf '{"kind":"message","conversation_id":"c","id":"1","v":%s}\n' "$(deep 600)" > deep.ndjson
cs-ingest --max-depth 1000 deep.ndjson > conv.ndjson
head -c 60 conv.ndjson; echo; tr -cd '[' < conv.ndjson | wc -c
cs-ingest --max-depth 1000 --messages conv.ndjson | cmp - deep.ndjson && echo "exploded: same bytes"
cs-ingest deep.ndjson; echo "exit $?"
--- stdout
{"kind":"conversation","id":"c","message_count":1,"messages"
601
exploded: same bytes
exit 1
--- stderr
cs-ingest: deep.ndjson:1:309: invalid JSON: nesting too deep (--max-depth)
--- exit
0
