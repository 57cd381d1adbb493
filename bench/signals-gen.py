#!/usr/bin/env python3
"""bench/signals-gen.py: a shop's clickstream export plus its contacts, as
cs-schema(7) records one a line, in time order across all customers (many
sessions interleaved, as a real export is), for cs-signals' bench.

Sessions arrive at a steady rate (--sessions-per-hour), so the sessions open
at any moment do not depend on the file's size: a bigger file is a longer
stretch of time. Each session is a walk through the shop: page views (the
URL in "name"), clicks (the selector in "name", props x, y and tag) answered
by a page view, change, network or scroll 100-400 ms later, scrolls, and now
and then the patterns cs-signals looks for:

  rage clicks     3-6 clicks on one target within 1 s and 30 px
  dead clicks     a click on something that does nothing (no answer in 500 ms)
  error clicks    a click answered by a network status >= 400 and an error
  u-turns         back to the previous page within 5 s
  refreshes       the same URL again with props.navigation "reload"
  forms           form_start, clicks and changes on fields (tag input), then
                  form_submit or nothing (abandoned; often at /checkout/payment)
  help            help-centre views, searches (props.results, sometimes 0),
                  search_result_click or not
  logins          anonymous sessions carry "device" and no customer until a
                  login event carries both; then customer.id
  orders, refunds, returns, surveys (csat, nps, ces)
and, as decoys, triple-click text selections (props.detail 1-3) and clicks
on text inputs. Frustrated sessions are more likely to be followed by a
contact: a conversation record (chat, email or phone; messages from the
customer, a bot and agents, sometimes a transfer and a long wait; tags, often
route.intent, sometimes qa sentiment) some minutes to hours later, a quarter
of them followed by a repeat contact on the same issue (most within 7 days),
a ticket record for many (some reopened or moved between groups) and now and
then cs-ticket's ticket.sla_breach alert.

Records are ordered by their time: ts for events and alerts, started for
conversations, created for tickets. Deterministic: the same options give the
same bytes.

usage: signals-gen.py [--mb SIZE] [--customers N] [--sessions-per-hour N]
                      [--seed N] [--small] [-o FILE]

--mb: stop once SIZE million bytes are written (default 220); the export is
cut there, as at the end of a day, so the last sessions are cut short.
--small: a small sample (about 50 KB) with every pattern, for examples/:
a session for each pattern in turn, then every contact that follows.
A summary of what was planted goes to stderr as one JSON line."""
import argparse
import heapq
import json
import random
import sys
import time

START_MS = 1772438400000            # 2026-03-02T08:00:00Z

PRODUCTS = 400
ARTICLES = 120
HELP_QUERIES = [("refund status", 4), ("where is my order", 6), ("change address", 3),
                ("cancel order", 5), ("coupon not working", 2), ("payment declined", 3),
                ("invoice", 2), ("return label", 4), ("delete account", 1),
                ("klarna", 0), ("gift card balance", 0), ("express shipping sunday", 0)]
FORMS = {
    "checkout-payment": ("/checkout/payment", ["#card-number", "#card-expiry", "#card-cvc", "#name-on-card"],
                         "#pay-button"),
    "address": ("/account/address", ["#street", "#city", "#zip", "#phone"], "#save-address"),
    "contact": ("/help/contact", ["#email", "#subject", "#message"], "#send-message"),
    "signup": ("/signup", ["#email", "#password"], "#create-account"),
}
DEAD_TARGETS = ["img.product-photo", "span.price", "div.badge-free-shipping", "h1.product-title",
                "div.rating-stars", "span.delivery-estimate"]
RAGE_TARGETS = [("#apply-coupon", "/cart"), ("#pay-button", "/checkout/payment"),
                ("button.add-to-cart", None), ("#track-order", "/orders"), ("button.size-option", None)]
ERRORS = ["TypeError: Cannot read properties of undefined (reading 'price')",
          "Error: coupon service unavailable", "ChunkLoadError: Loading chunk 7 failed",
          "Error: payment provider timeout", "ReferenceError: gtag is not defined"]
INTENTS = {
    "order_status": ("delivery", "Where is my order? It says shipped for days now."),
    "refund_request": ("refund", "I want a refund for my order, the item is not as described."),
    "payment_failed": ("payment", "My card was declined at checkout but the money left my account."),
    "coupon_issue": ("coupon", "The coupon code does not work in the cart."),
    "change_address": ("delivery", "Can I change the delivery address of my order?"),
    "account_access": ("account", "I cannot log in to my account."),
    "return_item": ("returns", "How do I return an item that does not fit?"),
}
AGENT_LINES = ["Thanks for reaching out, let me check that for you.", "I can see the order here.",
               "I have escalated this to the right team.", "The refund was issued today.",
               "Is there anything else I can help with?", "Sorry for the wait."]
BOT_LINES = ["Hi! I'm the shop assistant. What can I help you with?",
             "Let me connect you with an agent."]
CUSTOMER_LINES = ["Any news?", "This is the second time I ask.", "Ok, thanks.", "Still not working.",
                  "Please hurry, I need it this week."]
GROUPS = ["shipping", "billing", "returns", "tech"]

# The chance of each pattern: per session (rage, anon...), per click
# (dead, error) or per page (u-turn, refresh); --small raises them all so
# that a few hundred lines hold every kind.
ODDS = {"rage": 0.04, "dead": 0.03, "error_click": 0.02, "bg_error": 0.02, "uturn": 0.03,
        "refresh": 0.02, "refresh_storm": 0.3, "selection": 0.01, "anon": 0.4, "login": 0.5,
        "stranger": 0.3, "help": 0.12, "zero_results": 0.2, "result_click": 0.55, "help_search": 0.6, "form_abandon": 0.3,
        "payment_abandon": 0.45,
        "payment_declined": 0.06, "contact": 0.03, "contact_frustrated": 0.25, "repeat": 0.25,
        "ticket": 0.5, "reopen": 0.1, "regroup": 0.12, "breach": 0.1, "survey": 0.3,
        "nps": 0.01, "intent": 0.6, "sentiment": 0.5,
        "transfer": 0.1, "long_wait": 0.1}
SMALL_ODDS = dict(ODDS, rage=0.3, dead=0.15, error_click=0.12, bg_error=0.1, uturn=0.15,
                  refresh=0.12, refresh_storm=0.6, selection=0.1, help=0.35, zero_results=0.4,
                  contact=0.2, contact_frustrated=0.6, repeat=0.6, reopen=0.3, regroup=0.3,
                  breach=0.4, survey=0.6, nps=0.3, transfer=0.4, long_wait=0.3)
# --small: each session shows one pattern in turn (the plan, with the
# outcomes it forces), and each conversation some of the contact patterns.
SHOWCASE = [("rage", {"anon": False}),
            ("checkout", {"payment_abandon": False, "payment_declined": False, "survey": True}),
            ("help", {"help_search": True, "zero_results": True, "contact_frustrated": True}),
            ("uturn", {}),
            ("dead", {"anon": True, "stranger": False, "login": True}),
            ("refresh", {"refresh_storm": True}),
            ("error_click", {}),
            ("checkout", {"payment_abandon": True}),
            ("selection", {"nps": True, "anon": False}),
            ("help", {"help_search": True, "zero_results": False, "result_click": True}),
            ("bg_error", {}),
            ("address", {})]
# a plan's step (the forms are theirs by name)
PLAN_STEPS = {"checkout": "checkout", "rage": "rage", "uturn": "uturn", "refresh": "refresh",
              "selection": "selection", "help": "help", "bg_error": "background_error",
              "dead": "dead_click", "error_click": "error_click"}
CONTACT_SHOWCASE = [{"transfer": True, "sentiment": True, "repeat": True},
                    {"long_wait": True, "ticket": True, "breach": True},
                    {"ticket": True, "regroup": True, "survey": True},
                    {"ticket": True, "reopen": True, "sentiment": True}]
# What a --small sample must hold (SMALL_SEED is one that gives it all).
SAMPLE_HAS = ["rage_burst", "dead_click", "error_click", "error_without_click", "u_turn", "refresh_storm",
              "form_abandoned", "payment_abandoned", "form_submit", "search_no_results", "search_result_click",
              "help_view", "login_stitch", "order", "survey_nps", "survey_csat", "survey_ces",
              "triple_click_selection", "conversation", "repeat_contact", "ticket", "ticket_reopened",
              "ticket_regrouped", "sla_breach", "transfer", "long_wait", "sentiment_worsening"]
SMALL_SEED = 3


class Clock:
    """Milliseconds to RFC 3339 strings, caching the seconds part."""

    def __init__(self):
        self.cache = {}

    def second(self, s):
        text = self.cache.get(s)
        if text is None:
            if len(self.cache) > 200000:
                self.cache.clear()
            text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(s))
            self.cache[s] = text
        return text

    def ms(self, ms):
        return "%s.%03dZ" % (self.second(ms // 1000), ms % 1000)

    def s(self, ms):
        return self.second(ms // 1000) + "Z"


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


class Output:
    """Records in time order: each is pushed with its time when made, and
    written once no record made later can come before it."""

    def __init__(self, f):
        self.f = f
        self.heap = []
        self.seq = 0
        self.bytes = 0
        self.lines = 0

    def push(self, ms, rec):
        self.seq += 1
        heapq.heappush(self.heap, (ms, self.seq, dumps(rec)))

    def flush_before(self, ms):
        heap = self.heap
        while heap and heap[0][0] < ms:
            line = heapq.heappop(heap)[2]
            self.f.write(line)
            self.f.write("\n")
            self.bytes += len(line.encode("utf-8")) + 1
            self.lines += 1


class Shop:
    def __init__(self, args, odds):
        self.rnd = random.Random(args.seed)
        self.odds = odds
        self.customers = args.customers
        self.clock = Clock()
        self.event_seq = 0
        self.session_seq = 0
        self.conv_seq = 0
        self.ticket_seq = 0
        self.order_seq = 0
        self.anon_seq = 0
        self.planted = {}
        self.small = args.small
        self.forced = {}                # --small: outcomes decided, not drawn
        self.out = None
        self.last_order = {}            # customer -> an order id, for refunds

    # ---- helpers ----

    def chance(self, name):
        forced = self.forced.get(name)
        return forced if forced is not None else self.rnd.random() < self.odds[name]

    def plant(self, name, n=1):
        self.planted[name] = self.planted.get(name, 0) + n

    def device_of(self, cust):
        # a customer's own device: a fixed scramble of the number
        return "d-%08x" % ((cust * 2654435761 + 0x5bd1e995) & 0xffffffff)


class Session:
    """One visit: emits events with a moving clock; the identity fields
    change at login."""

    def __init__(self, shop, start_ms):
        self.shop = shop
        rnd = shop.rnd
        self.rnd = rnd
        self.odds = shop.odds
        self.chance = shop.chance
        shop.session_seq += 1
        self.sid = "s-%06x" % shop.session_seq
        self.t = start_ms
        if shop.small:
            self.plan, shop.forced = SHOWCASE[(shop.session_seq - 1) % len(SHOWCASE)]
        cust = rnd.randrange(shop.customers)
        self.customer = "cust-%d" % cust
        self.anonymous = shop.chance("anon")
        if self.anonymous and shop.chance("stranger"):
            shop.anon_seq += 1      # a stranger's device, never logged in
            self.device, self.customer = "d-a%07x" % shop.anon_seq, None
        else:
            self.device = shop.device_of(cust)
        self.logged_in = not self.anonymous
        self.events = []
        self.url = None
        self.prev_url = None
        self.frustrated = False
        self.helped = False
        self.ordered = None
        self.intent = None

    # ---- emitting ----

    def emit(self, etype, name, props=None, extra=None):
        shop = self.shop
        shop.event_seq += 1
        rec = {"kind": "event", "id": "e-%d" % shop.event_seq, "ts": shop.clock.ms(self.t)}
        if self.logged_in:
            rec["customer"] = {"id": self.customer}
        else:
            rec["device"] = self.device
        rec["session"] = self.sid
        rec["type"] = etype
        rec["name"] = name
        if props:
            rec["props"] = props
        if extra:
            rec.update(extra)
        self.events.append((self.t, rec))
        return rec

    def wait(self, lo, hi):
        self.t += self.rnd.randint(lo, hi)

    def think(self):
        """The time a person takes between two actions: 2 s to 2 minutes, 10 s typically."""
        self.t += int(min(120000, 1500 + self.rnd.lognormvariate(9.1, 0.8)))

    def page(self, url, navigation=None):
        props = {"referrer": self.url} if self.url and navigation is None else None
        if navigation:
            props = {"navigation": navigation}
        self.prev_url, self.url = self.url, url
        self.emit("page_view", url, props)

    def xy(self):
        return self.rnd.randint(20, 1380), self.rnd.randint(60, 2400)

    def click(self, target, tag="button", x=None, y=None, props=None):
        if x is None:
            x, y = self.xy()
        p = {"x": x, "y": y, "tag": tag}
        if props:
            p.update(props)
        self.emit("click", target, p)

    # ---- steps ----

    def navigate(self, url, target=None):
        """A click on a link, answered by the page 100-400 ms later."""
        self.click(target or 'a[href="%s"]' % url, "a")
        self.wait(100, 400)
        self.page(url)

    def product_url(self):
        return "/products/%d" % self.rnd.randint(1, PRODUCTS)

    def browse(self):
        r = self.rnd.random()
        if r < 0.45:
            self.navigate(self.product_url(), "a.product-card")
        elif r < 0.6:
            self.emit("scroll", self.url, {"depth": self.rnd.choice([25, 50, 75, 100])})
        elif r < 0.75:
            self.click("button.add-to-cart")
            self.wait(100, 400)
            self.emit("network", "POST /api/cart", {"status": 200, "duration": self.rnd.randint(40, 300)})
            self.wait(5, 60)
            self.emit("change", "#cart-count")
        elif r < 0.85:
            self.navigate("/cart", "#cart-link")
        elif r < 0.93:
            self.navigate("/", "a.logo")
        else:
            self.navigate("/orders", "#orders-link")

    def dead_click(self):
        target = self.rnd.choice(DEAD_TARGETS)
        self.click(target, target.split(".")[0])
        self.shop.plant("dead_click")
        self.frustrated = True
        self.t += self.rnd.randint(1500, 6000)      # nothing answers

    def rage(self):
        target, where = self.rnd.choice(RAGE_TARGETS)
        if where and where != self.url:
            self.navigate(where)
            self.think()
        n = self.rnd.randint(3, 6)
        x, y = self.xy()
        spacing = self.rnd.randint(80, 900 // (n - 1) - 10)     # n clicks within 1 s
        for i in range(n):
            if i:
                self.t += spacing + self.rnd.randint(-20, 10)
            self.click(target, "button", x + self.rnd.randint(-12, 12), y + self.rnd.randint(-12, 12))
        self.shop.plant("rage_burst")
        self.shop.plant("rage_clicks", n)
        self.frustrated = True
        if self.rnd.random() < 0.4:
            self.wait(100, 600)
            self.emit("error", self.rnd.choice(ERRORS), {"page": self.url})
            self.shop.plant("error_after_rage")

    def error_click(self):
        target = self.rnd.choice(["#apply-coupon", "#track-order", "button.add-to-cart", "#pay-button"])
        self.click(target)
        self.wait(60, 400)
        status = self.rnd.choice([400, 404, 409, 500, 502, 503])
        self.emit("network", "POST /api/%s" % target.strip("#.").split(".")[-1],
                  {"status": status, "duration": self.rnd.randint(30, 900)})
        self.wait(5, 300)
        self.emit("error", self.rnd.choice(ERRORS), {"page": self.url})
        self.shop.plant("error_click")
        self.frustrated = True

    def background_error(self):
        self.emit("error", self.rnd.choice(ERRORS), {"page": self.url})
        self.shop.plant("error_without_click")

    def uturn(self):
        back = self.url
        self.navigate(self.product_url(), "a.recommendation")
        self.t += self.rnd.randint(800, 4500)
        self.page(back, "back_forward")
        self.shop.plant("u_turn")
        self.frustrated = True

    def refresh(self):
        if self.chance("refresh_storm"):
            n = self.rnd.randint(3, 5)
            self.shop.plant("refresh_storm")
            self.frustrated = True
        else:
            n = 1
        if self.url != "/orders" and n > 1:
            self.navigate("/orders/%d" % self.rnd.randint(100000, 999999), "a.order-row")
        for _ in range(n):
            self.t += self.rnd.randint(2000, 20000)
            self.emit("page_view", self.url, {"navigation": "reload"})
        self.shop.plant("refresh", n)

    def selection(self):
        x, y = self.xy()
        for d in (1, 2, 3):
            if d > 1:
                self.wait(90, 200)
            self.click("p.product-description", "p", x, y, {"detail": d})
        self.shop.plant("triple_click_selection")

    def form(self, name):
        url, fields, submit = FORMS[name]
        if self.url != url:
            self.navigate(url)
        self.wait(300, 2000)
        self.emit("form_start", name, {"form": name})
        self.shop.plant("form_start")
        abandon = self.chance("payment_abandon" if name == "checkout-payment" else "form_abandon")
        stop_at = self.rnd.randrange(len(fields)) if abandon else len(fields)
        for field in fields[:stop_at + (1 if abandon else 0)]:
            self.click(field, "textarea" if field == "#message" else "input", props={"form": name})
            self.t += self.rnd.randint(1500, 12000)
            self.emit("change", field, {"tag": "input", "form": name})
            self.wait(300, 3000)
        if abandon:
            self.shop.plant("form_abandoned")
            if name == "checkout-payment":
                self.shop.plant("payment_abandoned")
            self.frustrated = True
            return False
        if name == "checkout-payment" and self.chance("payment_declined"):
            self.click(submit)
            self.wait(200, 900)
            self.emit("network", "POST /api/payments", {"status": 402, "duration": self.rnd.randint(300, 2000)})
            self.wait(10, 200)
            self.emit("change", "#payment-error")
            self.shop.plant("payment_declined")
            self.frustrated = True
            self.think()
        self.click(submit)
        self.wait(20, 80)
        self.emit("form_submit", name, {"form": name})
        self.wait(100, 400)
        self.emit("network", "POST /api/%s" % name, {"status": 200, "duration": self.rnd.randint(80, 900)})
        self.shop.plant("form_submit")
        return True

    def checkout(self):
        if self.url != "/cart":
            self.navigate("/cart", "#cart-link")
            self.think()
        self.navigate("/checkout/payment", "#checkout-button")
        self.think()
        if self.form("checkout-payment"):
            self.wait(100, 400)
            self.page("/checkout/confirmation")
            self.shop.order_seq += 1
            order = "o-%d" % (500000 + self.shop.order_seq)
            self.emit("order", order, {"order": order, "total": round(self.rnd.uniform(9, 400), 2),
                                       "currency": "EUR", "items": self.rnd.randint(1, 5)})
            self.shop.plant("order")
            self.ordered = order
            if self.customer:
                self.shop.last_order[self.customer] = order
            if self.chance("survey"):
                self.think()
                self.survey("csat", "post-purchase")

    def survey(self, metric, name, extra=None):
        rnd = self.rnd
        if metric == "csat":
            score = rnd.choices([1, 2, 3, 4, 5], [6, 6, 12, 30, 46])[0]
        elif metric == "nps":
            score = rnd.choices(range(11), [3, 2, 2, 3, 3, 5, 7, 10, 20, 20, 25])[0]
        else:
            score = rnd.choices(range(1, 8), [5, 5, 8, 12, 20, 25, 25])[0]
        self.emit("survey", name, extra, {"survey": {"metric": metric, "score": score}})
        self.shop.plant("survey_" + metric)

    def help(self):
        self.navigate("/help", "#help-link")
        self.helped = True
        self.shop.plant("help_session")
        for _ in range(self.rnd.randint(1, 3)):
            self.think()
            if self.chance("help_search"):
                zero = self.chance("zero_results")
                query, results = self.rnd.choice([q for q in HELP_QUERIES if (q[1] == 0) == zero])
                self.click("#help-search", "input")
                self.t += self.rnd.randint(2000, 8000)
                self.emit("search", query, {"results": results})
                self.wait(100, 400)
                self.page("/help/search")
                self.shop.plant("search")
                if results == 0:
                    self.shop.plant("search_no_results")
                    continue
                if not self.chance("result_click"):
                    continue
                self.think()
                article = self.rnd.randint(1, ARTICLES)
                self.click("a.search-result", "a")
                self.emit("search_result_click", "/help/articles/%d" % article,
                          {"position": self.rnd.randint(1, max(1, results))})
                self.shop.plant("search_result_click")
                self.wait(100, 400)
            else:
                article = self.rnd.randint(1, ARTICLES)
                self.click("a.help-article", "a")
                self.wait(100, 400)
            self.page("/help/articles/%d" % article)
            self.wait(20, 200)
            self.emit("help_view", "/help/articles/%d" % article, {"article": article})
            self.shop.plant("help_view")
        if self.rnd.random() < 0.15:
            self.think()
            self.form("contact")

    def login(self):
        self.navigate("/login", "#login-link")
        self.think()
        self.click("#login-button")
        self.wait(100, 400)
        self.emit("network", "POST /api/login", {"status": 200, "duration": self.rnd.randint(60, 350)})
        self.wait(5, 50)
        self.logged_in = True
        self.emit("login", "password", None, {"device": self.device})
        self.shop.plant("login_stitch")
        self.wait(50, 300)
        self.page("/account")

    # ---- the visit ----

    def run(self):
        rnd = self.rnd
        landing = rnd.choices(["/", "/products/%d" % rnd.randint(1, PRODUCTS), "/help/articles/%d" % rnd.randint(1, ARTICLES)],
                              [5, 4, 1])[0]
        self.page(landing)
        if self.anonymous:
            self.shop.plant("anonymous_session")
        will_login = self.anonymous and self.customer and self.shop.chance("login")
        plans = []
        for name in ("rage", "uturn", "refresh", "selection", "help", "bg_error"):
            if self.shop.chance(name):
                plans.append(name)
        if rnd.random() < 0.25:
            plans.append("checkout")
        if rnd.random() < 0.04:
            plans.append(rnd.choice(["address", "signup"]))
        if self.shop.small:
            # a sample: each session shows one pattern in turn, in few steps
            plans = [self.plan]
            steps = rnd.randint(2, 4)
        else:
            steps = max(len(plans) + 2, int(rnd.expovariate(1 / 10)) + 2)
        login_at = rnd.randrange(steps)
        slots = rnd.sample(range(steps), len(plans)) if plans else []
        for i in range(steps):
            self.think()
            if will_login and i == login_at:
                self.login()
                self.think()
            plan = plans[slots.index(i)] if i in slots else None
            if plan in FORMS:
                self.form(plan)
            elif plan:
                getattr(self, PLAN_STEPS[plan])()
            elif self.shop.chance("dead"):
                self.dead_click()
            elif self.shop.chance("error_click"):
                self.error_click()
            else:
                self.browse()
        if self.shop.chance("nps") and self.logged_in:
            self.think()
            self.survey("nps", "relationship")
        return self.t


class Contacts:
    """Conversations, tickets and SLA alerts that follow sessions."""

    def __init__(self, shop):
        self.shop = shop
        self.rnd = shop.rnd

    def after(self, session):
        shop = self.shop
        if not session.customer:
            return
        odds = "contact_frustrated" if session.frustrated or session.helped else "contact"
        if not shop.chance(odds):
            return
        latest = 1800 if shop.small else 3 * 3600
        start = session.t + self.rnd.randint(60, latest) * 1000
        intent = self.rnd.choice(list(INTENTS))
        self.conversation(session.customer, intent, start, repeat_of=None, routed=shop.chance("intent"))

    def refund(self, customer, ms, kind):
        order = self.shop.last_order.get(customer) or "o-%d" % self.rnd.randint(100000, 499999)
        self.shop.event_seq += 1
        rec = {"kind": "event", "id": "e-%d" % self.shop.event_seq, "ts": self.shop.clock.ms(ms),
               "customer": {"id": customer}, "type": kind, "name": order,
               "props": {"order": order, "amount": round(self.rnd.uniform(5, 300), 2), "currency": "EUR"}}
        self.shop.out.push(ms, rec)
        self.shop.plant(kind)

    def conversation(self, customer, intent, start, repeat_of, routed):
        shop, rnd, clock = self.shop, self.rnd, self.shop.clock
        shop.conv_seq += 1
        cid = "c-%06d" % shop.conv_seq
        forced = shop.forced
        if shop.small:
            shop.forced = CONTACT_SHOWCASE[(shop.conv_seq - 1) % len(CONTACT_SHOWCASE)]
        start -= start % 1000           # conversations are timed to the second
        channel = rnd.choices(["chat", "email", "phone"], [6, 3, 2])[0]
        tag, opening = INTENTS[intent]
        t = start
        messages = []

        def say(role, text, **more):
            m = {"id": "%s-m%d" % (cid, len(messages) + 1), "ts": clock.s(t), "role": role, "text": text}
            m.update(more)
            messages.append(m)

        say("customer", ("Again: " if repeat_of else "") + opening)
        if channel == "chat":
            t += rnd.randint(1, 4) * 1000
            say("bot", BOT_LINES[0])
            t += rnd.randint(5, 60) * 1000
            say("bot", BOT_LINES[1])
        long_wait = shop.chance("long_wait")
        if long_wait:
            shop.plant("long_wait")
        t += (rnd.randint(20, 90) * 60 if long_wait else rnd.randint(20, 600)) * 1000
        say("agent", AGENT_LINES[0], author="agent-%d" % rnd.randint(1, 80))
        if shop.chance("transfer"):
            t += rnd.randint(30, 300) * 1000
            say("system", "Transferred to %s" % rnd.choice(GROUPS), event="transfer")
            shop.plant("transfer")
        for _ in range(rnd.randint(0, 4)):
            t += rnd.randint(30, 900) * 1000
            say("customer", rnd.choice(CUSTOMER_LINES))
            t += rnd.randint(30, 900) * 1000
            say("agent", rnd.choice(AGENT_LINES[1:]), author="agent-%d" % rnd.randint(1, 80))
        status = rnd.choices(["solved", "closed", "open", "pending"], [5, 3, 1, 1])[0]
        rec = {"kind": "conversation", "id": cid, "channel": channel, "customer": {"id": customer},
               "started": messages[0]["ts"], "ended": messages[-1]["ts"], "message_count": len(messages),
               "messages": messages, "status": status, "tags": [tag]}
        if routed:          # cs-route ran on it (and on its repeats)
            rec["route"] = {"intent": intent, "confidence": round(rnd.uniform(0.6, 0.99), 2)}
        if shop.chance("sentiment"):
            s0 = round(rnd.uniform(-0.6, 0.4), 2)
            s1 = round(max(-1.0, min(1.0, s0 + rnd.uniform(-0.7, 0.6))), 2)
            trajectory = "worsening" if s1 < s0 - 0.2 else "improving" if s1 > s0 + 0.2 else "flat"
            rec["qa"] = {"sentiment": {"customer": {"start": s0, "end": s1, "min": min(s0, s1),
                                                    "mean": round((s0 + s1) / 2, 2), "trajectory": trajectory}}}
            shop.plant("sentiment_" + trajectory)
        shop.out.push(start, rec)
        shop.plant("conversation")
        if repeat_of:
            shop.plant("repeat_contact")
        ticket = None
        if channel != "chat" or shop.chance("ticket"):
            ticket = self.ticket(cid, customer, tag, channel, start, t, status, repeat_of)
        if shop.chance("survey"):
            self.survey_after(customer, cid, t + rnd.randint(5, 120) * 60000)
        if not repeat_of and shop.chance("repeat"):
            # the same issue again: most within the 7 days, some later
            hours = rnd.choice([1, 2, 4, 8, 24, 72, 144, 216])
            self.conversation(customer, intent, t + int(hours * 3600000 * rnd.uniform(0.5, 1.0)), repeat_of=ticket or cid,
                              routed=routed)
        if intent in ("refund_request", "return_item") and rnd.random() < 0.3:
            self.refund(customer, t + rnd.randint(10, 600) * 60000, "refund" if intent == "refund_request" else "return")
        shop.forced = forced

    def survey_after(self, customer, cid, ms):
        shop, rnd = self.shop, self.rnd
        metric = rnd.choice(["csat", "ces"])
        score = (rnd.choices([1, 2, 3, 4, 5], [10, 8, 12, 30, 40])[0] if metric == "csat"
                 else rnd.choices(range(1, 8), [8, 6, 8, 12, 20, 23, 23])[0])
        shop.event_seq += 1
        shop.out.push(ms, {"kind": "event", "id": "e-%d" % shop.event_seq, "ts": shop.clock.ms(ms),
                           "customer": {"id": customer}, "type": "survey", "name": "post-contact",
                           "props": {"conversation_id": cid}, "survey": {"metric": metric, "score": score}})
        shop.plant("survey_" + metric)

    def ticket(self, cid, customer, tag, channel, created, last, status, repeat_of):
        shop, rnd, clock = self.shop, self.rnd, self.shop.clock
        shop.ticket_seq += 1
        tid = "T-%06d" % shop.ticket_seq
        group = rnd.choice(GROUPS)
        history = [{"ts": clock.s(created + 60000), "actor": "agent-%d" % rnd.randint(1, 80),
                    "action": "status", "from": "new", "to": "open"}]
        if shop.chance("regroup"):
            other = rnd.choice([g for g in GROUPS if g != group])
            history.append({"ts": clock.s(created + 120000), "actor": "agent-%d" % rnd.randint(1, 80),
                            "action": "group", "from": group, "to": other})
            group = other
            shop.plant("ticket_regrouped")
        updated = max(last, created + 180000)
        if status in ("solved", "closed"):
            history.append({"ts": clock.s(updated), "actor": "agent-%d" % rnd.randint(1, 80),
                            "action": "status", "from": "open", "to": "solved"})
            if shop.chance("reopen"):
                updated += rnd.randint(1, 48) * 3600000
                history.append({"ts": clock.s(updated), "actor": "customer", "action": "status",
                                "from": "solved", "to": "open"})
                status = "open"
                shop.plant("ticket_reopened")
        rec = {"kind": "ticket", "id": tid, "conversation_id": cid, "customer": {"id": customer},
               "subject": INTENTS[[k for k, v in INTENTS.items() if v[0] == tag][0]][1][:48],
               "status": status, "priority": rnd.choices(["low", "normal", "high", "urgent"], [2, 6, 2, 1])[0],
               "group": group, "channel": channel, "tags": [tag], "created": clock.s(created),
               "updated": clock.s(updated), "history": history}
        if repeat_of and repeat_of.startswith("T-") and rnd.random() < 0.5:
            rec["follow_up_of"] = repeat_of
        shop.out.push(created, rec)
        shop.plant("ticket")
        if shop.chance("breach"):
            target = 4 * 3600
            elapsed = target + rnd.randint(60, 4 * 3600)
            due = created + target * 1000
            shop.out.push(due, {"kind": "alert", "id": "%s:first_response:breach:%d" % (tid, due),
                                "ts": clock.s(due), "source": "cs-ticket", "type": "ticket.sla_breach",
                                "severity": "critical", "customer": {"id": customer}, "ticket": tid,
                                "conversation_id": cid, "metric": "first_response", "policy": "standard",
                                "target_s": target, "elapsed_s": elapsed,
                                "reason": "first_response missed its target: %d of %d business seconds used"
                                % (elapsed, target)})
            shop.plant("sla_breach")
        return tid


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--mb", type=float, default=220, help="stop after SIZE million bytes (default 220)")
    p.add_argument("--customers", type=int, default=20000, help="customers in the shop (default 20000)")
    p.add_argument("--sessions-per-hour", type=int, default=2400,
                   help="sessions starting an hour, steadily (default 2400)")
    p.add_argument("--seed", type=int, help="the random seed (default 2026; with --small, %d)" % SMALL_SEED)
    p.add_argument("--small", action="store_true", help="a small sample with every pattern, for examples/")
    p.add_argument("-o", "--output", default="-", help="the file to write (default stdout)")
    args = p.parse_args()
    if args.small:
        args.mb, args.customers, args.sessions_per_hour = 0.025, 6, 20
    if args.seed is None:
        args.seed = SMALL_SEED if args.small else 2026
    if args.mb <= 0 or args.customers <= 0 or args.sessions_per_hour <= 0:
        p.error("--mb, --customers and --sessions-per-hour must be positive")
    return args


def main():
    args = parse_args()
    shop = Shop(args, SMALL_ODDS if args.small else ODDS)
    contacts = Contacts(shop)
    target = int(args.mb * 1e6)
    mean_gap_ms = 3600000 / args.sessions_per_hour
    f = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    out = shop.out = Output(f)
    t = START_MS
    sessions = 0
    while out.bytes < target:
        t += max(1, int(shop.rnd.expovariate(1 / mean_gap_ms)))
        out.flush_before(t)
        session = Session(shop, t)
        session.run()
        for ms, rec in session.events:
            out.push(ms, rec)
        sessions += 1
        contacts.after(session)
    if args.small:
        out.flush_before(float("inf"))      # a sample: the contacts that follow too
    # else the export ends here: what would come later is not in it
    if f is not sys.stdout:
        f.close()
    # "made" counts what the generator made, including what fell after the cut
    summary = {"bytes": out.bytes, "lines": out.lines, "sessions_started": sessions,
               "from": shop.clock.s(START_MS), "to": shop.clock.s(t), "made": dict(sorted(shop.planted.items()))}
    sys.stderr.write(json.dumps(summary) + "\n")
    missing = [name for name in SAMPLE_HAS if name not in shop.planted] if args.small else []
    if missing:
        sys.stderr.write("signals-gen: the sample lacks %s: try another --seed\n" % ", ".join(missing))


if __name__ == "__main__":
    main()
