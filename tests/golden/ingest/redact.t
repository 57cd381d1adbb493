# --redact: personal data in messages' free text replaced before anything
# is written (a card that passes Luhn, a Chinese ID whose check character
# is right, an IBAN, an address, a phone number), the kinds counted in the
# message's "redacted" and in the stats; order numbers, amounts and dates
# stay, as do numbers that fail their checks. Conversation records' own
# messages too, and only the kinds asked for. Full-width digits, letters
# and "@" (a Chinese IME in full-width mode) are found as NFKC reads them
# and replaced in the text as written (they were left, with no "redacted").
--- cmd
cat > in.ndjson <<'IN'
{"conversation_id":"c1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Card 4111 1111 1111 1111, exp 12/27; write to dana.k+shop@mail.example.org or call +1 415 555 0123"}
{"conversation_id":"c1","ts":"2026-03-02T01:01:00Z","role":"agent","text":"Thanks! Order 4111111111111112 (12345) for $1,299.00 on 2026-03-02 is noted.","subject":"Re: 13800138000"}
{"conversation_id":"c2","ts":"2026-03-02T02:00:00Z","role":"customer","text":"身份证11010519491231002X，手机138-0013-8000，卡号6222021234567890128，退款到 GB82 WEST 1234 5698 7654 32"}
{"kind":"ticket","id":"t1","text":"4111111111111111 stays: not a message"}
IN
cs-ingest --redact all --stats in.ndjson
echo '{"kind":"conversation","id":"x","messages":[{"id":"1","text":"邮箱abc@qq.com 手机13800138000"},{"id":"2","text":"ok"}]}' | cs-ingest --redact email -m
cs-ingest --redact ssn in.ndjson; echo "exit $?"
echo '{"conversation_id":"w","ts":"2026-03-02T03:00:00Z","role":"customer","text":"手机１３８００１３８０００，卡号４１１１１１１１１１１１１１１１，邮箱ｌｉ．ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ，订单１２３４５"}' | cs-ingest --redact all -m
--- stdout
{"kind":"conversation","id":"c1","started":"2026-03-02T01:00:00Z","ended":"2026-03-02T01:01:00Z","message_count":2,"messages":[{"kind":"message","conversation_id":"c1","ts":"2026-03-02T01:00:00Z","role":"customer","text":"Card [CARD], exp 12/27; write to [EMAIL] or call [PHONE]","redacted":{"card":1,"email":1,"phone":1}},{"kind":"message","conversation_id":"c1","ts":"2026-03-02T01:01:00Z","role":"agent","text":"Thanks! Order 4111111111111112 (12345) for $1,299.00 on 2026-03-02 is noted.","subject":"Re: [PHONE]","redacted":{"phone":1}}]}
{"kind":"ticket","id":"t1","text":"4111111111111111 stays: not a message"}
{"kind":"conversation","id":"c2","started":"2026-03-02T02:00:00Z","ended":"2026-03-02T02:00:00Z","message_count":1,"messages":[{"kind":"message","conversation_id":"c2","ts":"2026-03-02T02:00:00Z","role":"customer","text":"身份证[ID]，手机[PHONE]，卡号[CARD]，退款到 [IBAN]","redacted":{"card":1,"id":1,"iban":1,"phone":1}}]}
{"kind":"message","id":"1","text":"邮箱[EMAIL] 手机13800138000","redacted":{"email":1},"conversation_id":"x"}
{"kind":"message","id":"2","text":"ok","conversation_id":"x"}
exit 2
{"kind":"message","conversation_id":"w","ts":"2026-03-02T03:00:00Z","role":"customer","text":"手机[PHONE]，卡号[CARD]，邮箱[EMAIL]，订单１２３４５","redacted":{"card":1,"email":1,"phone":1}}
--- stderr
cs-ingest: stats: read 4, written 3, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 3, conversations 2, duplicates 0, passed 1, closed_early 0, dedup_forgotten 0, redacted_card 2, redacted_id 1, redacted_iban 1, redacted_email 1, redacted_phone 3
cs-ingest: --redact: 'ssn' is not card, id, iban, email, phone or all
Try 'cs-ingest --help' for more information.
--- exit
0
