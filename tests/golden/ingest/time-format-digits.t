# --time-format reads numbers as strptime(3) does, %Y four digits and
# %m %d %H %M at most two, so fields may follow one another; and a value of
# digits only is read by the pattern before the built-in YYYYMMDD and epoch
# forms.
--- cmd
printf '{"conversation_id":"c","t":"20260301 09:05"}\n' | cs-ingest -m --tz UTC --time-format '%Y%m%d %H:%M' -M ts=t
printf '{"conversation_id":"c","t":"2026-03-01 0905"}\n' | cs-ingest -m --tz UTC --time-format '%Y-%m-%d %H%M' -M ts=t
printf '{"conversation_id":"c","t":"01032026"}\n' | cs-ingest -m --tz UTC --time-format '%d%m%Y' -M ts=t
printf '{"conversation_id":"c","t":"20261203"}\n' | cs-ingest -m --tz UTC --time-format '%Y%d%m' -M ts=t
printf '{"conversation_id":"c","t":"20261203"}\n' | cs-ingest -m --tz UTC --time-format '%d/%m/%Y' -M ts=t
--- stdout
{"kind":"message","conversation_id":"c","ts":"2026-03-01T09:05:00Z"}
{"kind":"message","conversation_id":"c","ts":"2026-03-01T09:05:00Z"}
{"kind":"message","conversation_id":"c","ts":"2026-03-01T00:00:00Z"}
{"kind":"message","conversation_id":"c","ts":"2026-03-12T00:00:00Z"}
{"kind":"message","conversation_id":"c","ts":"2026-12-03T00:00:00Z"}
--- stderr
--- exit
0
