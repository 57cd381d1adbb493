# On a terminal, progress counts records and the bytes read so far, for NDJSON
# and CSV alike (CS_TEST_PROGRESS=1 draws it at every record instead of four
# times a second), and is erased at the end; -q and a non-terminal get none.
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
--- stdout
|cs-ingest: 1 record, 12 B|cs-ingest: 2 records, 12 B|~[K
|cs-ingest: 1 record, 17 B|cs-ingest: 2 records, 34 B|~[K


--- stderr
--- exit
0
