# The README's demo pipeline (examples/demo.sh) on the bundled data, end to end.
--- cmd
CS_BIN=$(dirname "$(command -v cs-ingest)") sh "$REPO/examples/demo.sh"
--- stdout
== 1. cs-ingest: WeChat pushes (XML, 19-digit MsgIds, one retried by WeChat)
{"kind":"message","id":"7262094405921456001","ts":"2026-03-02T02:40:00Z","channel":"wechat","customer":{"id":"oAbc123_openid","ids":{"wechat":"oAbc123_openid"}},"role":"customer","text":"请问怎么申请退款？","account":"gh_shop","source":{"format":"wechat-xml","file":"wechat.xml","line":1,"id":"7262094405921456001"},"conversation_id":"c-18c1dd82100f4de3"}
{"kind":"message","id":"7262094405921456002","ts":"2026-03-02T02:41:00Z","channel":"wechat","customer":{"id":"oAbc123_openid","ids":{"wechat":"oAbc123_openid"}},"role":"customer","text":"订单号 88213","account":"gh_shop","source":{"format":"wechat-xml","file":"wechat.xml","line":2,"id":"7262094405921456002"},"conversation_id":"c-18c1dd82100f4de3"}
{"kind":"message","id":"7262094405921456003","ts":"2026-03-02T02:41:30Z","channel":"wechat","customer":{"id":"oAbc123_openid","ids":{"wechat":"oAbc123_openid"}},"role":"customer","text":"退款多久到账","attachments":[{"type":"audio","name":"vC3m_Voice_8812"}],"account":"gh_shop","source":{"format":"wechat-xml","file":"wechat.xml","line":4,"id":"7262094405921456003"},"conversation_id":"c-18c1dd82100f4de3"}

== 2. cs-ingest: a helpdesk CSV read with a mapping file (local times in Asia/Shanghai)
{"kind":"message","source":{"format":"csv","file":"helpdesk.csv","line":2},"conversation_id":"T-500","ts":"2026-03-02T02:15:00Z","customer":{"id":"cust-88","email":"maria@example.com"},"channel":"email","role":"customer","text":"Hello,\nmy invoice shows the wrong VAT number. Can you fix it?"}
{"kind":"message","source":{"format":"csv","file":"helpdesk.csv","line":4},"conversation_id":"T-500","ts":"2026-03-02T03:02:00Z","customer":{"id":"cust-88","email":"maria@example.com"},"channel":"email","role":"agent","text":"Hi Maria, corrected — the new invoice is attached."}
{"kind":"message","source":{"format":"csv","file":"helpdesk.csv","line":5},"conversation_id":"T-501","ts":"2026-03-02T04:30:00Z","customer":{"id":"cust-42"},"channel":"phone","role":"customer","text":"Customer called about order #88213 delivery"}
{"kind":"message","source":{"format":"csv","file":"helpdesk.csv","line":6},"conversation_id":"T-500","ts":"2026-03-02T03:20:00Z","customer":{"id":"cust-88","email":"maria@example.com"},"channel":"email","role":"customer","text":"Thank you, that's right now."}

== 3. cs-ingest: every channel into conversations, each file read as its content shows

== 4. the result: one line per conversation
conversation               channel customer                 started           msgs  first words
c-ca4a8d82a630b7cb         chat    cust-42                  2026-03-02T01:00     4  你好，我的订单 #88213 还没到
c-0075992a5e8b3e65         app     cust-7                   2026-03-02T01:02     3  I was charged twice for order 5512
c-859a768dd4f2297c         app     cust-7                   2026-03-02T04:40     2  Hi again, the refund hasn't shown 
c-18c1dd82100f4de3         wechat  oAbc123_openid           2026-03-02T02:40     3  请问怎么申请退款？
T-501                      phone   cust-42                  2026-03-02T04:30     1  Customer called about order #88213
T-500                      email   cust-88                  2026-03-02T02:15     3  Hello, my invoice shows the wrong 
35436                      email   20978392                 2026-03-02T01:00     3  Hi, my order #88213 was due yester
35437                      web     20978400                 2026-03-02T02:00     1  The reset link says it has expired
m1.li@example.com          email   li.wei@example.com       2026-03-02T01:58     4  Hello, my order #88213 has not arr
m5.bob@example.net         email   bob@example.net          2026-03-03T07:40     3  When will I get my refund for orde
m7.carol@example.org       email   carol@example.org        2026-03-04T17:00     2  Hi, the invoice says café supplies
call-1042                  phone   -                        2026-03-02T02:30     6  Thank you for calling Northwind su

other records passed through untouched:
{"kind":"event","id":"e-9","ts":"2026-03-02T01:04:00Z","customer":{"id":"cust-7"},"type":"survey","survey":{"metric":"csat","score":5}}

== 5. cs-qa: every conversation scored with the default scorecard, sentiment, alerts
conversation               channel score compl customer   items failed
c-ca4a8d82a630b7cb         chat     64.3   100 improving  discovery,responsiveness,closing
c-0075992a5e8b3e65         app         0  33.3 improving  greeting,identity_verification,discovery,responsiveness,closing
c-859a768dd4f2297c         app        47   100 steady     greeting,discovery,empathy,responsiveness,closing
c-18c1dd82100f4de3         wechat      -     - steady     -
T-501                      phone       -     - steady     -
T-500                      email    73.2   100 improving  discovery,closing
35436                      email    64.3   100 steady     greeting,discovery,closing
35437                      web         -     - steady     -
m1.li@example.com          email    82.1   100 improving  greeting,closing
m5.bob@example.net         email       0  33.3 steady     identity_verification,discovery,closing
m7.carol@example.org       email    54.5   100 steady     greeting,discovery,empathy,closing
call-1042                  phone       0  33.3 improving  disclosure,closing

why the first conversation scored 0 (an auto-fail item, with its evidence):
{"id":"identity_verification","evidence":[{"message_id":"m-2002","ts":"2026-03-02T01:03:10Z","span":[54,79],"text":"and have started a refund"}]}

alerts, one record each, for a nightly job to page someone:
["critical","qa.regulator_threat","c-859a768dd4f2297c","report you to"]
["warning","qa.churn_intent","c-859a768dd4f2297c","cancel my account"]

== 6. cs-route: intents, bot or human, queues and agents, each decision explained
conversation               intent        conf tier  queue    agent     status
c-ca4a8d82a630b7cb         order_status  100% human senior   agent-9   assigned
c-0075992a5e8b3e65         billing       100% human billing  agent-3   assigned
c-859a768dd4f2297c         refund         93% human billing  agent-3   assigned
c-18c1dd82100f4de3         refund         70% human billing  -         queued
T-501                      order_status   99% bot   bot      -         bot
T-500                      billing       100% human billing  agent-3   assigned
35436                      order_status  100% bot   bot      -         bot
35437                      account        97% bot   bot      -         bot
m1.li@example.com          order_status  100% bot   bot      -         bot
m5.bob@example.net         refund        100% human billing  agent-3   assigned
m7.carol@example.org       billing        96% human billing  agent-3   assigned
call-1042                  refund         98% human billing  agent-12  assigned

why the VIP who wrote 转人工 went where it did:
  intent: order_status at 0.996 (threshold 0.3, ambiguity 0.05, next faq at 0.001)
  tier: human, the customer asked for a person: "转人工"
  business hours: open
  filter "vip" matched (the first of 4 that does)
  target 1, queue senior: agent agent-9 (longest_idle, chat costs 1)

== 7. cs-answer: a knowledge base from Markdown and an FAQ table; cited answers or a hand-off
{"kind":"kb_build","entries":9,"added":9,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":1833}
conversation                conf source                           question (the latest customer message)
c-ca4a8d82a630b7cb            0% hand-off: no_match               转人工，谢谢
c-0075992a5e8b3e65            0% hand-off: no_match               Great, thanks for the quick help!
c-859a768dd4f2297c           13% hand-off: low_confidence         Hi again, the refund hasn't shown up yet
c-18c1dd82100f4de3            2% hand-off: low_confidence         退款多久到账
T-501                        91% faq-shipping-time                Customer called about order #88213 deliv
T-500                         0% hand-off: no_match               Thank you, that's right now.
35436                         1% hand-off: low_confidence         Hi, my order #88213 was due yesterday. W
35437                        83% kb/account.md#reset-your-password The reset link says it has expired.
m1.li@example.com             0% hand-off: no_match               您好，我换了地址：上海市浦东新区世纪大道100号。谢谢！
m5.bob@example.net           22% hand-off: low_confidence         When will I get my refund for order 8810
m7.carol@example.org         96% faq-invoice                      Hi, the invoice says café supplies but I
call-1042                     0% hand-off: no_terms               Thanks.

== 8. cs-ticket: a ticket for every conversation, its SLA on Shanghai business hours at noon
conversation               ticket          status  group    assignee  1st reply resolution due
c-ca4a8d82a630b7cb         T-7e35824a146a  open    senior   agent-9   met       2026-03-10T09:00:05+08:00
c-0075992a5e8b3e65         T-b55d2146407b  open    billing  agent-3   met       2026-03-10T09:02:00+08:00
c-859a768dd4f2297c         T-dc75898d1172  open    billing  agent-3   active    2026-03-10T12:00:00+08:00
c-18c1dd82100f4de3         T-b7840a38abae  new     billing  -         active    2026-03-10T10:40:00+08:00
T-501                      T-63da2ac4376a  new     bot      -         active    2026-03-10T12:00:00+08:00
T-500                      T-20ea9d14a76c  open    billing  agent-3   met       2026-03-10T10:15:00+08:00
35436                      T-b17440c182ab  solved  360001   726209440 met       -
35437                      T-963325f99f9a  open    bot      -         active    2026-03-10T10:00:00+08:00
m1.li@example.com          T-591c49c48b25  open    bot      -         met       2026-03-10T09:58:11+08:00
m5.bob@example.net         T-15efd67b0ffc  open    billing  agent-3   active    2026-03-11T15:40:00+08:00
m7.carol@example.org       T-73125a715afa  open    billing  agent-3   active    2026-03-12T18:00:00+08:00
call-1042                  T-435d74e2ec7f  open    billing  agent-12  met       2026-03-10T10:30:00.500+08:00

the SLA check at 15:30 and 17:30: each warning and breach raised once, for the nightly report:
2026-03-02T07:30:00Z critical T-963325f99f9a  first_response 16200s of 14400s
2026-03-02T07:30:00Z warning  T-b7840a38abae  first_response 13800s of 14400s
2026-03-02T09:30:00Z critical T-63da2ac4376a  first_response 16200s of 14400s
2026-03-02T09:30:00Z warning  T-b55d2146407b  next_response  26700s of 28800s
2026-03-02T09:30:00Z critical T-b7840a38abae  first_response 21000s of 14400s

== 9. cs-signals: the silent customers, from the app's clickstream and the conversations
when                   customer     signal               evidence
2026-03-01T21:58:40    cust-42      rage_click           ev-102 ev-103 ev-104
2026-03-01T21:58:40    cust-42      error_click          ev-103 ev-105
2026-03-01T21:58:40    cust-42      error_click          ev-104 ev-105
2026-03-01T22:00:05    cust-42      excessive_refresh    ev-107 ev-108 ev-109 ev-110
2026-03-01T23:11:20    cust-88      search_no_results    ev-202
2026-03-01T23:12:41    cust-88      form_abandoned       ev-205
2026-03-02T00:20:09    cust-7       u_turn               ev-301 ev-302 ev-303
2026-03-02T00:25:00    cust-7       survey_detractor     ev-304
2026-03-02T04:40:00    cust-7       negative_sentiment   c-859a768dd4f2297c
2026-03-02T04:30:00    cust-42      repeat_contact       c-ca4a8d82a630b7cb T-501
2026-03-02T02:15:00    cust-88      long_wait            T-500
2026-03-02T01:00:05    20978392     long_wait            35436
2026-03-01T23:40:00    cust-61      silent_help_seeker   ev-401 ev-402
2026-03-03T07:40:00    bob@example. long_wait            m5.bob@example.net
2026-03-04T17:00:00    carol@exampl long_wait            m7.carol@example.org
2026-03-04T17:00:00    carol@exampl negative_sentiment   m7.carol@example.org
2026-03-02T07:30:00    20978400     sla_breach           T-963325f99f9a:first_response:breach:1772416800000
2026-03-02T09:30:00    cust-42      sla_breach           T-63da2ac4376a:first_response:breach:1772425800000
2026-03-02T09:30:00    oAbc123_open sla_breach           T-b7840a38abae:first_response:breach:1772419200000

alerts for the team, at most one per customer and type a week (--state keeps the cooldowns):
signals.payment_hesitation   cust-88  Started the payment form payment on /checkout/payment and left without sending it.
                                      -> review the payment step with the customer: payment help or a coupon review
signals.detractor            cust-7   Gave nps 3 in a survey, a detractor's score.
                                      -> call the customer back
signals.silent_help_seeker   cust-61  Sought help 2 times (help pages, searches) and did not contact support within 24 hours.
                                      -> offer help: a help prompt or a proactive chat on the next visit

churn risk, highest first (cs-signals journey; a red customer raises signals.churn_risk):
 98 red    cust-42              1 repeat contact on the same issue in the last 14 days, the latest less than a day ago
 83 red    cust-7               1 detractor survey answer in the last 14 days, the latest less than a day ago
 46 yellow carol@example.org    1 conversation in a negative tone in the last 14 days, the latest less than a day ago
 45 yellow cust-88              1 long wait for an answer in the last 14 days, the latest less than a day ago
 30 green  20978400             1 missed service-level target in the last 14 days, the latest less than a day ago
 30 green  oAbc123_openid       1 missed service-level target in the last 14 days, the latest less than a day ago
 23 green  cust-61              1 help-centre visit that never became a ticket in the last 14 days, the latest less than a day ago
 13 green  20978392             1 long wait for an answer in the last 14 days, the latest less than a day ago
 13 green  bob@example.net      1 long wait for an answer in the last 14 days, the latest less than a day ago
  5 green  li.wei@example.com   -

one customer's journey, step by step:
2026-03-01T21:58:02	session	ws-41
2026-03-01T21:58:40	signal	rage_click
2026-03-01T21:58:40	signal	error_click
2026-03-01T21:58:40	signal	error_click
2026-03-01T22:00:05	signal	excessive_refresh
2026-03-02T01:00:05	conversation	c-ca4a8d82a630b7cb
2026-03-02T04:30:00	conversation	T-501
2026-03-02T04:30:00	signal	repeat_contact
2026-03-02T09:30:00	signal	sla_breach

== 10. cs-roi: the day's KPIs by channel, every formula in cs-roi(1)
day        channel  contacts    fcr    aht_s    asa_s   csat    sla
2026-03-02 app             2      1       55       80      -      1
2026-03-02 chat            1      0        0      117      -      1
2026-03-02 email           3      1   866.67     1538    100      1
2026-03-02 phone           2      1     14.5        -      -      1
2026-03-02 unknown         0      -        -        -    100      -
2026-03-02 web             1      1        -        -      -      -
2026-03-02 wechat          1      1        -        -      -      -
2026-03-03 email           1      1        5     1200      -      -
2026-03-05 email           1      1        0     3600      -      -

== 11. cs-roi model: the business case of the brief's e-commerce shop (examples/roi), every figure with its formula
| Figure | Value | Formula |
| --- | --- | --- |
| Yearly benefit at the full rate | 2,210,000 | 400000 + 150000 + 360000 + 1200000 + 100000 |
| First-year cost | 250,000 | 50000 once + 200000 a year |
| Benefit over the horizon | 6,630,000 | 2210000 + 2210000 + 2210000 |
| Cost over the horizon | 650,000 | 250000 + 200000 + 200000 |
| Net benefit over the horizon | 5,980,000 | benefit over the horizon - cost over the horizon |
| ROI over the horizon | 920% | (6630000 - 650000) / 650000 x 100 |
| NPV at 0.08 | 5,129,964.94 | -50000 + 2010000 / 1.08^1 + 2010000 / 1.08^2 + 2010000 / 1.08^3 |
| Payback | 0.30 months | 0 + 50000 / 167500: cash short by 50000 after month 0, 167500 net in month 1 |


== 12. cs-roi report: the nightly report, one self-contained HTML page (and Markdown for the chat)
# Customer service report

2026-03-01 16:00 to 2026-03-04 16:00: 3 days of metrics.

## At a glance

*The period at a glance*

| Measure | Value |
| --- | ---: |
| Contacts | 12 |
| CSAT | 100.0% |
| First contact resolution | 90.9% |
| Average handle time | 303 s |
| Service level | 0.0% |
| SLA attainment | 100.0% |
| QA score | 42.8 |
| Negative sentiment | 16.7% |
| ROI over the horizon | 920.0% |
| Payback (months) | 0.3 |
| NPV (CNY) | 5,129,965 |

## KPI trends

(report.html: 44418 bytes, no scripts, charts with text alternatives)

== 13. scaling out: the day split by customer into 4 parts, each run on its own (GNU parallel or a
      Slurm array on a cluster), merged: the same records, KPIs, stats and report as one run
part 1:   1 records
part 2:  14 records
part 3:   1 records
part 4:  19 records
final.ndjson     the same as one run (81897 bytes)
journeys.ndjson  the same as one run (10242 bytes)
kpi.ndjson       the same as one run (10662 bytes)
staffing.ndjson  the same as one run (2550 bytes)
mined.ndjson     the same as one run (4977 bytes)
trust.ndjson     the same as one run (4781 bytes)
stats.ndjson     the same as one run (2119 bytes)
report.html      the same as one run (44418 bytes)
--- stderr
cs-ingest: stats: read 4, written 3, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 3, conversations 0, duplicates 1, passed 0, closed_early 0, dedup_forgotten 0
cs-ingest: stats: read 37, written 13, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, messages 35, conversations 12, duplicates 1, passed 1, closed_early 0, dedup_forgotten 0
cs-qa: stats: read 13, written 15, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 12, messages_scored 35, texts 0, passed_through 1, auto_failed 3, alerts 2, alerts_replaced 0, regex_limit_hits 0
cs-route train: model: 126 examples, 5 intents, 3603 features, temperature 5.090
cs-route: stats: read 15, written 16, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, routed 12, to_bot 4, to_human 8, assigned 7, queued 1, human_requested 1, escalated 1, out_of_scope 0, route_updates 1, route_updates_replaced 0, agent_records 0, passed_through 3, regex_limit_hits 0
cs-ticket: stats: read 16, written 16, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, conversations 12, ticket_updates 0, tickets_created 12, follow_ups 0, messages_added 33, messages_seen 0, changes 11, changes_seen 0, assigned 0, passed_through 4, priority_unknown 0
cs-signals: stats: read 43, written 65, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, events 23, contacts 12, tickets 0, sessions 5, signals 19, alerts 3, alerts_cooled_down 0, signals_replaced 0, alerts_replaced 0, logins_joined 1, identity_conflicts 0, sessions_ended_early 0, undecided 0, out_of_order 0, not_consented 0, unattributed 0, bad_survey_scores 0
cs-roi staff: 2 windows without handle time to measure AHT from: give --aht
--- exit
0
