# More closings and empathy of the default scorecard: glad I could help, have a
# wonderful day, 还有其他问题, 祝您购物愉快, and by pattern any "have a ... day
# (evening, stay, trip)", "enjoy your", "you are welcome", 祝您...愉快 (the
# closings of the Schema-Guided Dialogue sample); I completely understand, that
# sounds frustrating, 给您添麻烦了; closings 感谢您的理解, 祝您工作顺利, thanks for
# choosing us, don't hesitate to reach out; empathy I hear you, 您先别急,
# 换作是我. A last reply that closes nothing fails.
# One thread and two give the same bytes: a phrase and a pattern on the same
# words (Glad I could help) are one passage, written once (repeats were found
# with memcmp over padding, which made this depend on the worker's memory;
# t_qa checks the comparison itself).
--- cmd
cat > in.ndjson && cs-qa --threads 1 in.ndjson > one.ndjson && cs-qa --threads 2 in.ndjson > two.ndjson && cmp one.ndjson two.ndjson && jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "closing" or .id == "empathy") | [.id, .applicable, .passed, [.evidence[].text]])]' two.ndjson
--- stdin
{"kind":"conversation","id":"en-close","channel":"chat","messages":[{"id":"m1","role":"agent","text":"Hi, how can I help?"},{"id":"m2","role":"customer","text":"Where is my parcel?"},{"id":"m3","role":"agent","text":"It arrives tomorrow. Glad I could help, have a wonderful day!"}]}
{"kind":"conversation","id":"zh-close","channel":"chat","messages":[{"id":"m1","role":"agent","text":"您好，请问有什么可以帮您？"},{"id":"m2","role":"customer","text":"快递到哪了"},{"id":"m3","role":"agent","text":"明天送达。请问还有其他问题吗？祝您购物愉快"}]}
{"kind":"conversation","id":"en-empathy","channel":"chat","messages":[{"id":"m1","role":"customer","text":"This is terrible, the app keeps crashing and I lost my work!"},{"id":"m2","role":"agent","text":"I completely understand, that sounds frustrating. Let me help."}]}
{"kind":"conversation","id":"zh-empathy","channel":"chat","messages":[{"id":"m1","role":"customer","text":"太差了，又坏了，我很生气"},{"id":"m2","role":"agent","text":"给您添麻烦了，马上为您处理"}]}
{"kind":"conversation","id":"en-close-rest","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Book it please."},{"id":"m2","role":"agent","text":"Booked."},{"id":"m3","role":"customer","text":"Thanks a lot. That's it for now."},{"id":"m4","role":"agent","text":"Have an excellent rest of your day."}]}
{"kind":"conversation","id":"en-close-welcome","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Thanks, that is all."},{"id":"m2","role":"agent","text":"You are welcome! Enjoy your stay in London."}]}
{"kind":"conversation","id":"zh-close-trip","channel":"chat","messages":[{"id":"m1","role":"customer","text":"好的谢谢"},{"id":"m2","role":"agent","text":"不客气，祝您旅途愉快"}]}
{"kind":"conversation","id":"en-no-close","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Where is it?"},{"id":"m2","role":"agent","text":"It ships tomorrow."}]}
{"kind":"conversation","id":"zh-close-wish","channel":"chat","messages":[{"id":"m1","role":"customer","text":"好的"},{"id":"m2","role":"agent","text":"感谢您的理解，祝您工作顺利"}]}
{"kind":"conversation","id":"en-close-choosing","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Thanks."},{"id":"m2","role":"agent","text":"Thanks for choosing us, and don't hesitate to reach out."}]}
{"kind":"conversation","id":"en-empathy-hear","channel":"chat","messages":[{"id":"m1","role":"customer","text":"This is awful, I was charged twice!"},{"id":"m2","role":"agent","text":"I hear you. Let me fix this now."}]}
{"kind":"conversation","id":"zh-empathy-calm","channel":"chat","messages":[{"id":"m1","role":"customer","text":"气死我了，钱扣了两次"},{"id":"m2","role":"agent","text":"您先别急，换作是我也会着急，马上帮您处理"}]}
--- stdout
["en-close",["empathy",false,null,[]],["closing",true,true,["Glad I could help"]]]
["zh-close",["empathy",false,null,[]],["closing",true,true,["还有其他问题","祝您购物愉快"]]]
["en-empathy",["empathy",true,true,["completely understand"]],["closing",true,false,["I completely understand, that sounds frustrating. Let me help."]]]
["zh-empathy",["empathy",true,true,["给您添麻烦了"]],["closing",true,false,["给您添麻烦了，马上为您处理"]]]
["en-close-rest",["empathy",false,null,[]],["closing",true,true,["Have an excellent rest of your day"]]]
["en-close-welcome",["empathy",false,null,[]],["closing",true,true,["You are welcome"]]]
["zh-close-trip",["empathy",false,null,[]],["closing",true,true,["不客气","祝您旅途愉快"]]]
["en-no-close",["empathy",false,null,[]],["closing",true,false,["It ships tomorrow."]]]
["zh-close-wish",["empathy",false,null,[]],["closing",true,true,["感谢您的理解","祝您工作顺利"]]]
["en-close-choosing",["empathy",false,null,[]],["closing",true,true,["Thanks for choosing"]]]
["en-empathy-hear",["empathy",true,true,["I hear you"]],["closing",true,false,["I hear you. Let me fix this now."]]]
["zh-empathy-calm",["empathy",true,true,["先别急"]],["closing",true,false,["您先别急，换作是我也会着急，马上帮您处理"]]]
--- stderr
--- exit
0
