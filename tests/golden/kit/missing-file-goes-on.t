# A missing input is reported and the run goes on with the next file, as cat
# does; conversations still open are written and -o is committed; exit 4.
--- cmd
printf '{"kind":"message","conversation_id":"c","id":"1","text":"a"}\n' > one.ndjson
printf '{"kind":"message","conversation_id":"c","id":"2","text":"b"}\n' > two.ndjson
cs-ingest -o out.ndjson one.ndjson missing.ndjson two.ndjson; echo "exit $?"
jq -c '[.id, .message_count]' out.ndjson
--- stdout
exit 4
["c",2]
--- stderr
cs-ingest: missing.ndjson: No such file or directory
cs-ingest: 1 input could not be read to the end
