# cs-answer mine keeps ids as C strings, so an id holding U+0000 is a bad
# record (cs-schema(7)). It was taken: customers a\u0000x and a\u0000y were one
# customer "a", the first conversation was dropped as a repeat contact of the
# second, exit 0; a conversation id c\u0000x was listed as "c". Now both are
# reported with their line, and the clean conversation is mined.
--- cmd
cat > in.ndjson <<'X'
{"kind":"conversation","id":"c1","customer":{"id":"a\u0000x"},"started":"2026-03-01T09:00:00Z","messages":[{"id":"m1","role":"customer","text":"How do I reset my password?"},{"id":"m2","role":"agent","text":"Go to settings and click reset."}]}
{"kind":"conversation","id":"c2","customer":{"id":"a\u0000y"},"started":"2026-03-02T09:00:00Z","messages":[{"id":"m1","role":"customer","text":"Where is my parcel now?"},{"id":"m2","role":"agent","text":"It ships tomorrow."}]}
{"kind":"conversation","id":"c\u0000x","customer":{"id":"b"},"started":"2026-03-02T09:00:00Z","messages":[{"id":"m1","role":"customer","text":"Can I pay by card?"},{"id":"m2","role":"agent","text":"Yes, every card."}]}
{"kind":"conversation","id":"c4","customer":{"id":"d"},"started":"2026-03-02T09:00:00Z","messages":[{"id":"m1","role":"customer","text":"Do you ship to Canada?"},{"id":"m2","role":"agent","text":"Yes, in five days."}]}
X
cs-answer mine --skip-bad in.ndjson > out; echo "exit $?"
jq -c '[.question, .conversations]' out
--- stdout
exit 1
["Do you ship to Canada?",["c4"]]
--- stderr
cs-answer mine: in.ndjson:1: "customer.id" holds U+0000, which no id may
cs-answer mine: in.ndjson:2: "customer.id" holds U+0000, which no id may
cs-answer mine: in.ndjson:3: "id" holds U+0000, which no id may
cs-answer mine: 3 bad records left out
--- exit
0
