/* eng_qa_card: reading a scorecard file (see eng_qa_card.h, cs-scorecard(5)). */
#include "eng_qa_card.h"
#include "kit_conf.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_mem.h"
#include "svc_sentiment.h"
#include "svc_text.h"
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const metric_names[QA_M_N] = {
	"max_silence_s", "first_response_s", "max_response_s", "interruptions", "max_overlap_s",
	"agent_talk_ratio", "agent_wpm", "agent_cpm", "customer_sentiment_start", "customer_sentiment_end",
	"customer_sentiment_min", "customer_sentiment_mean", "customer_sentiment_trend", "customer_anger",
	"messages", "duration_s",
};

const char *qa_metric_name(enum qa_metric m) { return m < QA_M_N ? metric_names[m] : "?"; }

const char *qa_severity_name(enum qa_severity s)
{
	return s == QA_SEV_CRITICAL ? "critical" : s == QA_SEV_WARNING ? "warning" : "info";
}

/* A named phrase list from "phrases". */
struct named_list {
	char *name;
	int list;                   /* index in card->lists, -1 until first used alone */
	int nested;                 /* "@name" inside another list */
	int open;                   /* being added into the list being built: met again, a loop */
	size_t added;               /* the list build that added it last (L->build) */
	cs_jval val;
};

/* What loading needs beside the card; errors jump out through fail. */
struct loader {
	cs_conf c;
	qa_card *card;
	struct named_list *named;
	size_t nnamed;
	cs_buf phrase;
	cs_obj obj;
	int *rule_state;            /* cycle check: 0 new, 1 on the path, 2 done */
	cs_map seen;                /* the phrases of the list being built */
	size_t build;               /* lists built so far */
	size_t pos_cap;             /* card->phrase_pos's room */
	struct { const char **v; size_t n; } item_ids, alert_ids, section_ids;
};

#define bad(L, ...) cs_conf_bad(&(L)->c, __VA_ARGS__)
#define text_of(L, v, key) cs_conf_text(&(L)->c, v, key)
#define number_of(L, v, key) cs_conf_number(&(L)->c, v, key)
#define int_of(L, v, key, min, max) cs_conf_int(&(L)->c, v, key, min, max)
#define bool_of(L, v, key) cs_conf_bool(&(L)->c, v, key)
#define temp(L, p) cs_conf_temp(&(L)->c, p)
#define members_of(L, v, allowed, what) cs_conf_members_of(&(L)->c, v, allowed, what)
#define member_val cs_conf_val
#define key_is cs_conf_key_is
typedef cs_conf_members members;


/* ---- phrase lists ---- */

static int card_list(qa_card *c)
{
	c->lists = cs_realloc(c->lists, (c->nlists + 1) * sizeof *c->lists);
	c->lists[c->nlists] = (struct qa_list){(uint32_t)c->nlists, 0};
	return (int)c->nlists++;
}

static int new_list(struct loader *L) { return card_list(L->card); }

/* A new list of the literals one of which is in every match of re. */
static int new_literals_list(qa_card *c, const cs_regex *re)
{
	int list = card_list(c);
	size_t first = cs_phrases_count(c->phrases), n = cs_regex_add_literals(re, c->phrases, (uint32_t)list);
	c->phrase_pos = cs_realloc(c->phrase_pos, (first + n) * sizeof *c->phrase_pos);
	for (size_t k = 0; k < n; k++)
		c->phrase_pos[first + k] = c->lists[list].size++;
	return list;
}

/* The list of re's literals, or -1; one list a pattern, however many
 * conditions use it. */
static int literals_list(qa_card *c, const cs_regex *re)
{
	struct qa_pattern *pat = c->patterns;
	while (pat->re != re)
		pat++;
	if (pat->lits == -2)
		pat->lits = cs_regex_literals(re) ? new_literals_list(c, re) : -1;
	return pat->lits;
}

static int same_scope(const struct qa_scope *a, const struct qa_scope *b)
{
	return a->roles == b->roles && a->first_turns == b->first_turns && a->last_turns == b->last_turns &&
	       a->first_s == b->first_s && a->last_s == b->last_s && a->before == b->before && a->after == b->after &&
	       a->within_turns == b->within_turns;
}

/* Text conditions with equal scopes get one scope_id: the evaluator works
 * out which messages a scope holds once a conversation. */
static void number_scopes(qa_card *c)
{
	for (size_t i = 0; i < c->nall; i++) {
		struct qa_cond *cond = c->all_conds[i];
		if (cond->kind != QA_TEXT)
			continue;
		cond->scope_id = c->nscopes;
		for (size_t k = 0; k < i; k++)
			if (c->all_conds[k]->kind == QA_TEXT && same_scope(&c->all_conds[k]->scope, &cond->scope)) {
				cond->scope_id = c->all_conds[k]->scope_id;
				break;
			}
		if (cond->scope_id == c->nscopes)
			c->nscopes++;
	}
}

static int *literals_lists(qa_card *c, cs_regex *const *re, size_t n)
{
	int *lists = cs_malloc((n + 1) * sizeof *lists);
	for (size_t k = 0; k < n; k++)
		lists[k] = literals_list(c, re[k]);
	return lists;
}

/* Every pattern's literals go into the card's matcher too: the one pass over
 * a message finds them for all patterns, where each pattern's own prefilter
 * was a pass of its own. */
static void add_regex_literals(qa_card *c)
{
	c->nlists_declared = c->nlists;
	c->nphrases_declared = cs_phrases_count(c->phrases);
	for (size_t i = 0; i < c->nall; i++) {
		struct qa_text *t = &c->all_conds[i]->text;
		if (c->all_conds[i]->kind != QA_TEXT)
			continue;
		t->regex_lits = literals_lists(c, t->regex, t->nregex);
		t->not_regex_lits = literals_lists(c, t->not_regex, t->nnot_regex);
		t->except_regex_lits = literals_lists(c, t->except_regex, t->nexcept_regex);
	}
}

static struct named_list *find_named(struct loader *L, const char *name, size_t n)
{
	for (size_t i = 0; i < L->nnamed; i++)
		if (strlen(L->named[i].name) == n && memcmp(L->named[i].name, name, n) == 0)
			return &L->named[i];
	return NULL;
}

typedef cs_conf_elements elements;

static elements elements_of(struct loader *L, cs_jval arr, const char *what)
{
	return cs_conf_elements_of(&L->c, arr, what);
}

static void clear_seen(struct loader *L) { cs_map_free(&L->seen); }

/* Every phrase is normalized the way message text is; a list holds each once. */
static void add_phrase(struct loader *L, int list, const char *at, const char *s, size_t n)
{
	cs_norm_phrase(s, n, &L->phrase);
	if (L->phrase.len == 0)
		bad(L, at, "an empty phrase");
	qa_card *c = L->card;
	size_t key = strlen(L->phrase.p);   /* up to a NUL, as strcmp compared phrases */
	c->phrase_checks++;
	if (cs_map_get(&L->seen, L->phrase.p, key))
		return;
	cs_map_put(&L->seen, L->phrase.p, key, L);
	uint32_t idx = cs_phrases_add(c->phrases, L->phrase.p, L->phrase.len, (uint32_t)list);
	if (idx >= L->pos_cap) {
		L->pos_cap = 2 * (size_t)idx + 64;
		c->phrase_pos = cs_realloc(c->phrase_pos, L->pos_cap * sizeof *c->phrase_pos);
	}
	c->phrase_pos[idx] = c->lists[list].size++;
}

static void add_array(struct loader *L, int list, cs_jval arr, int depth);

/* The named list's phrases into the list being built. Added once a build:
 * again, its phrases would all be repeats, and lists that each include the
 * one below twice would be added 2^depth times. */
static void add_named(struct loader *L, int list, struct named_list *nl, int depth)
{
	if (nl->added == L->build)
		return;
	nl->open = 1;
	add_array(L, list, nl->val, depth);
	nl->open = 0;
	nl->added = L->build;
}

static void add_entry(struct loader *L, int list, cs_jval v, int depth)
{
	if (v.t != CS_J_STRING)
		bad(L, v.p, "a phrase must be a string");
	cs_jtext(v, &L->c.scratch);
	if (L->c.scratch.len > 1 && L->c.scratch.p[0] == '@') {
		struct named_list *nl = find_named(L, L->c.scratch.p + 1, L->c.scratch.len - 1);
		if (!nl)
			bad(L, v.p, "no phrase list named \"%s\" in \"phrases\"", L->c.scratch.p + 1);
		if (nl->open)
			bad(L, v.p, "phrase list \"%s\" includes itself: phrase lists refer to each other in a loop",
			    nl->name);
		if (depth >= QA_MAX_NESTING)
			bad(L, v.p, "phrase lists nest more than %d deep (here \"@%s\")", QA_MAX_NESTING, nl->name);
		nl->nested = 1;
		add_named(L, list, nl, depth + 1);
		return;
	}
	char *copy = temp(L, cs_strndup(L->c.scratch.p, L->c.scratch.len));
	add_phrase(L, list, v.p, copy, strlen(copy));
}

static void add_array(struct loader *L, int list, cs_jval arr, int depth)
{
	elements e = elements_of(L, arr, "a phrase list");
	for (size_t i = 0; i < e.n; i++)
		add_entry(L, list, e.v[i], depth);
}

/* A list given as "@name", one phrase, or an array (of phrases and "@name"s). */
static int list_of(struct loader *L, cs_jval v)
{
	struct named_list *nl = NULL;
	if (v.t == CS_J_STRING) {
		cs_jtext(v, &L->c.scratch);
		if (L->c.scratch.p[0] == '@' && !(nl = find_named(L, L->c.scratch.p + 1, L->c.scratch.len - 1)))
			bad(L, v.p, "no phrase list named \"%s\" in \"phrases\"", L->c.scratch.p + 1);
		if (L->c.scratch.p[0] != '@' && find_named(L, L->c.scratch.p, L->c.scratch.len))
			bad(L, v.p, "\"%s\" is the name of a phrase list: write \"@%s\" (a plain string is one phrase)",
			    L->c.scratch.p, L->c.scratch.p);
		if (nl && nl->list >= 0)
			return nl->list;
	}
	int list = new_list(L);
	clear_seen(L);
	L->build++;
	if (nl) {
		nl->list = list;
		add_named(L, list, nl, 0);
	} else if (v.t == CS_J_STRING) {
		add_entry(L, list, v, 0);
	} else {
		add_array(L, list, v, 0);
	}
	clear_seen(L);
	if (L->card->lists[list].size == 0)
		bad(L, v.p, "an empty phrase list");
	return list;
}

/* ---- conditions ---- */

static struct qa_cond *new_cond(struct loader *L, enum qa_cond_kind kind)
{
	qa_card *c = L->card;
	struct qa_cond *cond = cs_calloc(1, sizeof *cond);
	cond->kind = kind;
	cond->index = c->ncond++;
	cond->ref = -1;
	cond->scope = (struct qa_scope){QA_ROLE_ANY, 0, 0, 0, 0, -1, -1, 0};
	cond->text = (struct qa_text){.any = -1, .all = -1, .none = -1, .at_least = -1, .emotion = -1,
				      .count_at_least = 1};
	c->all_conds = cs_realloc(c->all_conds, (c->nall + 1) * sizeof *c->all_conds);
	c->all_conds[c->nall++] = cond;
	return cond;
}

static int rule_index(struct loader *L, cs_jval v, const char *key)
{
	if (v.t != CS_J_STRING)
		bad(L, v.p, "\"%s\" must name a rule", key);
	const char *id = cs_jtext(v, &L->c.scratch);
	for (size_t i = 0; i < L->card->nrules; i++)
		if (strcmp(L->card->rules[i].id, id) == 0)
			return (int)i;
	bad(L, v.p, "no rule named \"%s\" in \"rules\"", id);
}

static struct qa_cond *cond_of(struct loader *L, cs_jval v);

static void add_kid(struct qa_cond *c, struct qa_cond *kid)
{
	c->kids = cs_realloc(c->kids, (c->nkids + 1) * sizeof *c->kids);
	c->kids[c->nkids++] = kid;
}

static unsigned roles_of(struct loader *L, cs_jval v)
{
	static const char *const names[] = {"customer", "agent", "bot", "system", "other", "any"};
	static const unsigned bits[] = {QA_ROLE_CUSTOMER, QA_ROLE_AGENT, QA_ROLE_BOT, QA_ROLE_SYSTEM, QA_ROLE_OTHER, QA_ROLE_ANY};
	elements e = {&v, 1};
	if (v.t == CS_J_ARRAY)
		e = elements_of(L, v, "\"role\"");
	unsigned roles = 0;
	for (size_t i = 0; i < e.n; i++) {
		if (e.v[i].t != CS_J_STRING)
			bad(L, e.v[i].p, "\"role\" must be a role or a list of roles");
		const char *s = cs_jtext(e.v[i], &L->c.scratch);
		size_t k = 0;
		while (k < 6 && strcmp(names[k], s) != 0)
			k++;
		if (k == 6)
			bad(L, e.v[i].p, "\"%s\" is not a role (customer, agent, bot, system, other, any)", s);
		roles |= bits[k];
	}
	if (!roles)
		bad(L, v.p, "\"role\" names no role");
	return roles;
}

/* An empty list is refused: out of none, nothing matches, and left as no
 * test at all it would turn the condition inside out. */
static void refuse_empty(struct loader *L, cs_jval v, const char *key)
{
	if (v.t == CS_J_ARRAY && cs_jlen(v) == 0)
		bad(L, v.p, "\"%s\" is an empty list", key);
}

static char **strings_of(struct loader *L, cs_jval v, const char *key, size_t *n)
{
	refuse_empty(L, v, key);
	return cs_conf_strings(&L->c, v, key, n);
}

static cs_regex *regex_of(struct loader *L, cs_jval v, const char *key)
{
	if (v.t != CS_J_STRING)
		bad(L, v.p, "\"%s\" must be a string", key);
	const char *pattern = cs_jtext(v, &L->c.scratch);
	size_t len = L->c.scratch.len;
	const char *capital = cs_regex_capital(pattern, len);
	if (capital)
		bad(L, v.p, "\"%s\": '%c' is never in the text, which is case folded: write patterns in lower case", key,
		    *capital);
	qa_card *c = L->card;
	for (size_t i = 0; i < c->npatterns; i++)
		if (c->patterns[i].len == len && memcmp(c->patterns[i].text, pattern, len) == 0)
			return c->patterns[i].re;
	cs_buf why = CS_BUF_INIT;
	cs_regex *re = cs_regex_new(pattern, len, &why);
	if (!re) {
		char msg[300];
		snprintf(msg, sizeof msg, "%s", why.p ? why.p : "does not compile");
		cs_buf_free(&why);
		bad(L, v.p, "\"%s\": %s", key, msg);
	}
	cs_buf_free(&why);
	c->patterns = cs_realloc(c->patterns, (c->npatterns + 1) * sizeof *c->patterns);
	c->patterns[c->npatterns++] = (struct qa_pattern){cs_strndup(pattern, len), len, re, -2};
	return re;
}

/* A pattern or an array of them, appended to (*out)[0 ..+ *n). */
static void patterns_of(struct loader *L, cs_regex ***out, size_t *n, cs_jval v, const char *key)
{
	elements e = {&v, 1};
	char what[32];
	snprintf(what, sizeof what, "\"%s\"", key);
	refuse_empty(L, v, key);
	if (v.t == CS_J_ARRAY)
		e = elements_of(L, v, what);
	for (size_t i = 0; i < e.n; i++) {
		cs_regex *re = regex_of(L, e.v[i], key);
		*out = cs_realloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = re;
	}
}

static unsigned detect_of(struct loader *L, cs_jval v)
{
	size_t n;
	char **names = strings_of(L, v, "detect", &n);
	unsigned bits = 0;
	const char *unknown = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(names[i], cs_detect_name(CS_DETECT_CARD)) == 0)
			bits |= 1u << CS_DETECT_CARD;
		else if (strcmp(names[i], cs_detect_name(CS_DETECT_CN_ID)) == 0)
			bits |= 1u << CS_DETECT_CN_ID;
		else if (!unknown)
			unknown = temp(L, cs_strdup(names[i]));
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (unknown || !bits)
		bad(L, v.p, "\"detect\": \"%s\" is not card_number or id_number", unknown ? unknown : "");
	return bits;
}

static int emotion_of(struct loader *L, cs_jval v)
{
	int e = v.t == CS_J_STRING ? cs_emotion_named(cs_jtext(v, &L->c.scratch)) : -1;
	if (e >= 0)
		return e;
	bad(L, v.p, "\"emotion\" must be one of anger, frustration, anxiety, satisfaction");
}

static const char *const scope_keys[] = {"role", "first_turns", "last_turns", "first_seconds", "last_seconds",
	"before", "after", "within_turns", "any", "all", "none", "at_least", "of", "regex", "not_regex", "except_regex",
	"detect", "sentiment_at_most", "sentiment_at_least", "emotion", "event", "count_at_least", "channel", NULL};

/* A number of seconds above 0: 0 or less would lift the limit. */
static double seconds_of(struct loader *L, cs_jval v, const char *key)
{
	double d = number_of(L, v, key);
	if (!(d > 0))
		bad(L, v.p, "\"%s\" must be a number of seconds above 0", key);
	return d;
}

/* A compound score's bound, from -1 to 1 (beyond it the test always or never holds). */
static double compound_of(struct loader *L, cs_jval v, const char *key)
{
	double d = number_of(L, v, key);
	if (!(d >= -1 && d <= 1))
		bad(L, v.p, "\"%s\" must be a compound score from -1 to 1", key);
	return d;
}

/* One member of a text condition (members_of checked the key). */
static void scope_member(struct loader *L, struct qa_scope *s, const cs_member *m)
{
	cs_jval v = member_val(m);
	if (key_is(m, "role"))
		s->roles = roles_of(L, v);
	else if (key_is(m, "first_turns"))
		s->first_turns = int_of(L, v, "first_turns", 1, 1000000);
	else if (key_is(m, "last_turns"))
		s->last_turns = int_of(L, v, "last_turns", 1, 1000000);
	else if (key_is(m, "first_seconds"))
		s->first_s = seconds_of(L, v, "first_seconds");
	else if (key_is(m, "last_seconds"))
		s->last_s = seconds_of(L, v, "last_seconds");
	else if (key_is(m, "before"))
		s->before = rule_index(L, v, "before");
	else if (key_is(m, "after"))
		s->after = rule_index(L, v, "after");
	else if (key_is(m, "within_turns"))
		s->within_turns = int_of(L, v, "within_turns", 1, 1000000);
}

/* The keys that pick messages one by one (any, regex, ...) set message_level. */
static void match_member(struct loader *L, struct qa_text *t, const cs_member *m)
{
	cs_jval v = member_val(m);
	int per_message = 1;
	if (key_is(m, "any"))
		t->any = list_of(L, v);
	else if (key_is(m, "regex"))
		patterns_of(L, &t->regex, &t->nregex, v, "regex");
	else if (key_is(m, "detect"))
		t->detect = detect_of(L, v);
	else if (key_is(m, "sentiment_at_most")) {
		t->sent_max = compound_of(L, v, "sentiment_at_most");
		t->has_sent_max = 1;
	} else if (key_is(m, "sentiment_at_least")) {
		t->sent_min = compound_of(L, v, "sentiment_at_least");
		t->has_sent_min = 1;
	} else if (key_is(m, "emotion"))
		t->emotion = emotion_of(L, v);
	else if (key_is(m, "event"))
		t->events = strings_of(L, v, "event", &t->nevents);
	else {
		per_message = 0;
		if (key_is(m, "all"))
			t->all = list_of(L, v);
		else if (key_is(m, "none"))
			t->none = list_of(L, v);
		else if (key_is(m, "of"))
			t->at_least = list_of(L, v);
		else if (key_is(m, "at_least"))
			t->at_least_n = int_of(L, v, "at_least", 1, 1000000);
		else if (key_is(m, "not_regex"))
			patterns_of(L, &t->not_regex, &t->nnot_regex, v, "not_regex");
		else if (key_is(m, "except_regex"))
			patterns_of(L, &t->except_regex, &t->nexcept_regex, v, "except_regex");
		else if (key_is(m, "count_at_least"))
			t->count_at_least = int_of(L, v, "count_at_least", 1, 1000000);
		else if (key_is(m, "channel"))
			t->channels = strings_of(L, v, "channel", &t->nchannels);
	}
	t->message_level |= per_message;
}

static struct qa_cond *text_cond(struct loader *L, cs_jval v)
{
	members ms = members_of(L, v, scope_keys, "a condition");
	struct qa_cond *c = new_cond(L, QA_TEXT);
	for (size_t i = 0; i < ms.n; i++) {
		scope_member(L, &c->scope, &ms.m[i]);
		match_member(L, &c->text, &ms.m[i]);
	}
	struct qa_text *t = &c->text;
	if ((t->at_least >= 0) != (t->at_least_n > 0))
		bad(L, v.p, "\"at_least\" needs \"of\", a phrase list, and \"of\" needs \"at_least\"");
	if (t->at_least >= 0 && (uint32_t)t->at_least_n > L->card->lists[t->at_least].size)
		bad(L, v.p, "\"at_least\" %d is more than the %u phrases of its list", t->at_least_n,
		    L->card->lists[t->at_least].size);
	/* nothing to match: a message in scope is enough ({"role": "agent"}: an agent took part) */
	if (!t->message_level && t->all < 0 && t->none < 0 && t->at_least < 0 && !t->nchannels)
		t->message_level = 1;
	if (t->nnot_regex && !t->message_level)
		bad(L, v.p, "\"not_regex\" leaves out messages that another key matched (any, regex, ...)");
	if (t->nexcept_regex && t->any < 0 && !t->nregex)
		bad(L, v.p, "\"except_regex\" discounts the hits of \"any\" or \"regex\", and there are none");
	if (c->scope.within_turns && c->scope.after < 0)
		bad(L, v.p, "\"within_turns\" counts turns after the rule named by \"after\"");
	return c;
}

static struct qa_cond *metric_cond(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"metric", "above", "at_least", "below", "at_most", NULL};
	static const char *const ops[] = {"above", "at_least", "below", "at_most"};
	members ms = members_of(L, v, keys, "a metric condition");
	struct qa_cond *c = new_cond(L, QA_METRIC);
	int have_metric = 0, have_op = 0;
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval mv = member_val(&ms.m[i]);
		if (key_is(&ms.m[i], "metric")) {
			const char *name = mv.t == CS_J_STRING ? cs_jtext(mv, &L->c.scratch) : "";
			int k = 0;
			while (k < QA_M_N && strcmp(metric_names[k], name) != 0)
				k++;
			if (k == QA_M_N)
				bad(L, mv.p, "\"%s\" is not a metric (see cs-scorecard(5): max_silence_s, first_response_s, ...)", name);
			c->metric = (enum qa_metric)k;
			have_metric = 1;
			continue;
		}
		for (int k = 0; k < 4; k++)
			if (key_is(&ms.m[i], ops[k])) {
				if (have_op)
					bad(L, mv.p, "a metric condition takes one of above, at_least, below, at_most");
				c->op = (enum qa_op)k;
				c->value = number_of(L, mv, ops[k]);
				have_op = 1;
			}
	}
	if (!have_metric || !have_op)
		bad(L, v.p, "a metric condition needs \"metric\" and one of above, at_least, below, at_most");
	L->card->metrics_used |= 1u << c->metric;
	return c;
}

static struct qa_cond *logic_cond(struct loader *L, cs_jval v, const cs_member *m)
{
	cs_jval kidv = member_val(m);
	if (key_is(m, "not")) {
		struct qa_cond *c = new_cond(L, QA_NOT);
		add_kid(c, cond_of(L, kidv));
		return c;
	}
	struct qa_cond *c = new_cond(L, key_is(m, "and") ? QA_AND : QA_OR);
	elements e = elements_of(L, kidv, key_is(m, "and") ? "\"and\"" : "\"or\"");
	if (e.n == 0)
		bad(L, v.p, "an empty list of conditions");
	for (size_t i = 0; i < e.n; i++)
		add_kid(c, cond_of(L, e.v[i]));
	return c;
}

static struct qa_cond *cond_of(struct loader *L, cs_jval v)
{
	if (v.t == CS_J_STRING) {
		struct qa_cond *c = new_cond(L, QA_REF);
		c->ref = rule_index(L, v, "rule");
		return c;
	}
	if (v.t != CS_J_OBJECT)
		bad(L, v.p, "a condition must be an object or a rule's name");
	members ms = members_of(L, v, NULL, "a condition");
	size_t real = 0;   /* members besides description and comment */
	for (size_t i = 0; i < ms.n; i++)
		real += !key_is(&ms.m[i], "description") && !key_is(&ms.m[i], "comment");
	for (size_t i = 0; i < ms.n; i++) {
		const cs_member *m = &ms.m[i];
		if (key_is(m, "and") || key_is(m, "or") || key_is(m, "not")) {
			if (real != 1)
				bad(L, v.p, "\"%.*s\" stands alone in its object", (int)m->key.n, m->key.p);
			return logic_cond(L, v, m);
		}
		if (key_is(m, "rule")) {
			if (real != 1)
				bad(L, v.p, "\"rule\" stands alone in its object");
			struct qa_cond *c = new_cond(L, QA_REF);
			c->ref = rule_index(L, member_val(m), "rule");
			return c;
		}
		if (key_is(m, "metric"))
			return metric_cond(L, v);
	}
	return text_cond(L, v);
}

/* ---- rules, items, alerts ---- */

static void deps_of(const struct qa_cond *c, int *deps, size_t *n, size_t max)
{
	if (c->ref >= 0 && *n < max)
		deps[(*n)++] = c->ref;
	if (c->scope.before >= 0 && *n < max)
		deps[(*n)++] = c->scope.before;
	if (c->scope.after >= 0 && *n < max)
		deps[(*n)++] = c->scope.after;
	for (size_t i = 0; i < c->nkids; i++)
		deps_of(c->kids[i], deps, n, max);
}

/* A rule may not depend on itself, through references or before/after. */
static void check_cycles(struct loader *L, int rule, const char *at)
{
	if (L->rule_state[rule] == 2)
		return;
	if (L->rule_state[rule] == 1)
		bad(L, at, "rule '%s' depends on itself (through rule names, before or after)", L->card->rules[rule].id);
	L->rule_state[rule] = 1;
	int deps[256];
	size_t n = 0;
	deps_of(L->card->rules[rule].cond, deps, &n, 256);
	for (size_t i = 0; i < n; i++)
		check_cycles(L, deps[i], at);
	L->rule_state[rule] = 2;
}

static void load_phrases(struct loader *L, cs_jval v)
{
	members ms = members_of(L, v, NULL, "\"phrases\"");
	L->named = cs_calloc(ms.n + 1, sizeof *L->named);
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval kv = {ms.m[i].key.p - 1, ms.m[i].key.n + 2, CS_J_STRING};
		struct named_list *nl = &L->named[L->nnamed++];
		nl->name = cs_strdup(cs_jtext(kv, &L->c.scratch));
		nl->list = -1;
		nl->val = member_val(&ms.m[i]);
		if (nl->val.t != CS_J_ARRAY)
			bad(L, nl->val.p, "phrase list \"%s\" must be an array of strings", nl->name);
	}
}

static void load_rules(struct loader *L, cs_jval v)
{
	members ms = members_of(L, v, NULL, "\"rules\"");
	qa_card *c = L->card;
	c->rules = cs_calloc(ms.n + 1, sizeof *c->rules);
	for (size_t i = 0; i < ms.n; i++) {   /* names first: rules may refer to later ones */
		cs_jval kv = {ms.m[i].key.p - 1, ms.m[i].key.n + 2, CS_J_STRING};
		c->rules[c->nrules++].id = cs_strdup(cs_jtext(kv, &L->c.scratch));
	}
	char what[160];
	for (size_t i = 0; i < ms.n; i++) {
		snprintf(what, sizeof what, "rule '%s'", c->rules[i].id);
		L->c.what = what;
		c->rules[i].cond = cond_of(L, member_val(&ms.m[i]));
	}
	L->rule_state = cs_calloc(c->nrules + 1, sizeof *L->rule_state);
	L->c.what = NULL;
	for (size_t i = 0; i < ms.n; i++)
		check_cycles(L, (int)i, ms.m[i].val.p);
}

/* The index of the section with this id, or -1. */
static int section_at(const qa_card *c, const char *id)
{
	for (size_t i = 0; i < c->nsections; i++)
		if (strcmp(c->sections[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* An id of items, alerts or sections may be used once. */
static void claim_id(struct loader *L, const char ***v, size_t *n, const char *id, const char *at)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], id) == 0)
			bad(L, at, "the id \"%s\" is used twice", id);
	*v = cs_realloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = id;
}

/* The "id" of an item or alert; later messages name it ("item 'greeting'"). */
static char *id_of(struct loader *L, members ms, cs_jval v, const char *kind, char *what, size_t n)
{
	char *id = NULL;
	for (size_t i = 0; i < ms.n && !id; i++)
		if (key_is(&ms.m[i], "id"))
			id = text_of(L, member_val(&ms.m[i]), "id");
	if (!id)
		bad(L, v.p, "an %s needs an \"id\"", kind);
	snprintf(what, n, "%s '%s'", kind, id);
	L->c.what = what;
	return id;
}

static void load_item(struct loader *L, struct qa_item *it, cs_jval v)
{
	static const char *const keys[] = {"id", "name", "section", "weight", "pass", "fail", "applies_when",
		"auto_fail", "compliance", "review", NULL};
	members ms = members_of(L, v, keys, "an item");
	char what[160];
	it->id = id_of(L, ms, v, "item", what, sizeof what);
	it->weight = -1;
	for (size_t i = 0; i < ms.n; i++) {
		const cs_member *m = &ms.m[i];
		cs_jval mv = member_val(m);
		if (key_is(m, "name")) it->name = text_of(L, mv, "name");
		else if (key_is(m, "section")) it->section = text_of(L, mv, "section");
		else if (key_is(m, "weight")) it->weight = number_of(L, mv, "weight");
		else if (key_is(m, "pass")) it->pass = cond_of(L, mv);
		else if (key_is(m, "fail")) it->fail = cond_of(L, mv);
		else if (key_is(m, "applies_when")) it->applies = cond_of(L, mv);
		else if (key_is(m, "auto_fail")) it->auto_fail = bool_of(L, mv, "auto_fail");
		else if (key_is(m, "compliance")) it->compliance = bool_of(L, mv, "compliance");
		else if (key_is(m, "review")) it->review = bool_of(L, mv, "review");
	}
	if (it->weight < 0 || it->weight > 1e6)
		bad(L, v.p, "an item needs a \"weight\" from 0 to 1000000");
	if (!it->pass == !it->fail)
		bad(L, v.p, "an item needs one of \"pass\" (what passes it) or \"fail\" (what fails it)");
	it->section_at = it->section ? section_at(L->card, it->section) : -1;
	if (it->section && it->section_at < 0)
		bad(L, v.p, "section \"%s\" is not in \"sections\"%s", it->section,
		    L->card->nsections ? "" : " (the scorecard has none)");
	L->c.what = NULL;
}

static void load_items(struct loader *L, cs_jval v)
{
	elements e = elements_of(L, v, "\"items\"");
	qa_card *c = L->card;
	c->items = cs_calloc(e.n + 1, sizeof *c->items);
	for (size_t i = 0; i < e.n; i++) {
		load_item(L, &c->items[c->nitems++], e.v[i]);
		claim_id(L, &L->item_ids.v, &L->item_ids.n, c->items[i].id, e.v[i].p);
	}
}

static enum qa_severity severity_of(struct loader *L, cs_jval v)
{
	const char *s = v.t == CS_J_STRING ? cs_jtext(v, &L->c.scratch) : "";
	for (int k = 0; k <= QA_SEV_CRITICAL; k++)
		if (strcmp(qa_severity_name((enum qa_severity)k), s) == 0)
			return (enum qa_severity)k;
	bad(L, v.p, "\"severity\" must be info, warning or critical");
}

static void load_alert(struct loader *L, struct qa_alert_def *a, cs_jval v)
{
	static const char *const keys[] = {"id", "type", "severity", "reason", "when", NULL};
	members ms = members_of(L, v, keys, "an alert");
	char what[160];
	a->id = id_of(L, ms, v, "alert", what, sizeof what);
	a->severity = QA_SEV_WARNING;
	for (size_t i = 0; i < ms.n; i++) {
		const cs_member *m = &ms.m[i];
		cs_jval mv = member_val(m);
		if (key_is(m, "type")) a->type = text_of(L, mv, "type");
		else if (key_is(m, "severity")) a->severity = severity_of(L, mv);
		else if (key_is(m, "reason")) a->reason = text_of(L, mv, "reason");
		else if (key_is(m, "when")) a->when = cond_of(L, mv);
	}
	if (!a->when || !a->reason)
		bad(L, v.p, "an alert needs \"when\" (a condition) and \"reason\" (a sentence for a person)");
	if (!a->type) {
		size_t n = strlen(a->id) + 4;
		a->type = cs_malloc(n);
		snprintf(a->type, n, "qa.%s", a->id);
	}
	L->c.what = NULL;
}

static void load_alerts(struct loader *L, cs_jval v)
{
	elements e = elements_of(L, v, "\"alerts\"");
	qa_card *c = L->card;
	c->alerts = cs_calloc(e.n + 1, sizeof *c->alerts);
	for (size_t i = 0; i < e.n; i++) {
		load_alert(L, &c->alerts[c->nalerts++], e.v[i]);
		claim_id(L, &L->alert_ids.v, &L->alert_ids.n, c->alerts[i].id, e.v[i].p);
	}
}

static void load_sections(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"id", "name", NULL};
	elements e = elements_of(L, v, "\"sections\"");
	qa_card *c = L->card;
	c->sections = cs_calloc(e.n + 1, sizeof *c->sections);
	for (size_t i = 0; i < e.n; i++) {
		members ms = members_of(L, e.v[i], keys, "a section");
		struct qa_section *s = &c->sections[c->nsections++];
		for (size_t k = 0; k < ms.n; k++) {
			if (key_is(&ms.m[k], "id"))
				s->id = text_of(L, member_val(&ms.m[k]), "id");
			else if (key_is(&ms.m[k], "name"))
				s->name = text_of(L, member_val(&ms.m[k]), "name");
		}
		if (!s->id)
			bad(L, e.v[i].p, "a section needs an \"id\"");
		claim_id(L, &L->section_ids.v, &L->section_ids.n, s->id, e.v[i].p);
	}
}

static void load_top(struct loader *L, cs_jval top)
{
	static const char *const keys[] = {"scorecard", "version", "language", "phrases", "rules", "sections",
		"items", "alerts", NULL};
	members ms = members_of(L, top, keys, "the scorecard");
	qa_card *c = L->card;
	/* order matters: lists before rules, rules before items and alerts */
	static const char *const order[] = {"scorecard", "version", "phrases", "rules", "sections", "items", "alerts"};
	for (size_t k = 0; k < sizeof order / sizeof *order; k++)
		for (size_t i = 0; i < ms.n; i++) {
			const cs_member *m = &ms.m[i];
			if (!key_is(m, order[k]))
				continue;
			cs_jval v = member_val(m);
			switch (k) {
			case 0: c->name = text_of(L, v, "scorecard"); break;
			case 1: c->version = v.t == CS_J_NUMBER ? cs_strndup(v.p, v.n) : text_of(L, v, "version"); break;
			case 2: load_phrases(L, v); break;
			case 3: load_rules(L, v); break;
			case 4: load_sections(L, v); break;
			case 5: load_items(L, v); break;
			case 6: load_alerts(L, v); break;
			}
		}
	if (!c->nitems && !c->nalerts)
		bad(L, top.p, "a scorecard needs \"items\" or \"alerts\"");
	if (!c->name)
		c->name = cs_strdup("unnamed");
}

static void loader_free(struct loader *L)
{
	for (size_t i = 0; i < L->nnamed; i++)
		free(L->named[i].name);
	free(L->named);
	clear_seen(L);
	cs_conf_free(&L->c);
	free(L->rule_state);
	free(L->item_ids.v);
	free(L->alert_ids.v);
	free(L->section_ids.v);
	cs_buf_free(&L->phrase);
}

/* The named lists' names and uses move to the card, for --check. */
static void keep_named(struct loader *L)
{
	qa_card *c = L->card;
	c->named = cs_calloc(L->nnamed + 1, sizeof *c->named);
	for (size_t i = 0; i < L->nnamed; i++) {
		struct named_list *nl = &L->named[i];
		c->named[i] = (struct qa_named_list){nl->name, nl->list, nl->nested};
		nl->name = NULL;
	}
	c->nnamed = L->nnamed;
}

qa_card *qa_card_load_mem(const char *name, const char *text, size_t len, cs_buf *err)
{
	struct loader L = {.c = {.file = name, .text = text, .len = len, .err = err}};
	L.card = cs_calloc(1, sizeof *L.card);
	L.card->phrases = cs_phrases_new();
	L.card->file = cs_strdup(name);
	if (setjmp(L.c.fail)) {
		loader_free(&L);
		qa_card_free(L.card);
		return NULL;
	}
	load_top(&L, cs_conf_top(&L.c));
	keep_named(&L);
	add_regex_literals(L.card);
	number_scopes(L.card);
	cs_phrases_build(L.card->phrases);
	loader_free(&L);
	return L.card;
}

qa_card *qa_card_load(const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	qa_card *card = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		card = qa_card_load_mem(path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return card;
}

static void free_cond(struct qa_cond *c)
{
	free(c->kids);
	free(c->text.regex);   /* the patterns are the card's */
	free(c->text.regex_lits);
	free(c->text.not_regex);
	free(c->text.not_regex_lits);
	free(c->text.except_regex);
	free(c->text.except_regex_lits);
	for (size_t i = 0; i < c->text.nevents; i++)
		free(c->text.events[i]);
	free(c->text.events);
	for (size_t i = 0; i < c->text.nchannels; i++)
		free(c->text.channels[i]);
	free(c->text.channels);
	free(c);
}

void qa_card_free(qa_card *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nall; i++)
		free_cond(c->all_conds[i]);
	free(c->all_conds);
	for (size_t i = 0; i < c->nrules; i++)
		free(c->rules[i].id);
	free(c->rules);
	for (size_t i = 0; i < c->nitems; i++) {
		free(c->items[i].id);
		free(c->items[i].name);
		free(c->items[i].section);
	}
	free(c->items);
	for (size_t i = 0; i < c->nalerts; i++) {
		free(c->alerts[i].id);
		free(c->alerts[i].type);
		free(c->alerts[i].reason);
	}
	free(c->alerts);
	for (size_t i = 0; i < c->nsections; i++) {
		free(c->sections[i].id);
		free(c->sections[i].name);
	}
	free(c->sections);
	free(c->lists);
	for (size_t i = 0; i < c->nnamed; i++)
		free(c->named[i].name);
	free(c->named);
	free(c->phrase_pos);
	cs_phrases_free(c->phrases);
	for (size_t i = 0; i < c->npatterns; i++) {
		free(c->patterns[i].text);
		cs_regex_free(c->patterns[i].re);
	}
	free(c->patterns);
	free(c->name);
	free(c->version);
	free(c->file);
	free(c);
}
