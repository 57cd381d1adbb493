# A write error (>/dev/full) is reported and exits 4.
--- cmd
printf '{"kind":"event"}\n' | cs-ingest - > /dev/full
--- stdout
--- stderr
cs-ingest: <stdout>: write error: No space left on device
--- exit
4
