# On a terminal, progress counts records and the bytes read so far, for NDJSON
# and CSV alike (CS_TEST_PROGRESS=1 draws it at every record instead of four
# times a second), and is erased at the end; -q and a non-terminal get none.
# A message while the line shows erases it first, so the message starts at
# column 0 (it used to be appended to the progress text), from the main
# thread (a record the engine rejects) and from the reading thread (a line
# that is not JSON); the next record draws the line again.
# Records written to the terminal that shows the progress get none: the
# line was spliced into the records on the screen ("12 B{"kind":...); -o to
# a file on the same terminal keeps it.
# A reader that goes away (| head, 4 MB: more than a pipe holds) leaves no
# progress line behind either: the output ends in the erase (it used to end
# in the last progress text).
--- requires
/usr/bin/script
--- cmd
printf 'a,b\n1,2\n3,4\n' > in.csv
printf '{"kind":"event"}\n{"kind":"event"}\n' > in.ndjson
export CS_TEST_PROGRESS=1
script -qec "cs-ingest -f csv --messages --map conversation_id=a in.csv >/dev/null" /dev/null </dev/null | tr '\r\033' '|~'; echo
script -qec "cs-ingest in.ndjson >/dev/null" /dev/null </dev/null | tr '\r\033' '|~'; echo
script -qec "cs-ingest -q in.ndjson >/dev/null" /dev/null </dev/null | tr '\r\033' '|~'; echo
cs-ingest in.ndjson 2>&1 >/dev/null | tr '\r\033' '|~'; echo
printf '{"n":1}\n{"messages":5}\nnot json\n{"n":2}\n{"n":"\265"}\n{"n":3}\n' > bad.ndjson
script -qec "cs-qa --skip-bad bad.ndjson >/dev/null" /dev/null </dev/null | tr '\r\033' '|~'; echo
script -qec "cs-ingest in.ndjson" /dev/null </dev/null | tr '\r\033' '|~'; echo
script -qec "cs-ingest -o out.ndjson in.ndjson" /dev/null </dev/null | tr '\r\033' '|~'; echo
awk 'BEGIN{for(i=0;i<50000;i++) printf "{\"kind\":\"event\",\"n\":%d,\"pad\":\"%060d\"}\n", i, i}' > big.ndjson
script -qec "cs-ingest big.ndjson | head -c 1 >/dev/null" /dev/null </dev/null | tail -c 3 | tr '\r\033' '|~'; echo
--- stdout
|cs-ingest: 1 record, 12 B|cs-ingest: 2 records, 12 B|~[K
|cs-ingest: 1 record, 17 B|cs-ingest: 2 records, 34 B|~[K


|cs-qa: 1 record, 8 B|cs-qa: 2 records, 23 B|~[Kcs-qa: bad.ndjson:2: "messages" is not an array|
cs-qa: bad.ndjson:3: not a JSON object|
|cs-qa: 4 records, 40 B|~[Kcs-qa: bad.ndjson:5:7: invalid UTF-8 (byte 0xb5)|
cs-qa: bad.ndjson: if the file is not UTF-8, convert it first (iconv -f NAME -t UTF-8), or replace the invalid bytes with --invalid-utf8 replace|
|cs-qa: 6 records, 58 B|~[Kcs-qa: 3 bad records left out|

{"kind":"event"}|
{"kind":"event"}|

|cs-ingest: 1 record, 17 B|cs-ingest: 2 records, 34 B|~[K
~[K
--- stderr
--- exit
0
