# A scorecard with a problem stops the run before any record, with the file, the line
# and the reason, and exit status 3: bad JSON, an unknown key, an unknown rule or
# phrase list, a rule that depends on itself, a regex that does not compile, an item
# with neither pass nor fail, a metric that does not exist, a key given twice, a
# list of channels or events with a number after a string (this crashed: the
# list was freed before the error and its count kept), a phrase list's name
# without its "@" (it read as the one phrase "greeting" and never matched),
# first_seconds or last_seconds of 0 or less (they lifted the limit), a
# sentiment bound outside -1 to 1, a regex with a capital letter to meet
# (text is case folded; escapes such as \S and \p{Lu} are no letters), an
# except_regex with no any or regex hits to discount, an empty channel, event,
# regex, not_regex or except_regex list (they acted as no test at all, so
# "channel": [] matched every conversation).
--- cmd
t() { printf '%s\n' "$1" >card.json; cs-qa -c card.json --check; echo "status $?"; }
t '{"scorecard": "x", "items": [
{"id": "a", "weight": 1, "pass": {"role": "agent"},}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pas": {"role": "agent"}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": "nowhere"}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"any": "@nolist"}}]}'
t '{"scorecard": "x", "rules": {"r1": {"role": "agent", "any": ["x"], "after": "r2"}, "r2": {"or": ["r1"]}}, "items": [{"id": "a", "weight": 1, "pass": "r1"}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"regex": "(unclosed"}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "fail": {"metric": "patience", "above": 1}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"role": "manager"}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"any": []}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"role": "agent"}}, {"id": "a", "weight": 2, "pass": {"role": "agent"}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "name": "one", "name": "two", "pass": {"role": "agent"}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"role": "agent", "channel": ["chat", 1]}}]}'
t '{"scorecard": "x", "items": [{"id": "a", "weight": 1, "pass": {"role": "agent", "event": ["hold", true]}}]}'
t '{"scorecard": "x", "rules": {"r": {"role": "agent", "channel": ["chat", 1]}}, "items": [{"id": "a", "weight": 1, "pass": "r"}]}'
t '{"scorecard": "x", "rules": {"r": {"role": "agent", "event": ["hold", {}]}}, "items": [{"id": "a", "weight": 1, "pass": "r"}]}'
t '{"phrases": {"greeting": ["hi", "hello"]}, "items": [{"id": "g", "weight": 1, "pass": {"role": "agent", "any": "greeting"}}]}'
t '{"items": [{"id": "l", "weight": 1, "pass": {"role": "agent", "last_seconds": 0, "any": ["hi"]}}]}'
t '{"items": [{"id": "f", "weight": 1, "pass": {"role": "agent", "first_seconds": -5, "any": ["hi"]}}]}'
t '{"items": [{"id": "s", "weight": 1, "pass": {"role": "customer", "sentiment_at_most": -5}}]}'
t '{"items": [{"id": "c", "weight": 1, "pass": {"role": "agent", "regex": "\\bRefund\\b"}}]}'
t '{"items": [{"id": "x", "weight": 1, "section": "opnening", "pass": {"role": "agent"}}]}'
t '{"items": [{"id": "n", "weight": 1, "pass": {"role": "agent", "regex": "(?<who>\\S+)\\s\\p{Lu}\\W(?<!\\bno\\s)refund"}}]}'
cs-qa -c no-such-card.json </dev/null; echo "status $?"
t '{"items": [{"id": "e", "weight": 1, "pass": {"role": "agent", "except_regex": "not sorry"}}]}'
t '{"items": [{"id": "ec", "weight": 1, "pass": {"channel": []}}]}'
t '{"items": [{"id": "ee", "weight": 1, "pass": {"event": []}}]}'
t '{"items": [{"id": "er", "weight": 1, "fail": {"role": "agent", "regex": []}}]}'
t '{"items": [{"id": "en", "weight": 1, "fail": {"role": "agent", "any": ["x"], "not_regex": []}}]}'
t '{"items": [{"id": "ex", "weight": 1, "fail": {"role": "agent", "any": ["x"], "except_regex": []}}]}'
--- stdout
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
status 3
scorecard unnamed: 1 items (weights sum to 1), 0 rules, 0 alerts, 0 phrase lists in use (0 named), 0 phrases
items (weight, section, flags):
  n                             1  -
status 0
status 3
status 3
status 3
status 3
status 3
status 3
status 3
--- stderr
cs-qa: scorecard card.json:2: not valid JSON: expected a string key
cs-qa: scorecard card.json:1: unknown key "pas" in an item
cs-qa: scorecard card.json:1: item 'a': no rule named "nowhere" in "rules"
cs-qa: scorecard card.json:1: item 'a': no phrase list named "nolist" in "phrases"
cs-qa: scorecard card.json:1: rule 'r1' depends on itself (through rule names, before or after)
cs-qa: scorecard card.json:1: item 'a': "regex": offset 9: missing closing parenthesis
cs-qa: scorecard card.json:1: item 'a': an item needs one of "pass" (what passes it) or "fail" (what fails it)
cs-qa: scorecard card.json:1: item 'a': "patience" is not a metric (see cs-scorecard(5): max_silence_s, first_response_s, ...)
cs-qa: scorecard card.json:1: item 'a': "manager" is not a role (customer, agent, bot, system, other, any)
cs-qa: scorecard card.json:1: item 'a': an empty phrase list
cs-qa: scorecard card.json:1: the id "a" is used twice
cs-qa: scorecard card.json:1: the key "name" is given twice in an item
cs-qa: scorecard card.json:1: item 'a': "channel" must be a string or a list of strings
cs-qa: scorecard card.json:1: item 'a': "event" must be a string or a list of strings
cs-qa: scorecard card.json:1: rule 'r': "channel" must be a string or a list of strings
cs-qa: scorecard card.json:1: rule 'r': "event" must be a string or a list of strings
cs-qa: scorecard card.json:1: item 'g': "greeting" is the name of a phrase list: write "@greeting" (a plain string is one phrase)
cs-qa: scorecard card.json:1: item 'l': "last_seconds" must be a number of seconds above 0
cs-qa: scorecard card.json:1: item 'f': "first_seconds" must be a number of seconds above 0
cs-qa: scorecard card.json:1: item 's': "sentiment_at_most" must be a compound score from -1 to 1
cs-qa: scorecard card.json:1: item 'c': "regex": 'R' is never in the text, which is case folded: write patterns in lower case
cs-qa: scorecard card.json:1: item 'x': section "opnening" is not in "sections" (the scorecard has none)
cs-qa: scorecard no-such-card.json: No such file or directory
cs-qa: scorecard card.json:1: item 'e': "except_regex" discounts the hits of "any" or "regex", and there are none
cs-qa: scorecard card.json:1: item 'ec': "channel" is an empty list
cs-qa: scorecard card.json:1: item 'ee': "event" is an empty list
cs-qa: scorecard card.json:1: item 'er': "regex" is an empty list
cs-qa: scorecard card.json:1: item 'en': "not_regex" is an empty list
cs-qa: scorecard card.json:1: item 'ex': "except_regex" is an empty list
--- exit
0
