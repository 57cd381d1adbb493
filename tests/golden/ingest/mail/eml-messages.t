# One .eml with --format eml: CRLF lines, an HTML-only body in Latin-1
# quoted-printable, ISO-2022-JP and UTF-8 encoded words, attachments listed.
--- cmd
cd "$REPO" && cs-ingest -m --format eml tests/data/mail/order.eml
--- stdout
{"kind":"message","id":"CAF4471.claire@example.fr","conversation_id":"CAF4471.claire@example.fr","ts":"2026-03-05T15:20:09Z","channel":"email","customer":{"id":"claire.dupont@example.fr","name":"Dupont, Claire","email":"claire.dupont@example.fr"},"role":"customer","text":"Bonjour,\n\nMa commande n° 4471 est arrivée cassée.\nPouvez-vous m'envoyer un échange ?\n\nMerci,\nMme Dupont","attachments":[{"type":"file","name":"請求書 3月.pdf","size":309,"content_type":"application/pdf"},{"type":"image","name":"photo.jpg","size":512,"content_type":"image/jpeg"}],"subject":"ご注文について / commande 4471","conversation":{"subject":"ご注文について / commande 4471"},"source":{"format":"eml","file":"tests/data/mail/order.eml","line":1,"offset":0,"id":"CAF4471.claire@example.fr"}}
--- stderr
--- exit
0
