# The same records from one thread and from two: evidence found twice for an
# item (a phrase and a pattern on the same words) is written once either way.
# It was compared with memcmp, padding included, so a repeat was dropped or
# not by what a worker's memory held.
--- cmd
cat > in.ndjson && cs-qa --threads 1 in.ndjson > one.ndjson && cs-qa --threads 2 in.ndjson > two.ndjson && cmp one.ndjson two.ndjson && echo same && jq -c 'select(.kind == "conversation") | [.id, ([.qa.items[].evidence | length] | add)]' two.ndjson
--- stdin
{"kind":"conversation","id":"en-close","channel":"chat","messages":[{"id":"m1","role":"agent","text":"Hi, how can I help?"},{"id":"m2","role":"customer","text":"Where is my parcel?"},{"id":"m3","role":"agent","text":"It arrives tomorrow. Glad I could help, have a wonderful day!"}]}
{"kind":"conversation","id":"zh-close","channel":"chat","messages":[{"id":"m1","role":"agent","text":"您好，请问有什么可以帮您？"},{"id":"m2","role":"customer","text":"快递到哪了"},{"id":"m3","role":"agent","text":"明天送达。请问还有其他问题吗？祝您购物愉快"}]}
{"kind":"conversation","id":"en-empathy","channel":"chat","messages":[{"id":"m1","role":"customer","text":"This is terrible, the app keeps crashing and I lost my work!"},{"id":"m2","role":"agent","text":"I completely understand, that sounds frustrating. Let me help."}]}
{"kind":"conversation","id":"zh-empathy","channel":"chat","messages":[{"id":"m1","role":"customer","text":"太差了，又坏了，我很生气"},{"id":"m2","role":"agent","text":"给您添麻烦了，马上为您处理"}]}
{"kind":"conversation","id":"en-close-rest","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Book it please."},{"id":"m2","role":"agent","text":"Booked."},{"id":"m3","role":"customer","text":"Thanks a lot. That's it for now."},{"id":"m4","role":"agent","text":"Have an excellent rest of your day."}]}
{"kind":"conversation","id":"en-close-welcome","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Thanks, that is all."},{"id":"m2","role":"agent","text":"You are welcome! Enjoy your stay in London."}]}
{"kind":"conversation","id":"zh-close-trip","channel":"chat","messages":[{"id":"m1","role":"customer","text":"好的谢谢"},{"id":"m2","role":"agent","text":"不客气，祝您旅途愉快"}]}
{"kind":"conversation","id":"en-no-close","channel":"chat","messages":[{"id":"m1","role":"customer","text":"Where is it?"},{"id":"m2","role":"agent","text":"It ships tomorrow."}]}
--- stdout
same
["en-close",3]
["zh-close",6]
["en-empathy",4]
["zh-empathy",4]
["en-close-rest",5]
["en-close-welcome",3]
["zh-close-trip",4]
["en-no-close",3]
--- stderr
--- exit
0
