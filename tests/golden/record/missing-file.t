# A file that cannot be opened is an I/O error, exit 4.
--- cmd
cs-ingest no-such-file.ndjson
--- stdout
--- stderr
cs-ingest: no-such-file.ndjson: No such file or directory
--- exit
4
