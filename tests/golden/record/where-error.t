# An evaluation error in --where is a bad record with file and line.
--- cmd
cs-ingest --skip-bad --where '.a.b' -
--- stdin
{"kind":"event","a":{"b":1}}
{"kind":"event","a":5}
--- stdout
{"kind":"event","a":{"b":1}}
--- stderr
cs-ingest: <stdin>:2: --where: Cannot index number with string "b"
cs-ingest: 1 bad record left out
--- exit
1
