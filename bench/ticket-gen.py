#!/usr/bin/env python3
"""bench/ticket-gen.py: a year of contact-centre history as conversation
records of cs-schema(7), one a line, for cs-ticket's bench. Each conversation
becomes one ticket; each of its messages is one event (customer and agent,
public, some internal agent notes, a few bot lines). Conversations start
through 2026 (Asia/Shanghai, +08:00), in time order, each with its messages a
minute to a few hours apart; a tenth of the customers are gold tier; most
records carry a status (open, pending, on_hold, solved, closed). Deterministic
(seeded): the same TICKETS always give the same bytes.

usage: ticket-gen.py TICKETS OUT

Prints "tickets N events M" (M: the messages in the file) to stdout."""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
YEAR_START = datetime(2026, 1, 1, tzinfo=CST)
# the last start leaves room for 16 gaps of at most 20h10m before the
# bench's --now (2026-12-31 10:00)
YEAR_SECONDS = (datetime(2026, 12, 17, 12, 0, tzinfo=CST) - YEAR_START).total_seconds()
CUSTOMERS = 40000
AGENTS = 120

EN_CUSTOMER = [
    "my order #### hasn't arrived", "I want a refund for order ####", "where is my package",
    "the tracking number shows no update since Monday", "I was charged twice for order ####",
    "can I change my delivery address", "the item arrived damaged", "I received the wrong size",
    "how do I return this", "it's been two weeks", "nobody answered my email",
    "I need an invoice for my company", "can you cancel my subscription", "my account is locked",
    "the app keeps crashing when I check out", "the coupon code doesn't work",
    "when will the refund reach my card", "please call me back", "any news?", "thanks, that helped",
]
ZH_CUSTOMER = [
    "我的订单####还没到", "我要退款", "快递到哪里了", "物流信息一直没有更新", "订单####被扣了两次钱",
    "可以改收货地址吗", "收到的商品是坏的", "尺码发错了", "怎么退货", "已经两个星期了",
    "我需要开发票", "帮我取消订阅", "账号被锁了", "优惠券用不了", "退款什么时候到账", "请给我回电话",
    "有消息吗？", "好的，谢谢",
]
EN_AGENT = [
    "Hello, thanks for contacting us. Let me check order ####.", "I have escalated this to our courier.",
    "The refund was issued today; it takes 3-5 business days.", "Could you send a photo of the item?",
    "I've updated the delivery address.", "A replacement is on its way.", "Is there anything else I can help with?",
    "Sorry for the wait, I'm looking into it now.",
]
ZH_AGENT = [
    "您好，感谢您的咨询，我来查一下订单####。", "已经帮您联系快递公司。", "退款今天已经提交，3-5个工作日到账。",
    "麻烦您拍一张商品的照片。", "收货地址已经帮您修改。", "新的商品已经寄出。", "还有其他可以帮您的吗？",
    "抱歉久等了，正在处理。",
]
NOTES = [
    "courier claim opened", "refund approved by finance", "customer called twice, frustrated",
    "checked the warehouse: out of stock", "duplicate charge confirmed in the PSP console",
]
BOT = ["Hi! I'm the shop assistant. An agent will be with you shortly.", "您好，我是智能客服，人工客服马上为您服务。"]
CHANNELS = ["chat", "chat", "email", "email", "phone", "web"]
GROUPS = ["shipping", "billing", "returns", "tech"]
TAGS = ["refund", "delivery", "damaged", "invoice", "account", "coupon"]
PRIORITIES = ["low", "normal", "high", "urgent"]
PRIORITY_WEIGHTS = [15, 65, 15, 5]
# None: no status field (the messages decide: new, or open once an agent replied)
STATUSES = [None, "open", "pending", "on_hold", "solved", "closed"]
STATUS_WEIGHTS = [15, 10, 10, 5, 30, 30]


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(2026)

    def fill(text):
        return text.replace("####", str(rnd.randint(100000, 999999)))

    events = 0
    step = YEAR_SECONDS / n
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            cust = rnd.randrange(CUSTOMERS)
            zh = cust % 5 < 2                     # 40% of the customers write Chinese
            start = YEAR_START + timedelta(seconds=i * step + rnd.random() * step)
            channel = rnd.choice(CHANNELS)
            cid = "conv-%06d" % i
            customer = {"id": "cust-%05d" % cust}
            if cust % 10 == 0:
                customer["tier"] = "gold"
            agent = "agent-%03d" % rnd.randrange(AGENTS)
            msgs = []
            t = start
            count = rnd.randint(3, 17)            # mean 10 messages a ticket
            role = "customer"
            for k in range(count):
                m = {"id": "%s-%02d" % (cid, k), "ts": stamp(t), "role": role}
                if role == "customer":
                    m["author"] = customer["id"]
                    m["text"] = fill(rnd.choice(ZH_CUSTOMER if zh else EN_CUSTOMER))
                elif role == "bot":
                    m["text"] = BOT[1 if zh else 0]
                else:
                    m["author"] = agent
                    if rnd.random() < 0.1:        # an internal note
                        m["text"] = rnd.choice(NOTES)
                        m["public"] = False
                    else:
                        m["text"] = fill(rnd.choice(ZH_AGENT if zh else EN_AGENT))
                msgs.append(m)
                # who speaks next, and when
                if k == 0 and channel == "chat" and rnd.random() < 0.5:
                    role, gap = "bot", rnd.randint(1, 5)
                elif role == "customer":
                    role, gap = "agent", rnd.choice([60, 300, 900, 3600, 4 * 3600, 20 * 3600]) + rnd.randint(0, 600)
                elif rnd.random() < 0.3:          # the agent writes again (or a note)
                    role, gap = "agent", rnd.randint(30, 1800)
                else:
                    role, gap = "customer", rnd.randint(60, 8 * 3600)
                t += timedelta(seconds=gap)
            events += count
            rec = {"kind": "conversation", "id": cid, "channel": channel, "customer": customer,
                   "started": stamp(start), "priority": rnd.choices(PRIORITIES, PRIORITY_WEIGHTS)[0],
                   "group": rnd.choice(GROUPS), "assignee": agent}
            if channel == "email":
                rec["subject"] = msgs[0]["text"][:60]
            if rnd.random() < 0.3:
                rec["tags"] = rnd.sample(TAGS, rnd.randint(1, 2))
            status = rnd.choices(STATUSES, STATUS_WEIGHTS)[0]
            if status:
                rec["status"] = status
            rec["messages"] = msgs
            f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("tickets %d events %d" % (n, events))


main()
