# --check lists what the default scorecard holds: items, rules, alerts and the
# named phrase lists; a list used only inside another, or never used (a misspelt
# "@name" elsewhere), says so.
--- cmd
cs-qa --check
printf '%s\n' '{"scorecard": "mine", "phrases": {"hi": ["hi", "hello"], "greeting": ["@hi", "good morning"],
 "sorry": ["sorry"], "thanks": ["thank you"]},
 "rules": {"greeted": {"role": "agent", "first_turns": 2, "any": "@greeting"}},
 "items": [{"id": "greeting", "weight": 1, "pass": "greeted"}, {"id": "apology", "weight": 1, "pass": {"any": "@sorry"}}],
 "alerts": [{"id": "rude", "severity": "critical", "reason": "Abuse.", "when": {"any": ["idiot"]}}]}' >card.json
cs-qa --check -c card.json
--- stdout
scorecard cs-default version 1: 13 items (weights sum to 100), 27 rules, 6 alerts, 17 phrase lists in use (17 named), 639 phrases
items (weight, section, flags):
  greeting                      5  opening
  identity_verification        10  compliance auto_fail compliance
  discovery                    10  resolution
  empathy                      10  soft_skills
  hold_etiquette               10  soft_skills
  resolution                   20  resolution review
  disclosure                   10  compliance auto_fail compliance
  data_handling                 5  compliance auto_fail compliance
  professionalism               6  soft_skills auto_fail
  talk_over                     2  soft_skills
  speech_rate                   2  soft_skills
  responsiveness                5  resolution
  closing                       5  closing
rules:
  agent_present
  greeted
  verified
  account_action
  asked
  customer_negative
  answered_negative
  empathized
  empathized_same_turn
  hold_asked
  hold_event
  hold_returned
  transferred
  deflected
  committed_after_deflection
  disclosed
  voice
  live_chat
  responded
  leaked_number
  rude
  talked_over
  too_fast
  dead_air
  slow_first_reply
  slow_reply
  closed
alerts (severity, type):
  regulator_threat         critical  qa.regulator_threat
  churn_intent             warning   qa.churn_intent
  customer_abuse           warning   qa.customer_abuse
  agent_abuse              critical  qa.agent_abuse
  data_leak                critical  qa.data_leak
  repeated_anger           warning   qa.repeated_anger
phrase lists:
  greeting                     48 phrases
  verify                       57 phrases
  discovery                    29 phrases
  question_mark                 1 phrase
  empathy                      53 phrases
  hold_ask                     48 phrases
  hold_return                  15 phrases
  transfer                      5 phrases
  deflection                   35 phrases
  commitment                   21 phrases
  disclosure                   20 phrases
  forbidden                    42 phrases
  closing                      57 phrases
  regulator_threat             50 phrases
  public_threat                21 phrases
  churn                        90 phrases
  abuse                        47 phrases
scorecard mine: 2 items (weights sum to 2), 1 rules, 1 alerts, 3 phrase lists in use (4 named), 5 phrases
items (weight, section, flags):
  greeting                      1  -
  apology                       1  -
rules:
  greeted
alerts (severity, type):
  rude                     critical  qa.rude
phrase lists:
  hi                       only inside other lists
  greeting                      3 phrases
  sorry                         1 phrase
  thanks                   unused
--- stderr
--- exit
0
