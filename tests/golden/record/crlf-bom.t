# CRLF line ends and a UTF-8 BOM are tolerated; a missing final newline too.
--- cmd
printf '\357\273\277{"kind":"event","id":"1"}\r\n{"kind":"event","id":"2"}' | cs-ingest -
--- stdout
{"kind":"event","id":"1"}
{"kind":"event","id":"2"}
--- stderr
--- exit
0
