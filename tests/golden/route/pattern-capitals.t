# Patterns are matched on the request case folded, so one that needs a capital
# letter could never match: it is refused with the file, line and letter
# (status 3), as cs-qa refuses it in a scorecard, in a --rules file, in the
# policy's human_request phrases and in the asks file. A policy "re:" phrase
# that does not compile is refused too (both used to load and never match).
# Escapes such as \W and \p{Lu} are no letters, and a pattern that turns on
# caseless matching ((?i)) may have capitals.
--- cmd
printf '{"version": 1, "rules": [\n {"name": "vpn", "intent": "vpn", "pattern": "\\\\bVPN\\\\b"}]}\n' > rules.json
cs-route --check --rules rules.json; echo "exit $?"
printf '{"version": 1, "rules": [{"intent": "vpn", "pattern": "\\\\bvpn\\\\b\\\\W\\\\p{Lu}?"},\n {"intent": "vpn", "pattern": "(?i)\\\\bVPN\\\\b"}]}\n' > rules-ok.json
cs-route --check --rules rules-ok.json >/dev/null; echo "exit $?"
printf '{"version": 1, "human_request": {"phrases": ["talk to a person",\n  "re:\\\\bget me Zorbo\\\\b"]}}\n' > capital.json
cs-route --check -p capital.json; echo "exit $?"
printf '{"version": 1, "human_request": {"phrases": "re:(unclosed"}}\n' > unclosed.json
cs-route --check -p unclosed.json; echo "exit $?"
cp -r "$CS_SHARE_DIR" share && printf 're:\\bget me Zorbo\n' >> share/route/human-request.txt
(echo '{"text":"get me zorbo"}' | CS_SHARE_DIR=share cs-route --field text; echo "exit $?") 2>&1 | sed 's/:[0-9]*:/:N:/'
--- stdout
exit 3
exit 0
exit 3
exit 3
cs-route: share/route/human-request.txt:N: 'Z' is never in the request, which is case folded: write patterns in lower case
exit 3
--- stderr
cs-route: --rules rules.json:2: "pattern": 'V' is never in the request, which is case folded: write patterns in lower case
cs-route: --policy capital.json:2: "phrases": 'Z' is never in the request, which is case folded: write patterns in lower case
cs-route: --policy unclosed.json:1: "phrases": the pattern does not compile: offset 9: missing closing parenthesis
--- exit
0
