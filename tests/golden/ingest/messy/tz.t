# --tz takes IANA names and fixed offsets; an abbreviation is refused with the
# names it could mean.
--- cmd
echo '{"id":"1","conversation_id":"c","ts":"2026-03-01 09:00"}' | cs-ingest -m -M ts=ts --tz +08:00 -
echo '{"id":"1","conversation_id":"c","ts":"2026-03-01 09:00"}' | cs-ingest -m -M ts=ts --tz Asia/Kolkata -
cs-ingest --tz CST - </dev/null; echo "exit $?"
cs-ingest --tz Mars/Base - </dev/null; echo "exit $?"
--- stdout
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T01:00:00Z"}
{"kind":"message","id":"1","conversation_id":"c","ts":"2026-03-01T03:30:00Z"}
exit 2
exit 2
--- stderr
cs-ingest: --tz: 'CST' is an abbreviation, not a zone: use an IANA name such as Asia/Shanghai (China), America/Chicago (US Central) or America/Havana, or an offset such as +08:00
Try 'cs-ingest --help' for more information.
cs-ingest: --tz: unknown time zone 'Mars/Base' (an IANA name such as Asia/Shanghai, or an offset such as +08:00)
Try 'cs-ingest --help' for more information.
--- exit
0
