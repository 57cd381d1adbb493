# A multipart message cut before its closing boundary (a download that
# stopped): what is there is read, with a notice; the cut attachment is
# listed with the bytes it has.
--- cmd
cd "$REPO" && cs-ingest -m --format eml tests/data/mail/truncated.eml
--- stdout
{"kind":"message","id":"trunc-1@example.com","conversation_id":"trunc-1@example.com","ts":"2026-03-06T17:12:00Z","channel":"email","customer":{"id":"sam@example.com","name":"Sam Lee","email":"sam@example.com"},"role":"customer","text":"The box was crushed; photos attached.","attachments":[{"type":"image","name":"box.jpg","size":70,"content_type":"image/jpeg"}],"subject":"Photos of the damage","conversation":{"subject":"Photos of the damage"},"source":{"format":"eml","file":"tests/data/mail/truncated.eml","line":1,"offset":0,"id":"trunc-1@example.com"}}
--- stderr
cs-ingest: tests/data/mail/truncated.eml:1: the message's MIME parts lack their closing boundary: read as far as they go
--- exit
0
