/* t_qa: cs-qa's scorecard reader (eng_qa_card.c) and condition checker (eng_qa_eval.c). */
#include "eng_qa_card.h"
#include "eng_qa_eval.h"
#include "svc_sentiment.h"
#include "tap.h"
#include <math.h>
#include <string.h>

static qa_card *load(const char *json, cs_buf *err)
{
	cs_buf_reset(err);
	return qa_card_load_mem("t.json", json, strlen(json), err);
}

static void add(qa_conv *c, const char *id, unsigned role, int64_t ts, const char *text)
{
	struct qa_msg_in in = {id, "", text, strlen(id), 0, strlen(text), role, ts, QA_NO_TIME, QA_NO_TIME, 0};
	qa_conv_add(c, &in);
}

static const struct qa_rule *rule(const qa_card *card, const char *id)
{
	for (size_t i = 0; i < card->nrules; i++)
		if (strcmp(card->rules[i].id, id) == 0)
			return &card->rules[i];
	return NULL;
}

static void test_lists(void)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = load("{\"phrases\": {\"a\": [\"Hi\", \"ＨＩ\", \"hello\"], \"b\": [\"@a\", \"bye\"]},"
			     " \"rules\": {\"r1\": {\"any\": \"@a\"}, \"r2\": {\"any\": \"@a\"}, \"r3\": {\"any\": \"@b\"}},"
			     " \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": \"r1\"}]}", &err);
	ok(card != NULL, "a card with phrase lists loads");
	if (!card)
		return;
	const struct qa_rule *r1 = rule(card, "r1"), *r2 = rule(card, "r2"), *r3 = rule(card, "r3");
	ok(r1->cond->text.any == r2->cond->text.any, "two rules naming one list share it");
	ok(card->lists[r1->cond->text.any].size == 2, "phrases equal after normalization (Hi, ＨＩ) are one");
	ok(card->lists[r3->cond->text.any].size == 3, "a list includes another by @name");
	ok(cs_phrases_count(card->phrases) == 5, "the matcher holds each list's phrases");
	ok(strcmp(card->name, "unnamed") == 0 && card->nitems == 1, "a card without a name is unnamed");
	qa_card_free(card);
	cs_buf_free(&err);
}

/* A long list: each phrase is checked against those before it in a hash
 * set, not one by one; duplicates (after normalization) still count once,
 * the first in place. */
static void test_long_list(void)
{
	enum { N = 20000 };
	cs_buf json = CS_BUF_INIT, err = CS_BUF_INIT;
	cs_buf_adds(&json, "{\"phrases\": {\"big\": [");
	for (int i = 0; i < N; i++) {
		char p[64];
		snprintf(p, sizeof p, "%s\"%s%dword\"", i ? ", " : "", i % 10 == 9 ? "PHRASE" : "phrase", i % 10 == 9 ? i - 9 : i);
		cs_buf_adds(&json, p);
	}
	cs_buf_adds(&json, "]}, \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"any\": \"@big\"}}]}");
	cs_buf_add(&json, "", 1);
	qa_card *card = load(json.p, &err);
	ok(card != NULL, "a list of 20,000 phrases loads");
	if (!card)
		return;
	is_int(card->lists[card->items[0].pass->text.any].size, N / 10 * 9, "one in ten repeats an earlier one: 18,000 phrases");
	ok(card->phrase_checks <= 2 * (uint64_t)N, "the duplicate check took %llu steps (one by one: about 180,000,000)",
	   (unsigned long long)card->phrase_checks);
	ok(card->phrase_pos[0] == 0 && card->phrase_pos[8] == 8 && card->phrase_pos[9] == 9 &&
		   card->phrase_pos[N / 10 * 9 - 1] == N / 10 * 9 - 1,
	   "the phrases keep their order, a repeat takes no place");
	qa_card_free(card);
	cs_buf_free(&json);
	cs_buf_free(&err);
}

/* Lists l1..l(n-1), each including the one below (twice when twice is set)
 * and a phrase of its own; l0 is one phrase; the item uses the top one. */
static qa_card *chain(int n, int twice, cs_buf *err)
{
	cs_buf json = CS_BUF_INIT;
	cs_buf_adds(&json, "{\"phrases\": {\"l0\": [\"w0\"]");
	for (int i = 1; i < n; i++) {
		char p[96];
		if (twice)
			snprintf(p, sizeof p, ", \"l%d\": [\"@l%d\", \"@l%d\", \"w%d\"]", i, i - 1, i - 1, i);
		else
			snprintf(p, sizeof p, ", \"l%d\": [\"@l%d\", \"w%d\"]", i, i - 1, i);
		cs_buf_adds(&json, p);
	}
	char tail[128];
	snprintf(tail, sizeof tail, "}, \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"any\": \"@l%d\"}}]}", n - 1);
	cs_buf_adds(&json, tail);
	cs_buf_add(&json, "", 1);
	qa_card *card = load(json.p, err);
	cs_buf_free(&json);
	return card;
}

static size_t top_size(const qa_card *card) { return card->lists[card->items[0].pass->text.any].size; }

/* Nesting: any depth up to QA_MAX_NESTING, loops found as loops. */
static void test_nesting(void)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = chain(11, 0, &err);
	ok(card && top_size(card) == 11, "11 lists in a chain are no loop");
	qa_card_free(card);
	card = chain(QA_MAX_NESTING + 1, 0, &err);
	ok(card && top_size(card) == QA_MAX_NESTING + 1, "a list may include lists %d deep", QA_MAX_NESTING);
	qa_card_free(card);
	ok(!chain(QA_MAX_NESTING + 2, 0, &err) && strstr(err.p, "nest more than 100 deep (here \"@l0\")"),
	   "one deeper is an error that says so");
	card = chain(40, 1, &err);
	ok(card && top_size(card) == 40, "lists 40 deep, each including the one below twice, load");
	ok(card && card->phrase_checks == 40, "each list is added once: %llu phrases checked (2^40 otherwise)",
	   card ? (unsigned long long)card->phrase_checks : 0ULL);
	qa_card_free(card);
	ok(!load("{\"phrases\": {\"a\": [\"@b\"], \"b\": [\"x\", \"@c\"], \"c\": [\"@a\"]}, \"items\": "
		 "[{\"id\": \"x\", \"weight\": 1, \"pass\": {\"any\": [\"y\", \"@a\"]}}]}", &err) &&
		   strstr(err.p, "phrase list \"a\" includes itself"),
	   "a loop of three lists is named by the list met again");
	ok(!load("{\"phrases\": {\"a\": [\"x\", \"@a\"]}, \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"any\": \"@a\"}}]}", &err) &&
		   strstr(err.p, "phrase list \"a\" includes itself"),
	   "so is a list that includes itself");
	cs_buf_free(&err);
}

static void test_errors(void)
{
	cs_buf err = CS_BUF_INIT;
	ok(!load("{\"items\": [\n{\"id\": \"x\", \"weight\": 1,\n \"pass\": {\"rol\": \"agent\"}}]}", &err) &&
		   strstr(err.p, "t.json:3:") && strstr(err.p, "\"rol\""),
	   "an unknown key is named with its line");
	ok(!load("{\"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"at_least\": 3, \"of\": [\"a\", \"b\"]}}]}", &err) &&
		   strstr(err.p, "more than the 2 phrases"),
	   "at_least cannot ask for more phrases than its list has");
	ok(!load("{\"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"within_turns\": 2, \"any\": [\"a\"]}}]}", &err) &&
		   strstr(err.p, "within_turns"),
	   "within_turns needs after");
	ok(!load("{\"phrases\": {\"a\": [\"@b\"], \"b\": [\"@a\"]}, \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": {\"any\": \"@a\"}}]}", &err) &&
		   strstr(err.p, "loop"),
	   "phrase lists that include each other are an error, not a hang");
	ok(!load("[]", &err) && strstr(err.p, "must be an object"), "the top level must be an object");
	ok(!load("", &err) && strstr(err.p, "not valid JSON"), "an empty file is not a scorecard");
	cs_buf_free(&err);
}

static void test_eval(void)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = load("{\"rules\": {"
			     "\"slow\": {\"metric\": \"first_response_s\", \"above\": 60},"
			     "\"hi\": {\"role\": \"agent\", \"any\": [\"hello\"]},"
			     "\"or_unknown\": {\"or\": [\"slow\", \"hi\"]},"
			     "\"and_unknown\": {\"and\": [\"slow\", \"hi\"]},"
			     "\"not_slow\": {\"not\": \"slow\"},"
			     "\"bye_after_hi\": {\"role\": \"agent\", \"any\": [\"bye\"], \"after\": \"hi\"}},"
			     " \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": \"hi\"}]}", &err);
	ok(card != NULL, "a card of rules loads: %s", err.p ? err.p : "");
	if (!card)
		return;
	cs_lexicon *lx = cs_lexicon_new();
	qa_conv c;
	qa_conv_init(&c, card, lx, 3);
	qa_conv_reset(&c, "chat", 4);
	add(&c, "1", QA_ROLE_CUSTOMER, QA_NO_TIME, "help");
	add(&c, "2", QA_ROLE_AGENT, QA_NO_TIME, "bye for now... HELLO again, bye");
	ok(qa_eval(&c, rule(card, "slow")->cond)->val == -1, "a response time without timestamps is unknown");
	ok(qa_eval(&c, rule(card, "or_unknown")->cond)->val == 1, "or: unknown or true is true");
	ok(qa_eval(&c, rule(card, "and_unknown")->cond)->val == -1, "and: unknown and true is unknown");
	ok(qa_eval(&c, rule(card, "not_slow")->cond)->val == -1, "not unknown is unknown");
	const struct qa_result *r = qa_eval(&c, rule(card, "hi")->cond);
	ok(r->val == 1 && r->has_pos && r->pos_msg == 1 && r->ev_count == 1 && c.evs[r->ev_first].s == 15 &&
		   c.evs[r->ev_first].e == 20,
	   "a hit's evidence is its bytes in the original text");
	r = qa_eval(&c, rule(card, "bye_after_hi")->cond);
	ok(r->val == 1 && c.evs[r->ev_first].s == 28, "after: only the passage after the other rule's hit, in the same message too");

	qa_conv_reset(&c, "chat", 4);   /* the memo must not carry over */
	add(&c, "1", QA_ROLE_CUSTOMER, 1000, "help");
	add(&c, "2", QA_ROLE_AGENT, 100000, "hello");
	ok(qa_eval(&c, rule(card, "slow")->cond)->val == 1, "the next conversation is checked afresh (99 s > 60 s)");
	double v;
	uint32_t at;
	ok(qa_metric(&c, QA_M_FIRST_RESPONSE_S, &v, &at) && v == 99 && at == 1, "the metric names the message it was measured at");
	qa_conv_free(&c);
	cs_lexicon_free(lx);
	qa_card_free(card);
	cs_buf_free(&err);
}

/* A pattern's literals are found by the card's one pass; a match is
 * looked for only where one of them is at or after the place searched. */
static void test_regex_literals(void)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = load("{\"phrases\": {\"a\": [\"hello\"]}, \"rules\": {"
			     "\"hi\": {\"role\": \"agent\", \"any\": \"@a\"},"
			     "\"order\": {\"role\": \"agent\", \"regex\": \"order \\\\d+\", \"after\": \"hi\"},"
			     "\"any_order\": {\"role\": \"agent\", \"regex\": [\"(?i)zzz\", \"order \\\\d+\"]}},"
			     " \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": \"order\"}]}", &err);
	ok(card != NULL, "a card with patterns loads: %s", err.p ? err.p : "");
	if (!card)
		return;
	ok(card->nlists_declared == 1 && card->nphrases_declared == 1 && card->nlists == 2,
	   "each distinct pattern with literals adds a list the file does not declare (one without adds none)");
	const struct qa_text *t = &rule(card, "any_order")->cond->text;
	ok(t->regex_lits[0] == -1 && t->regex_lits[1] >= 1, "(?i) has no literals: it is always matched");
	cs_lexicon *lx = cs_lexicon_new();
	qa_conv c;
	qa_conv_init(&c, card, lx, 3);
	qa_conv_reset(&c, "chat", 4);
	add(&c, "1", QA_ROLE_AGENT, QA_NO_TIME, "order 12 then hello, order 34");
	const struct qa_result *r = qa_eval(&c, rule(card, "order")->cond);
	ok(r->val == 1 && r->ev_count == 1 && c.evs[r->ev_first].s == 21,
	   "a match before the bounds is passed over for the next literal after them");
	qa_conv_reset(&c, "chat", 4);
	add(&c, "1", QA_ROLE_AGENT, QA_NO_TIME, "order 12 then hello, order");
	ok(qa_eval(&c, rule(card, "order")->cond)->val == 0, "a literal after the bounds without a match is no match");
	ok(qa_eval(&c, rule(card, "any_order")->cond)->val == 1, "the same pattern unbounded matches");
	qa_conv_free(&c);
	cs_lexicon_free(lx);
	qa_card_free(card);
	cs_buf_free(&err);
}

/* A pattern that several conditions use is compiled once, with one list of
 * its literals: an alert's not_regex is often on each of its branches. */
static void test_shared_patterns(void)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = load("{\"rules\": {"
			     "\"a\": {\"role\": \"agent\", \"regex\": \"order \\\\d+\"},"
			     "\"b\": {\"role\": \"agent\", \"any\": [\"hello\"], \"not_regex\": [\"order \\\\d+\"]},"
			     "\"c\": {\"role\": \"agent\", \"regex\": [\"refund \\\\d+\", \"order \\\\d+\"]}},"
			     " \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": \"a\"}]}", &err);
	ok(card != NULL, "a card with a pattern used three times loads: %s", err.p ? err.p : "");
	if (!card)
		return;
	const struct qa_text *a = &rule(card, "a")->cond->text, *b = &rule(card, "b")->cond->text,
			     *c = &rule(card, "c")->cond->text;
	ok(card->npatterns == 2 && a->regex[0] == b->not_regex[0] && a->regex[0] == c->regex[1] && c->regex[0] != c->regex[1],
	   "two distinct patterns, each compiled once");
	ok(a->regex_lits[0] >= 0 && a->regex_lits[0] == b->not_regex_lits[0] && a->regex_lits[0] == c->regex_lits[1] &&
		   card->nlists == card->nlists_declared + 2,
	   "one list of literals a pattern");
	cs_lexicon *lx = cs_lexicon_new();
	qa_conv conv;
	qa_conv_init(&conv, card, lx, 3);
	qa_conv_reset(&conv, "chat", 4);
	add(&conv, "1", QA_ROLE_AGENT, QA_NO_TIME, "hello, order 12");
	ok(qa_eval(&conv, rule(card, "a")->cond)->val == 1 && qa_eval(&conv, rule(card, "b")->cond)->val == 0 &&
		   qa_eval(&conv, rule(card, "c")->cond)->val == 1,
	   "each condition as on its own");
	qa_conv_free(&conv);
	cs_lexicon_free(lx);
	qa_card_free(card);
	cs_buf_free(&err);
}

/* Conditions with equal scopes share what the scope holds, worked out
 * once a conversation; another conversation works it out again. */
static void test_shared_scopes(void)
{
	cs_buf err = CS_BUF_INIT;
	qa_card *card = load("{\"rules\": {"
			     "\"hi\": {\"role\": \"agent\", \"any\": [\"hello\"]},"
			     "\"bye\": {\"role\": \"agent\", \"any\": [\"bye\"]},"
			     "\"help\": {\"role\": \"customer\", \"any\": [\"help\"]},"
			     "\"bye_after_hi\": {\"role\": \"agent\", \"any\": [\"bye\"], \"after\": \"hi\"}},"
			     " \"items\": [{\"id\": \"x\", \"weight\": 1, \"pass\": \"hi\"}]}", &err);
	ok(card != NULL, "a card of rules loads: %s", err.p ? err.p : "");
	if (!card)
		return;
	const struct qa_cond *hi = rule(card, "hi")->cond, *bye = rule(card, "bye")->cond,
			     *help = rule(card, "help")->cond, *after = rule(card, "bye_after_hi")->cond;
	ok(hi->scope_id == bye->scope_id && help->scope_id != hi->scope_id && after->scope_id != hi->scope_id &&
		   card->nscopes == 3,
	   "equal scopes share an id; another role or an after does not");
	cs_lexicon *lx = cs_lexicon_new();
	qa_conv c;
	qa_conv_init(&c, card, lx, 3);
	qa_conv_reset(&c, "chat", 4);
	add(&c, "1", QA_ROLE_CUSTOMER, QA_NO_TIME, "help, bye");
	add(&c, "2", QA_ROLE_AGENT, QA_NO_TIME, "bye hello");
	ok(qa_eval(&c, hi)->val == 1 && qa_eval(&c, bye)->val == 1 && qa_eval(&c, after)->val == 0 &&
		   qa_eval(&c, help)->val == 1,
	   "each condition as on its own");
	qa_conv_reset(&c, "chat", 4);
	add(&c, "1", QA_ROLE_AGENT, QA_NO_TIME, "hello");
	add(&c, "2", QA_ROLE_CUSTOMER, QA_NO_TIME, "help");
	add(&c, "3", QA_ROLE_AGENT, QA_NO_TIME, "bye");
	ok(qa_eval(&c, bye)->val == 1 && qa_eval(&c, after)->val == 1 && qa_eval(&c, help)->val == 1 &&
		   c.evs[qa_eval(&c, bye)->ev_first].msg == 2,
	   "the next conversation, of more messages, works its scopes out again");
	qa_conv_free(&c);
	cs_lexicon_free(lx);
	qa_card_free(card);
	cs_buf_free(&err);
}

/* Evidence equal field by field is the same whatever its padding holds. */
static void test_same_ev(void)
{
	struct qa_ev a, b;
	memset(&a, 0xAA, sizeof a);
	memset(&b, 0x55, sizeof b);
	a.is_metric = b.is_metric = 0;
	a.msg = b.msg = 3;
	a.s = b.s = 21;
	a.e = b.e = 38;
	a.metric = b.metric = 0;
	a.value = b.value = 0;
	ok(qa_same_ev(&a, &b), "the same passage with different padding is one");
	b.e = 39;
	ok(!qa_same_ev(&a, &b), "another end is another passage");
	b.e = 38;
	a.is_metric = b.is_metric = 1;
	a.value = b.value = NAN;
	ok(qa_same_ev(&a, &b), "two metrics of no value (NaN) are one");
	b.value = 1;
	ok(!qa_same_ev(&a, &b), "a metric of another value is another");
}

int main(void)
{
	test_lists();
	test_long_list();
	test_nesting();
	test_errors();
	test_eval();
	test_same_ev();
	test_regex_literals();
	test_shared_patterns();
	test_shared_scopes();
	return tap_done();
}
