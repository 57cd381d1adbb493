# A file that cannot be opened is an I/O error, exit 4. Control characters
# in a file name (and DEL, and C1 controls such as U+009B) are written as
# GNU tools write them, \n and its kin or three octal digits, so each message
# stays one line and puts nothing on the terminal: "a" newline "b.ndjson"
# split the message in two, and ESC [31m turned the terminal red. The same in
# FILE:LINE of a bad record, an -o that cannot be made and any program.
--- cmd
cs-ingest no-such-file.ndjson
echo "exit $?"
cs-qa "$(printf 'a\nb.ndjson')"; echo "exit $?"
printf '{"x":1}\nnot json\n' > "$(printf 'tab\there\033[31m\177.ndjson')"
cs-signals "$(printf 'tab\there\033[31m\177.ndjson')"; echo "exit $?"
cs-roi kpi "$(printf 'c1\302\233x\r.ndjson')"; echo "exit $?"
cs-ticket --db t.db -o "$(printf 'no-dir\a/out.ndjson')" </dev/null; echo "exit $?"
--- stdout
exit 4
exit 4
{"x":1}
exit 1
exit 4
exit 4
--- stderr
cs-ingest: no-such-file.ndjson: No such file or directory
cs-ingest: 1 input could not be read to the end
cs-qa: a\nb.ndjson: No such file or directory
cs-qa: 1 input could not be read to the end
cs-signals: tab\there\033[31m\177.ndjson:2: not a JSON object
cs-roi kpi: c1\302\233x\r.ndjson: No such file or directory
cs-roi kpi: 1 input could not be read to the end
cs-ticket: no-dir\a/out.ndjson: cannot create a temporary file: No such file or directory
--- exit
0
