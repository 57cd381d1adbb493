# --check lists what the default scorecard holds.
--- cmd
cs-qa --check
--- stdout
scorecard cs-default version 1: 13 items (weights sum to 100), 26 rules, 6 alerts, 16 phrase lists, 652 phrases
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
--- stderr
--- exit
0
