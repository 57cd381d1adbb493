# Unknown options and bad values are usage errors: one line, a hint, exit 2.
--- cmd
cs-ingest --bogus; echo "exit $?"; cs-ingest -f xml; echo "exit $?"; cs-ingest --gap soon; echo "exit $?"; cs-ingest --tz Mars/Base; echo "exit $?"; cs-ingest --map nonsense; echo "exit $?"
--- stdout
exit 2
exit 2
exit 2
exit 2
exit 2
--- stderr
cs-ingest: unknown option '--bogus'
Try 'cs-ingest --help' for more information.
cs-ingest: --format: 'xml' is not one of: auto ndjson csv tsv json zendesk zendesk-chat freshdesk intercom chatwoot mbox eml wechat-xml wechat-kf vtt srt transcript-csv transcribe sgd abcd
Try 'cs-ingest --help' for more information.
cs-ingest: --gap: 'soon' is not a duration such as 90s, 30m, 2h or 1d
Try 'cs-ingest --help' for more information.
cs-ingest: --tz: unknown time zone 'Mars/Base' (an IANA name such as Asia/Shanghai, or an offset such as +08:00)
Try 'cs-ingest --help' for more information.
cs-ingest: --map: 'nonsense' is not to=from
Try 'cs-ingest --help' for more information.
--- exit
0
