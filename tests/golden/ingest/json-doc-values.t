# Documents read as JSON values (cs_doc_each_value): a pretty-printed array with white
# space after it, then values one a line; one broken line is reported at its line and the
# next line is still read; a value broken over lines is reported where it breaks.
--- cmd
printf '[\n  {"conversation_id":"c1","text":"a"}\n]   \n{"conversation_id":"c1","text":"b"}\n{"conversation_id":"c1","text":"c\n{"conversation_id":"c1","text":"d"}\n' > a.json
cs-ingest -f json -m --skip-bad a.json
printf '{"conversation_id":"c2",\n "text":"e"}\n{"conversation_id":"c2",\n "text":[1,\n' > b.json
cs-ingest -f json -m b.json
--- stdout
{"kind":"message","conversation_id":"c1","text":"a"}
{"kind":"message","conversation_id":"c1","text":"b"}
{"kind":"message","conversation_id":"c1","text":"d"}
{"kind":"message","conversation_id":"c2","text":"e"}
--- stderr
cs-ingest: a.json:5: invalid JSON: control character in string
cs-ingest: 1 bad record left out
cs-ingest: b.json:5: invalid JSON: expected a value (the rest of the file is not read)
--- exit
1
