# A reader that goes away (| head) ends the run quietly with status 0.
--- cmd
seq 1 200000 | sed 's/.*/{"kind":"event","id":"&"}/' > big.ndjson; (cs-ingest big.ndjson; echo "exit $?" >&2) | head -1
--- stdout
{"kind":"event","id":"1"}
--- stderr
exit 0
--- exit
0
