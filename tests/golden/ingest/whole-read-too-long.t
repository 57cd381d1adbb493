# A format read whole holds its input in memory, up to --max-record: a
# longer file is not read, counted as an input lost (status 4, as for a
# file that cannot be opened), and the run goes on with the next input.
--- cmd
printf '{"conversation_id":"a","id":"1"}\n' > ok.ndjson
cs-ingest -m -f wechat-xml --max-record 10 "$REPO/examples/wechat.xml" 2>err; echo "exit $?"; sed "s|$REPO/||" err
cs-ingest -m --max-record 100 "$REPO/examples/zendesk.json" ok.ndjson 2>err; echo "exit $?"; sed "s|$REPO/||" err
--- stdout
exit 4
cs-ingest: examples/wechat.xml: longer than 10 bytes, and this format reads it whole: raise --max-record
cs-ingest: 1 input could not be read to the end
{"kind":"message","conversation_id":"a","id":"1"}
exit 4
cs-ingest: examples/zendesk.json: longer than 100 bytes, and this format reads it whole: raise --max-record
cs-ingest: 1 input could not be read to the end
--- stderr
--- exit
0
