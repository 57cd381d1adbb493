# More closings and empathy of the default scorecard: glad I could help, have a
# wonderful day, 还有其他问题, 祝您购物愉快; I completely understand, that sounds
# frustrating, 给您添麻烦了.
--- cmd
cs-qa | jq -c 'select(.kind == "conversation") | [.id, (.qa.items[] | select(.id == "closing" or .id == "empathy") | [.id, .applicable, .passed, [.evidence[].text]])]'
--- stdin
{"kind":"conversation","id":"en-close","channel":"chat","messages":[{"id":"m1","role":"agent","text":"Hi, how can I help?"},{"id":"m2","role":"customer","text":"Where is my parcel?"},{"id":"m3","role":"agent","text":"It arrives tomorrow. Glad I could help, have a wonderful day!"}]}
{"kind":"conversation","id":"zh-close","channel":"chat","messages":[{"id":"m1","role":"agent","text":"您好，请问有什么可以帮您？"},{"id":"m2","role":"customer","text":"快递到哪了"},{"id":"m3","role":"agent","text":"明天送达。请问还有其他问题吗？祝您购物愉快"}]}
{"kind":"conversation","id":"en-empathy","channel":"chat","messages":[{"id":"m1","role":"customer","text":"This is terrible, the app keeps crashing and I lost my work!"},{"id":"m2","role":"agent","text":"I completely understand, that sounds frustrating. Let me help."}]}
{"kind":"conversation","id":"zh-empathy","channel":"chat","messages":[{"id":"m1","role":"customer","text":"太差了，又坏了，我很生气"},{"id":"m2","role":"agent","text":"给您添麻烦了，马上为您处理"}]}
--- stdout
["en-close",["empathy",false,null,[]],["closing",true,true,["Glad I could help"]]]
["zh-close",["empathy",false,null,[]],["closing",true,true,["还有其他问题"]]]
["en-empathy",["empathy",true,true,["completely understand"]],["closing",true,false,["I completely understand, that sounds frustrating. Let me help."]]]
["zh-empathy",["empathy",true,true,["给您添麻烦了"]],["closing",true,false,["给您添麻烦了，马上为您处理"]]]
--- stderr
--- exit
0
