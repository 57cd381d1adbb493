# With no input named and standard input a terminal, a one-line hint says
# where records are read from (script(1) gives the program a terminal).
--- requires
/usr/bin/script
--- cmd
script -qec "cs-ingest" /dev/null </dev/null | tr -d '\r'
script -qec "cs-ingest -q" /dev/null </dev/null | tr -d '\r'
echo '{"kind":"event"}' | cs-ingest
--- stdout
cs-ingest: reading records from the terminal (Ctrl-D ends them); name a file, or - for standard input
{"kind":"event"}
