# --redact: the subject a reader puts in a message's "conversation" (a
# Zendesk ticket's, an mbox thread's), which becomes the conversation
# record's "subject", is redacted as the message's "subject" is. It was
# left as it came: the phone, address and card of a subject that
# "subject" showed as [PHONE], [EMAIL] and [CARD] were written in clear in
# "conversation" and in the conversation record.
--- cmd
cat > zd.json <<'IN'
{"ticket":{"id":7,"created_at":"2026-03-02T01:00:00Z","requester_id":5,"subject":"Call me back on 13800138000 or li@example.com","status":"open","via":{"channel":"email"},"comments":[{"id":71,"author_id":5,"public":true,"created_at":"2026-03-02T01:00:00Z","body":"Please call 13800138000"}]}}
IN
printf 'From li@example.com Mon Mar  2 09:00:00 2026\nFrom: Li <li@example.com>\nTo: help@shop.com\nSubject: Refund to card 4111 1111 1111 1111, call 13800138000\nDate: Mon, 02 Mar 2026 09:00:00 +0800\nMessage-ID: <a1@example.com>\n\nPlease refund.\n' > r.mbox
cs-ingest --redact all --stats zd.json r.mbox
cs-ingest --redact phone -m r.mbox
--- stdout
{"kind":"conversation","id":"7","channel":"email","customer":{"id":"5"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:00Z","subject":"Call me back on [PHONE] or [EMAIL]","status":"open","message_count":1,"messages":[{"kind":"message","id":"71","conversation_id":"7","ts":"2026-03-02T01:00:00Z","channel":"email","customer":{"id":"5"},"role":"customer","text":"Please call [PHONE]","subject":"Call me back on [PHONE] or [EMAIL]","via":"email","conversation":{"subject":"Call me back on [PHONE] or [EMAIL]","status":"open"},"source":{"format":"zendesk","file":"zd.json","line":1,"id":"71"},"redacted":{"email":2,"phone":3}}]}
{"kind":"conversation","id":"a1@example.com","channel":"email","customer":{"id":"li@example.com","name":"Li","email":"li@example.com"},"started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:00:00Z","subject":"Refund to card [CARD], call [PHONE]","message_count":1,"messages":[{"kind":"message","id":"a1@example.com","conversation_id":"a1@example.com","ts":"2026-03-02T01:00:00Z","channel":"email","customer":{"id":"li@example.com","name":"Li","email":"li@example.com"},"role":"customer","text":"Please refund.","subject":"Refund to card [CARD], call [PHONE]","conversation":{"subject":"Refund to card [CARD], call [PHONE]"},"source":{"format":"mbox","file":"r.mbox","line":1,"offset":0,"id":"a1@example.com"},"redacted":{"card":2,"phone":2}}]}
{"kind":"message","id":"a1@example.com","conversation_id":"a1@example.com","ts":"2026-03-02T01:00:00Z","channel":"email","customer":{"id":"li@example.com","name":"Li","email":"li@example.com"},"role":"customer","text":"Please refund.","subject":"Refund to card 4111 1111 1111 1111, call [PHONE]","conversation":{"subject":"Refund to card 4111 1111 1111 1111, call [PHONE]"},"source":{"format":"mbox","file":"r.mbox","line":1,"offset":0,"id":"a1@example.com"},"redacted":{"phone":2}}
--- stderr
cs-ingest: stats: read 2, written 2, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 2, conversations 2, duplicates 0, passed 0, closed_early 0, dedup_forgotten 0, redacted_card 2, redacted_id 0, redacted_iban 0, redacted_email 2, redacted_phone 5
--- exit
0
