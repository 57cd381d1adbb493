# Without --skip-bad the first bad file stops the run.
--- cmd
cd "$REPO" && cs-ingest -m --format eml tests/data/mail/cut.eml tests/data/mail/order.eml
--- stdout
--- stderr
cs-ingest: tests/data/mail/cut.eml:1: the message ends inside its header (no blank line before the body)
--- exit
1
