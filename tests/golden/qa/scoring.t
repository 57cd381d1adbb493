# The score is 100 x passed weights / applicable weights; an item that does not apply,
# or whose outcome is unknown (a response time without timestamps), counts for
# nothing; a failed auto_fail item sets the score to 0; compliance and sections are
# scored on their own items. An item's weight and points are written as the
# scorecard gives them, so the record explains its score (0.004 was written as 0,
# and the items claimed 0 of 1 point for a score of 0.4).
--- cmd
cat > card.json <<'CARD'
{"scorecard": "scoring", "version": 2,
 "sections": [{"id": "open", "name": "Opening"}, {"id": "legal", "name": "Legal"}],
 "rules": {"agent": {"role": "agent"}, "said_hi": {"role": "agent", "any": ["hi"]}},
 "items": [
  {"id": "greet", "section": "open", "weight": 30, "applies_when": "agent", "pass": "said_hi"},
  {"id": "fast", "section": "open", "weight": 20, "fail": {"metric": "first_response_s", "above": 60}},
  {"id": "disclose", "section": "legal", "weight": 40, "compliance": true, "auto_fail": true,
   "applies_when": {"channel": "phone"}, "pass": {"role": "agent", "any": ["recorded"]}},
  {"id": "no_promise", "section": "legal", "weight": 10, "compliance": true, "fail": {"role": "agent", "any": ["guarantee"]}}
 ]}
CARD
cs-qa -c card.json --no-message-sentiment | jq -c '[.id, .qa.scorecard, .qa.version, .qa.score, .qa.compliance, .qa.auto_fail, .qa.sections, [.qa.items[] | [.id, .applicable, .passed, .points] + (if .auto_fail then ["AF"] else [] end)]]'
printf '%s\n' '{"items": [{"id": "greet", "weight": 0.004, "pass": {"role": "agent"}}, {"id": "close", "weight": 1, "fail": {"role": "agent"}}]}' > small.json
echo '{"kind":"conversation","id":"small","messages":[{"id":"1","role":"agent","text":"hi"}]}' |
  cs-qa -c small.json --no-message-sentiment | jq -c '[.qa.score, [.qa.items[] | [.id, .points, .weight]]]'
--- stdin
{"kind":"conversation","id":"chat-untimed","channel":"chat","messages":[{"id":"1","role":"customer","text":"help"},{"id":"2","role":"agent","text":"hi, I guarantee it"}]}
{"kind":"conversation","id":"chat-slow","channel":"chat","messages":[{"id":"1","role":"customer","ts":"2026-03-02T01:00:00Z","text":"help"},{"id":"2","role":"agent","ts":"2026-03-02T01:02:00Z","text":"hi"}]}
{"kind":"conversation","id":"phone-no-disclosure","channel":"phone","messages":[{"id":"1","role":"customer","ts":"2026-03-02T01:00:00Z","text":"help"},{"id":"2","role":"agent","ts":"2026-03-02T01:00:10Z","text":"hi"}]}
{"kind":"conversation","id":"phone-ok","channel":"phone","messages":[{"id":"1","role":"agent","ts":"2026-03-02T01:00:00Z","text":"hi, this call is recorded"},{"id":"2","role":"customer","ts":"2026-03-02T01:00:05Z","text":"ok"},{"id":"3","role":"agent","ts":"2026-03-02T01:00:15Z","text":"how can I help"}]}
{"kind":"conversation","id":"nothing-applies","channel":"chat","messages":[]}
--- stdout
["chat-untimed","scoring","2",75,0,false,[{"id":"open","score":100},{"id":"legal","score":0}],[["greet",true,true,30],["fast",false,null,0],["disclose",false,null,0],["no_promise",true,false,0]]]
["chat-slow","scoring","2",66.7,100,false,[{"id":"open","score":60},{"id":"legal","score":100}],[["greet",true,true,30],["fast",true,false,0],["disclose",false,null,0],["no_promise",true,true,10]]]
["phone-no-disclosure","scoring","2",0,20,true,[{"id":"open","score":100},{"id":"legal","score":20}],[["greet",true,true,30],["fast",true,true,20],["disclose",true,false,0,"AF"],["no_promise",true,true,10]]]
["phone-ok","scoring","2",100,100,false,[{"id":"open","score":100},{"id":"legal","score":100}],[["greet",true,true,30],["fast",true,true,20],["disclose",true,true,40],["no_promise",true,true,10]]]
["nothing-applies","scoring","2",100,100,false,[{"id":"open","score":null},{"id":"legal","score":100}],[["greet",false,null,0],["fast",false,null,0],["disclose",false,null,0],["no_promise",true,true,10]]]
[0.4,[["greet",0.004,0.004],["close",0,1]]]
--- stderr
--- exit
0
