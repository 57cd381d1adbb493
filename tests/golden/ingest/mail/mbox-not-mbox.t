# A file that does not start with a From line is not an mbox.
--- cmd
cd "$REPO" && cs-ingest -m --format mbox tests/data/mail/not-mbox.txt
--- stdout
--- stderr
cs-ingest: tests/data/mail/not-mbox.txt:1: not an mbox: no "From " line at the start
--- exit
1
