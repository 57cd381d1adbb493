# An intent is kept as a C string, so a label holding U+0000 ended there:
# "nul\u0000x" was trained as an intent of its own but named "nul", so eval
# listed "nul" twice and cs-route answered "nul" with "nul" as its
# alternative, two intents no one could tell apart (exit 0). Such an example
# is now a bad record, in train and in eval, which read examples alike.
--- cmd
ex() { echo "{\"text\":\"$1\",\"label\":\"$2\"}"; }
{ ex 'where is my parcel' nul; ex 'parcel not here yet' nul; ex 'refund my money' 'nul\u0000x'; ex 'money back please' 'nul\u0000x'; ex 'reset my password' pw; ex 'forgot my password' pw; } > ex.ndjson
cs-route train --calibrate 0 -o m.model ex.ndjson; echo "exit $?"
cs-route train --calibrate 0 --skip-bad -o m.model ex.ndjson 2>&1 | grep -c 'label holds'
cs-route eval --model m.model --skip-bad ex.ndjson 2>/dev/null | jq -c '[.examples, .intents]'
--- stdout
exit 1
2
[4,2]
--- stderr
cs-route train: ex.ndjson:3: the label holds U+0000, which no id may
--- exit
0
