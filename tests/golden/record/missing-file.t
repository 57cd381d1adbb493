# A file that cannot be opened is an I/O error, exit 4.
--- cmd
cs-ingest no-such-file.ndjson
--- stdout
--- stderr
cs-ingest: no-such-file.ndjson: No such file or directory
cs-ingest: 1 input could not be read to the end
--- exit
4
