# Digit-only times are never guessed: epoch seconds, milliseconds and
# microseconds only for instants in 1990-2100, YYYYMMDD and YYYYMMDDhhmmss as
# dates; anything else is a bad value that names the field and says why.
--- cmd
cs-ingest --messages --skip-bad --map 'ts=t' - <<'X' | jq -r .ts
{"conversation_id":"k","id":"1","t":1772323200}
{"conversation_id":"k","id":"2","t":1772323200123}
{"conversation_id":"k","id":"3","t":"1772323200000000"}
{"conversation_id":"k","id":"4","t":"20260301"}
{"conversation_id":"k","id":"5","t":"20260301093015"}
{"conversation_id":"k","id":"6","t":5}
{"conversation_id":"k","id":"7","t":"20261399"}
{"conversation_id":"k","id":"8","t":"0000-01-01T00:00:00Z"}
X
echo '{"kind":"message","conversation_id":"k","ts":86400}' | cs-ingest; echo "exit $?"
--- stdout
2026-03-01T00:00:00Z
2026-03-01T00:00:00.123Z
2026-03-01T00:00:00.000Z
2026-03-01T00:00:00Z
2026-03-01T09:30:15Z
exit 1
--- stderr
cs-ingest: <stdin>:6: --map ts: '5' is not a time (digits are not YYYYMMDD, YYYYMMDDhhmmss or an epoch time in 1990-2100)
cs-ingest: <stdin>:7: --map ts: '20261399' is not a time (digits are not YYYYMMDD, YYYYMMDDhhmmss or an epoch time in 1990-2100)
cs-ingest: <stdin>:8: --map ts: '0000-01-01T00:00:00Z' is not a time (year out of range 0001-9999)
cs-ingest: 2 times without an offset (such as '20260301') were read as UTC: name their zone with --tz
cs-ingest: 3 bad records left out
cs-ingest: <stdin>:1: unreadable time in ts: '86400' (digits are not YYYYMMDD, YYYYMMDDhhmmss or an epoch time in 1990-2100)
--- exit
0
