# A --where that never ends is stopped at --where-timeout and reported as a bad record; the run goes on.
--- cmd
cs-ingest --skip-bad --where-timeout 0.3 --where 'if .n == 1 then def f: f; f else true end' -
--- stdin
{"kind":"event","n":1}
{"kind":"event","n":2}
--- stdout
{"kind":"event","n":2}
--- stderr
cs-ingest: <stdin>:1: --where: timed out after 0.3s
cs-ingest: 1 bad record left out
--- exit
1
