# cs-answer mine: solved conversations with a good qa.score and no repeat
# contact give candidate FAQs; near-duplicate questions are merged (the
# first stays, the others become alternates), most asked first. A low
# score, an unsolved status and a customer who came back within the window
# leave a conversation out (--stats counts why). A private note ("internal":
# true, c11) is no agent reply: it is never the answer, and it does not end
# the question either.
--- cmd
cd "$TESTDATA/answer" && cs-answer mine --stats conversations.ndjson
--- stdout
{"kind":"faq_candidate","id":"mined-23a4d7400a900e78","question":"How do I change my delivery address?","alternates":["how can I change the delivery address of my order"],"answer":"Go to Orders, choose the order and tap Change address before it ships.","conversations":["c1","c2"],"count":2}
{"kind":"faq_candidate","id":"mined-01b4d3f7e68ff17a","question":"The coupon still fails at checkout","alternates":[],"answer":"The coupon had expired; I added the discount to your order by hand.","conversations":["c6"],"count":1}
{"kind":"faq_candidate","id":"mined-7600e4b30d6f787f","question":"Can I pay with PayPal?","alternates":[],"answer":"Yes, PayPal is accepted at checkout.","conversations":["c7"],"count":1}
{"kind":"faq_candidate","id":"mined-b0d689df1dee99e5","question":"Do you ship to Norway?","alternates":[],"answer":"Yes, in 5 to 7 business days.","conversations":["conversations.ndjson:11"],"count":1}
{"kind":"faq_candidate","id":"mined-a8eb78916c5a716c","question":"Where do I find the invoice of my last order?","alternates":[],"answer":"Invoices are in Orders.","conversations":["c11"],"count":1}
--- stderr
cs-answer mine: stats: read 12, written 5, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 11, not_solved 2, low_score 1, no_question_or_answer 0, repeat_contact 2
--- exit
0
