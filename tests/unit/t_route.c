/* t_route: cs-route's policy reader and conditions (eng_route_policy.c),
 * business hours, asks for a person and rules (eng_route_match.c), and the
 * roster: fitting agents, the selection modes, queues (eng_route_agents.c). */
#include "eng_route_agents.h"
#include "eng_route_match.h"
#include "eng_route_policy.h"
#include "svc_text.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

/* A call that must fail, with err saying want; err.p is read after the call. */
#define refused(call, want, ...) do { int r_ = !(call); ok(r_ && strstr(err.p ? err.p : "", want), __VA_ARGS__); } while (0)

static route_policy *policy(const char *text, cs_buf *err)
{
	cs_buf_reset(err);
	return route_policy_load_mem("p.json", text, strlen(text), err);
}

static void policy_errors(void)
{
	cs_buf err = CS_BUF_INIT;
	route_policy *p = policy("{}", &err);
	ok(p && p->threshold == 0.3 && p->ndefaults == 1 && strcmp(p->defaults[0].queue, "general") == 0,
	   "an empty policy has the defaults");
	route_policy_free(p);
	ok(!policy("{\n \"filters\": [],\n \"fallbak\": {}\n}", &err), "an unknown key is refused");
	is_str(err.p, "p.json:3: unknown key \"fallbak\" in the policy", "with its line");
	refused(policy("{\"fallback\": {\"threshold\": 2}}", &err), "from 0 to 1", "%s", err.p);
	refused(policy("{\"filters\": [{\"when\": {}}]}", &err), "no \"targets\"", "%s", err.p);
	refused(policy("{\"default_targets\": [{\"priority\": 1}]}", &err), "needs a \"queue\"", "%s", err.p);
	refused(policy("{\"default_targets\": [{\"queue\": \"q\", \"skip_if\": \"busy\"}]}", &err), "only be \"no_agent\"", "%s", err.p);
	refused(policy("{\"default_targets\": [{\"queue\": \"q\", \"skills\": {\"x\": 6}}]}", &err), "from 0 to 5", "%s", err.p);
	refused(policy("{\"business_hours\": {\"open\": \"9am\"}}", &err), "HH:MM", "%s", err.p);
	refused(policy("{\"business_hours\": {\"open\": \"18:00\", \"close\": \"09:00\"}}", &err), "after \"open\"", "%s", err.p);
	refused(policy("{\"version\": 2}", &err), "version 1", "%s", err.p);
	ok(!policy("{\"selection\": \"random\"}", &err), "an unknown selection mode");
	refused(policy("{\"filters\": [{\"targets\": [{\"queue\": \"q\"}], \"when\": {\"intent\": {\"like\": \"x\"}}}]}", &err), "unknown key \"like\"", "%s", err.p);
	refused(policy("[1]", &err), "must be an object", "%s", err.p);
	refused(policy("{\"bot\": ", &err), "not valid JSON", "%s", err.p);
	cs_buf_free(&err);
}

static int holds(const char *when, const struct route_facts *f)
{
	cs_buf err = CS_BUF_INIT, scratch = CS_BUF_INIT;
	char text[1024];
	snprintf(text, sizeof text, "{\"filters\": [{\"when\": %s, \"targets\": [{\"queue\": \"q\"}]}]}", when);
	route_policy *p = policy(text, &err);
	int r = p ? route_cond_holds(&p->filters[0].when, f, &scratch) : -1;
	if (!p)
		printf("# %s\n", err.p);
	route_policy_free(p);
	cs_buf_free(&err);
	cs_buf_free(&scratch);
	return r;
}

static void conditions(void)
{
	const char *record = "{\"tags\":[\"a\"],\"score\":7,\"customer\":{\"tier\":\"gold\"},\"flag\":null}";
	const char *emotions[] = {"anger"};
	cs_obj members = {0};
	cs_jerr je;
	cs_json_object(record, strlen(record), 0, &members, &je);
	struct route_facts f = {.intent = "refund", .tier = "human", .channel = "chat", .confidence = 0.72,
				.sentiment = -0.4, .has_sentiment = 1, .vip = 1, .business_hours = 0, .emotions = emotions, .nemotions = 1,
				.record = &members};
	is_int(holds("{\"intent\": \"refund\"}", &f), 1, "equality");
	is_int(holds("{\"intent\": [\"billing\", \"refund\"]}", &f), 1, "a list is membership");
	is_int(holds("{\"intent\": {\"not_in\": [\"refund\"]}}", &f), 0, "not_in");
	is_int(holds("{\"intent\": {\"ne\": \"billing\"}, \"channel\": \"chat\"}", &f), 1, "every member must hold");
	is_int(holds("{\"confidence\": {\"ge\": 0.7, \"lt\": 0.8}}", &f), 1, "a range");
	is_int(holds("{\"confidence\": {\"gt\": 0.72}}", &f), 0, "gt is strict");
	is_int(holds("{\"sentiment\": {\"le\": -0.4}}", &f), 1, "le is not");
	is_int(holds("{\"vip\": true, \"business_hours\": false}", &f), 1, "true and false");
	is_int(holds("{\"emotions\": \"anger\"}", &f), 1, "an emotion shown");
	is_int(holds("{\"emotions\": {\"not_in\": [\"anger\", \"anxiety\"]}}", &f), 0, "an emotion shown is not absent");
	is_int(holds("{\"customer.tier\": \"gold\"}", &f), 0, "customer.tier is the fact, not the record's path");
	is_int(holds("{\"score\": {\"ge\": 7}, \"tags\": {\"exists\": true}}", &f), 1, "record paths: a number, an array");
	is_int(holds("{\"flag\": {\"exists\": true}}", &f), 0, "null does not exist");
	is_int(holds("{\"missing\": {\"exists\": false}, \"missing2\": {\"ne\": \"x\"}}", &f), 1, "a missing path: ne holds");
	is_int(holds("{\"missing\": {\"lt\": 3}}", &f), 0, "a missing path: a comparison fails");
	is_int(holds("{\"any\": [{\"intent\": \"billing\"}, {\"channel\": \"chat\"}]}", &f), 1, "any: one holds");
	is_int(holds("{\"any\": [{\"intent\": \"billing\"}, {\"channel\": \"phone\"}]}", &f), 0, "any: none holds");
	is_int(holds("{\"not\": {\"channel\": \"chat\"}}", &f), 0, "not");
	is_int(holds("{\"language\": \"en\"}", &f), 0, "a fact that is not there is not equal");
	struct route_facts blank = {.channel = "email", .record = &members};   /* no text, no intent */
	is_int(holds("{\"sentiment\": {\"lt\": 0.05}}", &blank), 0, "no sentiment: no number, not even 0");
	is_int(holds("{\"sentiment\": {\"exists\": false, \"ne\": 0}}", &blank), 1, "no sentiment: exists false, ne");
	is_int(holds("{\"confidence\": {\"lt\": 0.5}}", &blank), 0, "no intent: no confidence to compare");
	cs_obj_free(&members);
}

static void hours(void)
{
	cs_buf err = CS_BUF_INIT;
	route_policy *p = policy("{\"business_hours\": {\"utc_offset\": \"+08:00\", \"days\": [\"mon\", \"sat\"],"
				 " \"open\": \"09:00\", \"close\": \"18:00\", \"holidays\": [\"2026-03-09\"]}}", &err);
	const struct route_hours *h = &p->hours;
	/* 2026-03-02 is a Monday; 01:00Z is 09:00 at +08:00 */
	is_int(route_in_hours(h, 1772413200000), 1, "Monday 09:00 local: open");
	is_int(route_in_hours(h, 1772413200000 - 1), 0, "08:59:59.999: closed");
	is_int(route_in_hours(h, 1772413200000 + 9 * 3600000 - 1), 1, "17:59:59.999: open");
	is_int(route_in_hours(h, 1772413200000 + 9 * 3600000), 0, "18:00: closed");
	is_int(route_in_hours(h, 1772413200000 + 86400000), 0, "Tuesday is not a day listed");
	is_int(route_in_hours(h, 1772413200000 + 5 * 86400000), 1, "Saturday is");
	is_int(route_in_hours(h, 1772413200000 + 7 * 86400000), 0, "a holiday Monday: closed");
	is_int(route_in_hours(h, 1772413200000 - 2 * 3600000 + 14 * 86400000), 0, "07:00 local, a Monday: closed");
	route_policy_free(p);
	p = policy("{}", &err);
	is_int(route_in_hours(&p->hours, 0), 1, "no business hours: always open");
	route_policy_free(p);
	cs_buf_free(&err);
}

struct also_hits {
	size_t n;
	cs_phrase_hit h[16];
};

static int keep_also(void *ctx, const cs_phrase_hit *h)
{
	struct also_hits *a = ctx;
	if (a->n < 16)
		a->h[a->n++] = *h;
	return 0;
}

/* Does text ask for a person? route_asks_find, and route_asks_find_also
 * with other phrases in the same pass must say the same (and find the other
 * phrases as a scan of their own does), else -1. */
static int asks(const route_asks *a, const char *text)
{
	static cs_phrases *also;
	if (!also) {
		also = cs_phrases_new();
		cs_phrases_add(also, "please", 6, 0);
		cs_phrases_add(also, "工", 3, 1);
		cs_phrases_build(also);
	}
	cs_buf n = CS_BUF_INIT;
	cs_norm_phrase(text, strlen(text), &n);
	size_t s, e, s2 = 0, e2 = 0;
	struct also_hits alone = {0}, with = {0};
	int r = route_asks_find(a, n.p, n.len, &s, &e);
	unsigned limited;
	int r2 = route_asks_find_also(a, n.p, n.len, &s2, &e2, &limited, also, keep_also, &with);
	cs_phrases_scan(also, n.p, n.len, keep_also, &alone);
	cs_buf_free(&n);
	int same = r == r2 && (!r || (s == s2 && e == e2)) && alone.n == with.n &&
		   memcmp(alone.h, with.h, alone.n * sizeof *alone.h) == 0;
	return same ? r : -1;
}

static void asking(void)
{
	const char *file = "# asks\n人工\nnot:人工智能\nhuman please\nre:\\bspeak\\s+to\\s+(?:a|an)\\s+(?:agent|human)\\b\n";
	cs_buf err = CS_BUF_INIT;
	route_asks *a = route_asks_load_mem("asks.txt", file, strlen(file), &err);
	ok(a != NULL, "the phrase file loads");
	is_int(asks(a, "转人工"), 1, "a phrase inside Chinese text");
	is_int(asks(a, "人工智能客服"), 0, "inside a not: phrase, no ask");
	is_int(asks(a, "人工智能不行，我要人工"), 1, "a second, real ask after a not: phrase");
	is_int(asks(a, "HUMAN PLEASE!"), 1, "folded case");
	is_int(asks(a, "nonhuman pleasent"), 0, "English phrases match as words");
	is_int(asks(a, "can I speak to an agent"), 1, "a pattern");
	route_asks_free(a);
	/* not:re: cancels the phrase asks and pattern matches it overlaps, and only those */
	file = "real person\nre:\\bspeak\\s+to\\s+(?:a|an)\\s+(?:agent|human)\\b\n"
	       "not:re:\\bare\\s+you\\s+(?:a\\s+)?real\\b\nnot:re:\\bdo\\s+i\\s+need\\s+to\\s+speak\\b\n";
	a = route_asks_load_mem("asks.txt", file, strlen(file), &err);
	is_int(asks(a, "are you a real person?"), 0, "a not:re: match over a phrase ask");
	is_int(asks(a, "do I need to speak to an agent to change my pin"), 0, "a not:re: match over a pattern's");
	is_int(asks(a, "are you a real person? let me speak to a human"), 1, "an ask it does not overlap");
	is_int(asks(a, "are you a real person? a real person please"), 1, "a phrase ask again, past it");
	route_asks_free(a);
	refused(route_asks_load_mem("asks.txt", "ok\nnot:re:(\n", 12, &err), "asks.txt:2:", "a bad not:re: pattern: %s",
		err.p);
	cs_buf_reset(&err);
	refused(route_asks_load_mem("asks.txt", "not:re:Are\n", 11, &err), "asks.txt:1: 'A'",
		"a not:re: pattern with a capital: %s", err.p);
	cs_buf_reset(&err);
	refused(route_asks_load_mem("asks.txt", "ok\nre:(\n", 8, &err), "asks.txt:2:", "a bad pattern: %s",
	   err.p);
	cs_buf_free(&err);
}

static void rules(void)
{
	const char *file = "{\"rules\": [{\"intent\": \"low\", \"pattern\": \"refund\"},"
			   " {\"name\": \"hi\", \"intent\": \"high\", \"pattern\": \"refund now\", \"priority\": 5},"
			   " {\"intent\": \"low2\", \"pattern\": \"refund\", \"confidence\": 0.5}]}";
	cs_buf err = CS_BUF_INIT;
	route_rules *r = route_rules_load_mem("r.json", file, strlen(file), &err);
	struct route_rule_hit hit;
	ok(r && route_rules_count(r) == 3, "three rules");
	ok(route_rules_find(r, "refund now", 10, &hit) && strcmp(hit.intent, "high") == 0, "the highest priority wins");
	ok(route_rules_find(r, "a refund", 8, &hit) && strcmp(hit.intent, "low") == 0 && hit.confidence == 1,
	   "equal priorities: the first listed");
	ok(!route_rules_find(r, "hello", 5, &hit), "no match");
	route_rules_free(r);
	/* the rules' literals found in one pass: a rule without literals is always tried, in its place */
	file = "{\"rules\": [{\"intent\": \"card\", \"pattern\": \"lost (?:my )?card\", \"priority\": 3},"
	       " {\"intent\": \"any\", \"pattern\": \"(?i)ACCOUNT\", \"priority\": 2},"
	       " {\"intent\": \"refund\", \"pattern\": \"refund|money back\", \"priority\": 1}]}";
	r = route_rules_load_mem("r.json", file, strlen(file), &err);
	ok(r && route_rules_find(r, "i want my money back", 20, &hit) && strcmp(hit.intent, "refund") == 0 &&
		   hit.start == 10 && hit.end == 20,
	   "a rule found by its literal, with its match");
	ok(route_rules_find(r, "account: lost my card", 21, &hit) && strcmp(hit.intent, "card") == 0,
	   "of two that match, the higher priority");
	ok(route_rules_find(r, "my account, a refund", 20, &hit) && strcmp(hit.intent, "any") == 0,
	   "a rule without literals in its place");
	ok(route_rules_find(r, "lost card number", 16, &hit) && strcmp(hit.intent, "card") == 0 && hit.end == 9,
	   "the first rule's literal and match");
	ok(!route_rules_find(r, "lost the card", 13, &hit), "a literal without a match is no match");
	route_rules_free(r);
	const char *no_pattern = "{\"rules\": [{\"intent\": \"x\"}]}";
	const char *bad_pattern = "{\"rules\": [{\"intent\": \"x\", \"pattern\": \"(\"}]}";
	refused(route_rules_load_mem("r.json", no_pattern, strlen(no_pattern), &err), "needs", "%s", err.p);
	refused(route_rules_load_mem("r.json", bad_pattern, strlen(bad_pattern), &err), "does not compile",
	   "%s", err.p);
	cs_buf_free(&err);
}

static void agent(route_roster *r, const char *json)
{
	cs_buf err = CS_BUF_INIT;
	if (route_roster_apply(r, cs_jval_of(json, strlen(json)), &err) != 0)
		printf("# %s\n", err.p);
	cs_buf_free(&err);
}

static const char *pick(route_roster *r, const struct route_target *t, enum route_select mode, const char *channel,
			int cost, int64_t now)
{
	long i = route_roster_pick(r, t, mode, channel, cost, NULL);
	if (i < 0)
		return "-";
	route_roster_assign(r, (size_t)i, t->queue, channel, cost, now);
	return route_roster_agent(r, (size_t)i)->id;
}

static void roster(void)
{
	route_roster *r = route_roster_new();
	agent(r, "{\"id\":\"a\",\"skills\":{\"x\":2},\"channels\":{\"chat\":1,\"phone\":1},\"capacity\":3}");
	agent(r, "{\"id\":\"b\",\"skills\":{\"x\":4},\"channels\":{\"chat\":2},\"queues\":[\"q\"]}");
	agent(r, "{\"id\":\"c\",\"channels\":{\"chat\":1},\"status\":\"away\"}");
	struct route_target t = {.queue = "q", .select = -1};
	is_str(pick(r, &t, RS_ROUND_ROBIN, "chat", 1, 10), "a", "round robin starts with the first");
	is_str(pick(r, &t, RS_ROUND_ROBIN, "chat", 1, 20), "b", "then the next");
	is_str(pick(r, &t, RS_ROUND_ROBIN, "chat", 1, 30), "b", "a's chat is full: b again");
	is_str(pick(r, &t, RS_ROUND_ROBIN, "chat", 1, 40), "-", "everyone full; c is away");
	struct route_target other = {.queue = "z", .select = -1};
	is_str(pick(r, &other, RS_LONGEST_IDLE, "phone", 3, 50), "-", "a holds a chat (1 unit): a call's 3 do not fit in 3");
	agent(r, "{\"id\":\"a\",\"load\":{\"chat\":0}}");
	is_str(pick(r, &other, RS_LONGEST_IDLE, "phone", 3, 60), "a", "the chat done, only a serves z (no queues: all)");
	cs_buf why = CS_BUF_INIT;
	ok(route_roster_pick(r, &other, RS_LONGEST_IDLE, "email", 1, &why) < 0, "nobody works email");
	is_str(why.p, "no agent free in z: 1 not available, 1 not on the channel", "why, counted");
	agent(r, "{\"id\":\"a\",\"load\":{\"chat\":0,\"phone\":0}}");
	agent(r, "{\"id\":\"b\",\"load\":{}}");
	struct route_skill need = {"x", 3};
	struct route_target skilled = {.queue = "q", .skills = &need, .nskills = 1, .select = -1};
	is_str(pick(r, &skilled, RS_LONGEST_IDLE, "chat", 1, 70), "b", "only b has x at 3");
	need.min_level = 1;
	is_str(pick(r, &skilled, RS_BEST_SKILL, "chat", 1, 80), "b", "best skill: b (4) over a (2)");
	is_str(pick(r, &skilled, RS_LEAST_LOADED, "chat", 1, 90), "a", "least loaded: a (0 of 1) over b (2 of 2 full)");
	route_roster_free(r);
	cs_buf_free(&why);
}

static void queues(void)
{
	route_roster *r = route_roster_new();
	struct route_wait w = {.conversation_id = "c1", .filter = "f", .channel = "chat", .target = 0,
			       .widen_at = 500, .seq = 1};
	is_int(route_roster_enqueue(r, &w), 1, "first in its queue");
	w.conversation_id = "c2";
	w.seq = 2;
	w.widen_at = 300;
	is_int(route_roster_enqueue(r, &w), 2, "second");
	w.conversation_id = "c3";
	w.seq = 3;
	w.priority = 5;
	is_int(route_roster_enqueue(r, &w), 1, "a higher priority goes ahead");
	w.conversation_id = "c4";
	w.seq = 4;
	w.target = 1;
	w.widen_at = INT64_MAX;
	is_int(route_roster_enqueue(r, &w), 1, "another target is another queue");
	is_int(route_roster_waiting(r), 4, "four wait");
	is_int(route_roster_nqueues(r), 2, "in two queues");
	is_int(route_roster_next_widen(r), 300, "the earliest to widen");
	route_roster_unqueue(r, 0, 0);
	is_str(route_roster_queue(r, 0)->items[0].conversation_id, "c1", "after c3 leaves, c1 leads");
	route_roster_free(r);
}

/* The id of the next waiting conversation ended by now, taken out; "-" none. */
static const char *ended(route_roster *r, int64_t now, char *id, size_t size)
{
	size_t q, i;
	if (!route_roster_ended(r, now, &q, &i))
		return "-";
	snprintf(id, size, "%s", route_roster_queue(r, q)->items[i].conversation_id);
	route_roster_unqueue(r, q, i);
	return id;
}

static void ends(void)
{
	route_roster *r = route_roster_new();
	struct route_wait w = {.conversation_id = "a", .filter = "", .channel = "chat", .widen_at = INT64_MAX,
			       .seq = 1, .ends_at = 500};
	char id[8];
	route_roster_enqueue(r, &w);
	w = (struct route_wait){.conversation_id = "b", .filter = "", .widen_at = INT64_MAX, .seq = 2, .ends_at = 300};
	route_roster_enqueue(r, &w);
	w = (struct route_wait){.conversation_id = "c", .filter = "", .widen_at = INT64_MAX, .seq = 3, .ends_at = INT64_MAX};
	route_roster_enqueue(r, &w);
	w = (struct route_wait){.conversation_id = "d", .filter = "", .widen_at = INT64_MAX, .seq = 4, .ends_at = 300,
				.priority = 5};
	route_roster_enqueue(r, &w);
	is_int(route_roster_next_end(r), 300, "the earliest end");
	is_str(ended(r, 299, id, sizeof id), "-", "none ended before 300");
	ok(route_roster_abandon(r, "b"), "b leaves by its record");
	is_str(ended(r, 1000, id, sizeof id), "d", "d, found ahead of a by its priority");
	is_str(ended(r, 1000, id, sizeof id), "a", "then a; b had left, c has no end");
	is_str(ended(r, 1000, id, sizeof id), "-", "no more");
	is_int(route_roster_next_end(r), INT64_MAX, "no end known");
	is_int(route_roster_waiting(r), 1, "c waits");
	route_roster_free(r);
}

/* Agents are found by id in constant work (a linear search made reading
 * an agents file quadratic: 100,000 agents took 21 s), and keep their
 * order: updates in place, round robin in file order. */
static void agents_by_id(void)
{
	enum { N = 5000 };
	route_roster *r = route_roster_new();
	char json[128];
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < N; i++) {
			snprintf(json, sizeof json, "{\"id\":\"ag%d\",\"channels\":{\"chat\":1}%s}", i,
				 pass ? ",\"status\":\"away\"" : "");
			agent(r, json);
		}
	agent(r, "{\"id\":\"ag7\",\"status\":\"available\"}");
	agent(r, "{\"id\":\"ag3\",\"status\":\"available\"}");
	is_int(route_roster_count(r), N, "each agent once");
	is_str(route_roster_agent(r, N - 1)->id, "ag4999", "in the order they came");
	is_str(route_roster_agent(r, 3)->status, "available", "an update changes its agent");
	struct route_target t = {.queue = "q", .select = -1};
	is_str(pick(r, &t, RS_ROUND_ROBIN, "chat", 1, 10), "ag3", "round robin in file order");
	route_roster_hold(r, "c1", 3, "chat", 1, 100);
	agent(r, "{\"id\":\"ag3\",\"channels\":{\"chat\":2}}");
	is_str(pick(r, &t, RS_ROUND_ROBIN, "chat", 1, 20), "ag7", "then the next after ag3");
	is_int(route_roster_release_due(r, 100), 1, "a hold released");
	is_int(route_roster_agent(r, 3)->channels[0].load, 0, "its agent unloaded");
	uint64_t work = route_roster_id_work(r);
	ok(work <= 2 * N + 16, "%d agents read twice, a release, round robin: %llu agents compared with an id", N,
	   (unsigned long long)work);
	route_roster_free(r);
}

int main(void)
{
	policy_errors();
	conditions();
	hours();
	asking();
	rules();
	roster();
	queues();
	ends();
	agents_by_id();
	return tap_done();
}
