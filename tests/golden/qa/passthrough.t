# Records cs-qa does not inspect pass through byte for byte (big integers, key order,
# spacing); a conversation keeps every member as it came and gains "qa" last, or has
# an old "qa" replaced in place.
--- cmd
cat > card.json <<'CARD'
{"scorecard": "p", "items": [{"id": "any_agent", "weight": 1, "pass": {"role": "agent"}}]}
CARD
cs-qa -c card.json --no-message-sentiment --evidence 0
--- stdin
{"kind":"event","id":12345678901234567890,"amount":1.50, "z":1,"a":2}
{"kind":"conversation","id":"c1","qa":{"score":1},"messages":[{"id":"1","role":"agent","text":"hi"}],"tail":true}
{"kind":"conversation","id":"c2","messages":[],"n":1e400}
--- stdout
{"kind":"event","id":12345678901234567890,"amount":1.50, "z":1,"a":2}
{"kind":"conversation","id":"c1","qa":{"scorecard":"p","score":100,"compliance":null,"auto_fail":false,"items":[{"id":"any_agent","applicable":true,"passed":true,"points":1,"weight":1,"evidence":[]}],"alerts":[],"sentiment":{"emotions":[]}},"messages":[{"id":"1","role":"agent","text":"hi"}],"tail":true}
{"kind":"conversation","id":"c2","messages":[],"n":1e400,"qa":{"scorecard":"p","score":0,"compliance":null,"auto_fail":false,"items":[{"id":"any_agent","applicable":true,"passed":false,"points":0,"weight":1,"evidence":[]}],"alerts":[],"sentiment":{"emotions":[]}}}
--- stderr
--- exit
0
