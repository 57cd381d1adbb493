# Discovery counts an agent's question typed without "?": a sentence that opens
# as one (what is your..., how long will you..., which city are you...,
# would you like..., do you..., after "Sure," or "Okay so" too). Statements
# that open with a question word (what I can do is..., when you receive...,
# which is the fastest way), "have a nice day", a closing "anything else",
# "will that be all", "how can I help you today" and "how are you" ask nothing.
--- cmd
jq -c '{kind: "conversation", id: .id, channel: "chat", messages: [{id: "1", role: "customer", text: "I need help"}, {id: "2", role: "agent", text: .text}]}' |
  cs-qa | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "discovery") | .passed, [.evidence[].text])]'
printf '%s\n' '{"kind":"conversation","id":"d1","channel":"chat","messages":[{"id":"1","role":"customer","text":"I need a hotel in New York"},{"id":"2","role":"agent","text":"what is your check in date"},{"id":"3","role":"customer","text":"March 3rd, for 5 days"},{"id":"4","role":"agent","text":"Would you like to make a reservation at 6 Columbus"},{"id":"5","role":"customer","text":"Yes please"},{"id":"6","role":"agent","text":"Your booking is made. Have a nice day"}]}' |
  cs-qa | jq -c '[.id, (.qa.items[] | select(.id == "discovery") | .passed, [.evidence[].text])]'
--- stdin
{"id":"q1","text":"How long will you be staying"}
{"id":"q2","text":"Sure, which city are you flying to"}
{"id":"q3","text":"Okay so what's the order number"}
{"id":"q4","text":"I can help with that. Do you have the receipt"}
{"id":"q5","text":"What type of account do you have"}
{"id":"q6","text":"Did the app update last night"}
{"id":"s1","text":"What I can do is issue a refund"}
{"id":"s2","text":"When you receive the email, click the link"}
{"id":"s3","text":"You can reset it online, which is the fastest way"}
{"id":"s4","text":"Your card is on its way. Have a nice day"}
{"id":"s5","text":"Is there anything else I can do for you today"}
{"id":"s6","text":"Will that be all"}
{"id":"s7","text":"Hello, how can I help you today"}
{"id":"s8","text":"Hi, how are you doing"}
--- stdout
["q1",true,["How long will you be staying"]]
["q2",true,["Sure, which city are you flying to"]]
["q3",true,["Okay so what's the order number"]]
["q4",true,["Do you have the receipt"]]
["q5",true,["What type of account do you have"]]
["q6",true,["Did the app update last night"]]
["s1",false,["What I can do is issue a refund"]]
["s2",false,["When you receive the email, click the link"]]
["s3",false,["You can reset it online, which is the fastest way"]]
["s4",false,["Your card is on its way. Have a nice day"]]
["s5",false,["Is there anything else I can do for you today"]]
["s6",false,["Will that be all"]]
["s7",false,["Hello, how can I help you today"]]
["s8",false,["Hi, how are you doing"]]
["d1",true,["what is your check in date","Would you like to make a reservation at 6 Columbus"]]
--- stderr
--- exit
0
