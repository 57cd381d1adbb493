# Without --format each input is read as what its content shows, whatever its
# name: NDJSON, a JSON array, a pretty-printed document, CSV (delimiter sniffed);
# something else gets a hint of what it looks like, and is an input lost
# (status 4).
--- cmd
printf '[{"id":"1","conversation_id":"c","text":"in an array"},\n {"id":"2","conversation_id":"c","text":"two"}]\n' > array.txt
printf '{\n  "id": "3",\n  "conversation_id": "c",\n  "text": "pretty"\n}\n{\n  "id": "4",\n  "conversation_id": "c",\n  "text": "again"\n}\n' > pretty.json
printf 'conversation_id;id;text\nc;5;semicolons\n' > export.dat
printf 'PK\003\004binary' > sheet.xlsx
printf '<html><body>hi</body></html>\n' > page.html
cs-ingest -m array.txt pretty.json export.dat sheet.xlsx page.html; echo "exit $?"
--- stdout
{"kind":"message","id":"1","conversation_id":"c","text":"in an array"}
{"kind":"message","id":"2","conversation_id":"c","text":"two"}
{"kind":"message","id":"3","conversation_id":"c","text":"pretty"}
{"kind":"message","id":"4","conversation_id":"c","text":"again"}
{"kind":"message","conversation_id":"c","id":"5","text":"semicolons","source":{"format":"csv","file":"export.dat","line":2}}
exit 4
--- stderr
cs-ingest: sheet.xlsx: not a format cs-ingest reads: it looks like a ZIP archive (an .xlsx spreadsheet? save it as CSV); name one with --format (see --help)
cs-ingest: page.html: not a format cs-ingest reads: it looks like XML or HTML of a kind cs-ingest does not know; name one with --format (see --help)
cs-ingest: 2 inputs could not be read to the end
--- exit
0
