# The confidence rests on the question's words the first source holds, not
# on its margin alone: "please flip a coin" shares no word with a small FAQ,
# only a gram of "coin" with "join", which made the Hangouts entry the one
# hit, margin 1 and confidence 0.63, an answer. Now it is handed off, and
# so is a question that holds one word of an entry by chance ("card"); the
# questions the entries answer, a one-word one included, keep their answers.
--- cmd
cat > faq.ndjson <<'IN'
{"id":"hangouts","question":"Is there a way to join Google Hangouts without a Google+ account?","answer":"Yes, open hangouts.google.com and join with the link."}
{"id":"refund","question":"How long does a refund take?","answer":"Refunds reach your card in 5 to 10 working days."}
{"id":"password","question":"How do I reset my password?","answer":"Use Forgot password on the sign-in page."}
IN
cs-answer build -q --kb kb.db faq.ndjson >/dev/null
printf '{"question":"%s"}\n' "please flip a coin" "can I pay with my card" "How long does a refund take?" "refund" "I forgot my password" |
  cs-answer --kb kb.db --explain |
  jq -c '.answer | [.question, .handoff, .reason, .confidence, .sources[0].id, .sources[0].explain.words, .sources[0].explain.coverage]'
--- stdout
["please flip a coin",true,"low_confidence",0.0186,"hangouts",0,0]
["can I pay with my card",true,"low_confidence",0.2226,"refund",1,0.3205]
["How long does a refund take?",false,null,0.9986,"refund",3,1]
["refund",false,null,0.9688,"refund",1,1]
["I forgot my password",false,null,0.9197,"password",2,1]
--- stderr
--- exit
0
