# jq's debug and stderr builtins pass their input on, as in jq: the
# verdicts are jq's, and what they would print goes nowhere (the worker's
# standard error is /dev/null). debug used to crash the jq worker on every
# record (no debug callback was set), so every record was a bad record.
--- cmd
printf '{"kind":"event","id":"e1"}\n{"kind":"event","id":"e2"}\n' > dbg.ndjson
{ cs-qa --select '.id | debug | startswith("e")' dbg.ndjson
cs-route --skip-bad --where 'debug | .id == "e1"' dbg.ndjson
cs-qa --select 'stderr | .id == "e2"' dbg.ndjson; } | jq -r .id | paste -sd' '
--- stdout
e1 e2 e1 e2 e2
--- stderr
--- exit
0
