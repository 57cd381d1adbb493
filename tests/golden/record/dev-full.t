# A write error (>/dev/full) is reported and exits 4: records, and the
# reports of cs-qa --check and cs-route --check (they used to lose the
# report and exit 0).
--- cmd
printf '{"kind":"event"}\n' | cs-ingest - > /dev/full; echo "exit $?"
cs-qa --check > /dev/full; echo "exit $?"
cs-route --check > /dev/full; echo "exit $?"
--- stdout
exit 4
exit 4
exit 4
--- stderr
cs-ingest: <stdout>: write error: No space left on device
cs-qa: <stdout>: write error: No space left on device
cs-route: <stdout>: write error: No space left on device
--- exit
0
