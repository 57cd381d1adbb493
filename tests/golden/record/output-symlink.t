# -o onto a symbolic link writes the file the link names (the link stays a
# link); a dangling link's target is created, read from the link's directory.
--- cmd
mkdir d
echo old > d/real.ndjson
ln -s real.ndjson d/link.ndjson
ln -s d/new.ndjson dangling
echo '{"kind":"event","n":1}' | cs-ingest -o d/link.ndjson
echo '{"kind":"event","n":2}' | cs-ingest -o dangling
test -L d/link.ndjson && echo "d/link.ndjson is still a link"
test -L dangling && echo "dangling is still a link"
cat d/real.ndjson d/new.ndjson
ls -A d | tr '\n' ' '; echo
--- stdout
d/link.ndjson is still a link
dangling is still a link
{"kind":"event","n":1}
{"kind":"event","n":2}
link.ndjson new.ndjson real.ndjson 
--- stderr
--- exit
0
