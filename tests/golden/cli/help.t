# --help goes to stdout and exits 0.
--- cmd
cs-ingest --help | head -3; echo "exit $?"
--- stdout
Usage: cs-ingest [-Vhmq] [-M to=from,...] [-d char] [-f format] [-g duration] [-o file] [--call-start time] [--csv-quotes mode] [--date-order order] [--dedup-max n] [--dedup-window duration] [--encoding name] [--identities file] [--invalid-utf8 mode] [--keep-mapped] [--mapping file] [--max-depth n] [--max-open n] [--max-record size] [--no-dedup] [--no-header] [--our-address address] [--redact kinds] [--select expr] [--set to=value] [--shard K/N] [--share-dir dir] [--skip-bad] [--split n] [--stats[=json]] [--stats-file file] [--time-format pattern] [--tz zone] [--where expr] [--where-timeout seconds] [file ...]
Read customer-service exports (helpdesk JSON and CSV, mail, WeChat, call
transcripts, NDJSON) and write cs records: messages grouped into
exit 0
--- stderr
--- exit
0
