/* eng_route_policy: reading and evaluating a routing policy (see eng_route_policy.h). */
#include "eng_route_policy.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "kit_time.h"
#include "svc_regex.h"
#include "svc_sentiment.h"
#include <math.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_THRESHOLD 0.3
#define DEFAULT_AMBIGUITY 0.0

static const char *const select_names[RS_N] = {"longest_idle", "least_loaded", "round_robin", "best_skill"};

const char *route_select_name(enum route_select s) { return s < RS_N ? select_names[s] : "?"; }

int route_select_of(const char *name, enum route_select *out)
{
	for (int s = 0; s < RS_N; s++)
		if (strcmp(name, select_names[s]) == 0) {
			*out = (enum route_select)s;
			return 0;
		}
	return -1;
}

static const struct {
	const char *name;
	enum route_attr attr;
} attr_names[] = {
	{"intent", RA_INTENT}, {"confidence", RA_CONFIDENCE}, {"intent_source", RA_INTENT_SOURCE},
	{"tier", RA_TIER}, {"channel", RA_CHANNEL}, {"language", RA_LANGUAGE}, {"customer.tier", RA_CUSTOMER_TIER},
	{"vip", RA_VIP}, {"sentiment", RA_SENTIMENT}, {"emotions", RA_EMOTIONS},
	{"business_hours", RA_BUSINESS_HOURS}, {"human_requested", RA_HUMAN_REQUESTED}, {"escalated", RA_ESCALATED},
};

static route_policy *policy_new(void)
{
	route_policy *p = cs_calloc(1, sizeof *p);
	p->threshold = DEFAULT_THRESHOLD;
	p->ambiguity = DEFAULT_AMBIGUITY;
	p->bot_min_confidence = 0.8;
	p->calm_above = -0.05;
	p->bot_queue = cs_strdup("bot");
	p->escalate_at = -0.5;
	p->escalate_emotions = cs_malloc(sizeof *p->escalate_emotions);
	p->escalate_emotions[0] = cs_strdup("anger");
	p->nescalate_emotions = 1;
	p->escalate_priority = 10;
	p->ask_target.select = -1;
	p->select = RS_LONGEST_IDLE;
	p->default_cost = 1;
	return p;
}

static struct route_target general_target(void)
{
	return (struct route_target){.queue = cs_strdup("general"), .select = -1};
}

/* ---- reading ---- */

struct loader {
	cs_conf c;
	route_policy *p;
};

/* A string or an array of strings, owned by the caller. */
static char **strings_of(struct loader *L, cs_jval v, const char *key, size_t *n)
{
	return cs_conf_strings(&L->c, v, key, n);
}

/* strings_of, where a string ok() refuses is an error naming the key and
 * the value with why: a value that could never match is not a silent no. */
static char **checked_strings(struct loader *L, cs_jval v, const char *key, size_t *n, int (*ok)(const char *s),
			      const char *why)
{
	cs_conf_elements e = {&v, 1};
	if (v.t == CS_J_ARRAY)
		e = cs_conf_elements_of(&L->c, v, key);
	for (size_t k = 0; k < e.n; k++) {
		const char *s = e.v[k].t == CS_J_STRING ? cs_jtext(e.v[k], &L->c.scratch) : NULL;
		if (s && !ok(s))
			cs_conf_bad(&L->c, e.v[k].p, "\"%s\": \"%.40s\" %s", key, s, why);
	}
	return strings_of(L, v, key, n);
}

/* An emotion the sentiment analysis gives. */
static int is_emotion(const char *s) { return cs_emotion_named(s) >= 0; }

static char **emotions_of(struct loader *L, cs_jval v, const char *key, size_t *n)
{
	return checked_strings(L, v, key, n, is_emotion, "is not anger, frustration, anxiety or satisfaction");
}

static enum route_attr attr_of(const char *name)
{
	for (size_t i = 0; i < sizeof attr_names / sizeof *attr_names; i++)
		if (strcmp(name, attr_names[i].name) == 0)
			return attr_names[i].attr;
	return RA_PATH;
}

static const struct {
	const char *name;
	enum route_op op;
} op_names[] = {
	{"eq", RO_EQ}, {"ne", RO_NE}, {"in", RO_IN}, {"not_in", RO_NOT_IN}, {"lt", RO_LT},
	{"le", RO_LE}, {"gt", RO_GT}, {"ge", RO_GE}, {"exists", RO_EXISTS},
};

static void add_test(struct route_cond *c, struct route_test t)
{
	c->tests = cs_realloc(c->tests, (c->ntests + 1) * sizeof *c->tests);
	c->tests[c->ntests++] = t;
}

static void must_be_word(struct loader *L, const struct route_test *t, cs_jval v, const char *const *words,
			 const char *listed)
{
	const char *word = v.t == CS_J_STRING ? cs_jtext(v, &L->c.scratch) : "";
	size_t i = 0;
	while (words[i] && strcmp(word, words[i]) != 0)
		i++;
	if (!words[i])
		cs_conf_bad(&L->c, v.p, "\"%s\" must be %s", t->name, listed);
}

/* One value a built-in attribute is tested against: these have values of one
 * kind, some of a fixed few, and a test with any other could never hold. */
static void check_builtin_value(struct loader *L, const struct route_test *t, cs_jval v)
{
	static const char *const tiers[] = {"bot", "human", NULL};
	static const char *const sources[] = {"rule", "model", "fallback", "none", NULL};
	switch (t->attr) {
	case RA_VIP:
	case RA_BUSINESS_HOURS:
	case RA_HUMAN_REQUESTED:
	case RA_ESCALATED:
		if (v.t != CS_J_TRUE && v.t != CS_J_FALSE)
			cs_conf_bad(&L->c, v.p, "\"%s\" must be true or false, not %s", t->name,
				    v.t == CS_J_STRING ? "a string" : v.t == CS_J_NUMBER ? "a number" : "this");
		break;
	case RA_CONFIDENCE:
	case RA_SENTIMENT:
		if (v.t != CS_J_NUMBER)
			cs_conf_bad(&L->c, v.p, "\"%s\" must be a number", t->name);
		break;
	case RA_INTENT:
	case RA_LANGUAGE:
	case RA_EMOTIONS:
		if (v.t != CS_J_STRING)
			cs_conf_bad(&L->c, v.p, "\"%s\" must be a string or a list of strings", t->name);
		break;
	case RA_TIER: must_be_word(L, t, v, tiers, "bot or human"); break;
	case RA_INTENT_SOURCE: must_be_word(L, t, v, sources, "rule, model, fallback or none"); break;
	default: break;
	}
}

static int is_true_or_false(enum route_attr a)
{
	return a == RA_VIP || a == RA_BUSINESS_HOURS || a == RA_HUMAN_REQUESTED || a == RA_ESCALATED;
}

/* The operators a built-in attribute's kind allows: lt, le, gt and ge only
 * on numbers, in and not_in not on true or false. */
static void check_builtin_op(struct loader *L, const struct route_test *t, cs_jval v)
{
	int ordered = t->op >= RO_LT && t->op <= RO_GE;
	if (ordered && (is_true_or_false(t->attr) || t->attr == RA_INTENT || t->attr == RA_LANGUAGE ||
			t->attr == RA_EMOTIONS))
		cs_conf_bad(&L->c, v.p, "\"%s\" is not a number: lt, le, gt and ge cannot compare it", t->name);
	if ((t->op == RO_IN || t->op == RO_NOT_IN) && is_true_or_false(t->attr))
		cs_conf_bad(&L->c, v.p, "\"%s\" is true or false: test it with eq or ne, not in or not_in", t->name);
}

static void check_builtin_values(struct loader *L, const struct route_test *t, cs_jval v)
{
	check_builtin_op(L, t, v);
	cs_conf_elements e = {&v, 1};
	if (v.t == CS_J_ARRAY)
		e = cs_conf_elements_of(&L->c, v, t->name);
	for (size_t i = 0; i < e.n; i++)
		check_builtin_value(L, t, e.v[i]);
}

/* One value to compare with: a number, true/false, a string or strings. */
static void test_value(struct loader *L, struct route_test *t, cs_jval v)
{
	if (t->op == RO_EXISTS) {
		t->exists = cs_conf_bool(&L->c, v, "exists");
		return;
	}
	check_builtin_values(L, t, v);
	if (t->op >= RO_LT) {
		t->number = cs_conf_number(&L->c, v, t->name);
		t->numeric = 1;
		return;
	}
	if (v.t == CS_J_NUMBER || v.t == CS_J_TRUE || v.t == CS_J_FALSE) {
		if (t->op == RO_IN || t->op == RO_NOT_IN)
			cs_conf_bad(&L->c, v.p, "\"%s\": in and not_in take a list of strings", t->name);
		t->number = v.t == CS_J_NUMBER ? cs_conf_number(&L->c, v, t->name) : v.t == CS_J_TRUE;
		t->numeric = 1;
		return;
	}
	if (t->attr == RA_EMOTIONS)
		t->strings = emotions_of(L, v, t->name, &t->nstrings);
	else
		t->strings = strings_of(L, v, t->name, &t->nstrings);
}

static struct route_test new_test(const char *name, enum route_op op)
{
	return (struct route_test){.attr = attr_of(name), .name = cs_strdup(name), .op = op};
}

static void attr_tests(struct loader *L, struct route_cond *c, const char *name, cs_jval v)
{
	if (v.t != CS_J_OBJECT) {
		struct route_test t = new_test(name, v.t == CS_J_ARRAY ? RO_IN : RO_EQ);
		add_test(c, t);
		test_value(L, &c->tests[c->ntests - 1], v);
		return;
	}
	static const char *const ops[] = {"eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "exists", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, ops, "a test");
	if (ms.n == 0)
		cs_conf_bad(&L->c, v.p, "the test of \"%s\" is empty", name);
	for (size_t i = 0; i < ms.n; i++)
		for (size_t k = 0; k < sizeof op_names / sizeof *op_names; k++)
			if (cs_conf_key_is(&ms.m[i], op_names[k].name)) {
				add_test(c, new_test(name, op_names[k].op));
				test_value(L, &c->tests[c->ntests - 1], cs_conf_val(&ms.m[i]));
			}
}

static void cond_of(struct loader *L, struct route_cond *c, cs_jval v, int depth);

static void any_of(struct loader *L, struct route_cond *c, cs_jval v, int depth)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "\"any\"");
	if (e.n == 0)
		cs_conf_bad(&L->c, v.p, "\"any\" must be a non-empty array of conditions");
	c->any = cs_calloc(e.n, sizeof *c->any);
	c->nany = e.n;
	for (size_t i = 0; i < e.n; i++)
		cond_of(L, &c->any[i], e.v[i], depth + 1);
}

static void cond_of(struct loader *L, struct route_cond *c, cs_jval v, int depth)
{
	if (depth > 16)
		cs_conf_bad(&L->c, v.p, "conditions nested too deep");
	cs_conf_members ms = cs_conf_members_of(&L->c, v, NULL, "a condition (\"when\")");
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "description") || cs_conf_key_is(&ms.m[i], "comment"))
			continue;
		if (cs_conf_key_is(&ms.m[i], "any")) {
			any_of(L, c, val, depth);
			continue;
		}
		if (cs_conf_key_is(&ms.m[i], "not")) {
			c->not = cs_calloc(1, sizeof *c->not);
			cond_of(L, c->not, val, depth + 1);
			continue;
		}
		char *name = cs_conf_temp(&L->c, cs_strndup(ms.m[i].key.p, ms.m[i].key.n));
		attr_tests(L, c, name, val);
	}
}

static void skills_of(struct loader *L, struct route_target *t, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, NULL, "\"skills\"");
	t->skills = cs_calloc(ms.n + 1, sizeof *t->skills);
	for (size_t i = 0; i < ms.n; i++) {
		int level = cs_conf_int(&L->c, cs_conf_val(&ms.m[i]), "skills", 0, 5);   /* may jump out: before the copy */
		t->skills[t->nskills].name = cs_strndup(ms.m[i].key.p, ms.m[i].key.n);
		t->skills[t->nskills++].min_level = level;
	}
}

/* A target's timeout: 0 would read as "widen at once" but none is taken
 * as "never widen", so it is refused rather than guessed. */
static int timeout_of(struct loader *L, cs_jval v)
{
	if (cs_conf_number(&L->c, v, "timeout") == 0)
		cs_conf_bad(&L->c, v.p, "\"timeout\" must be at least 1 second (leave it out not to widen;"
					" \"skip_if\": \"no_agent\" moves on at once)");
	return cs_conf_int(&L->c, v, "timeout", 1, 86400 * 30);
}

static void target_of(struct loader *L, struct route_target *t, cs_jval v)
{
	static const char *const keys[] = {"queue", "priority", "skills", "timeout", "skip_if", "selection", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "a target");
	t->select = -1;
	for (size_t i = 0; i < ms.n; i++) {
		const cs_member *m = &ms.m[i];
		cs_jval val = cs_conf_val(m);
		if (cs_conf_key_is(m, "queue"))
			t->queue = cs_conf_text(&L->c, val, "queue");
		else if (cs_conf_key_is(m, "priority"))
			t->priority = cs_conf_int(&L->c, val, "priority", -1000, 1000);
		else if (cs_conf_key_is(m, "skills"))
			skills_of(L, t, val);
		else if (cs_conf_key_is(m, "timeout"))
			t->timeout_s = timeout_of(L, val);
		else if (cs_conf_key_is(m, "skip_if")) {
			char *s = cs_conf_temp(&L->c, cs_conf_text(&L->c, val, "skip_if"));
			if (strcmp(s, "no_agent") != 0)
				cs_conf_bad(&L->c, val.p, "\"skip_if\" can only be \"no_agent\"");
			t->skip_if_no_agent = 1;
		} else if (cs_conf_key_is(m, "selection")) {
			enum route_select s;
			if (route_select_of(cs_jtext(val, &L->c.scratch), &s) != 0 || val.t != CS_J_STRING)
				cs_conf_bad(&L->c, val.p, "\"selection\" must be longest_idle, least_loaded, round_robin or best_skill");
			t->select = (int)s;
		}
	}
	if (!t->queue)
		cs_conf_bad(&L->c, v.p, "a target needs a \"queue\"");
}

/* Targets are allocated before they are read, so that the policy frees
 * what a bad one leaves half read. */
static struct route_target *targets_of(struct loader *L, cs_jval v, size_t *n)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "\"targets\"");
	if (e.n == 0)
		cs_conf_bad(&L->c, v.p, "\"targets\" must be a non-empty array");
	struct route_target *t = cs_calloc(e.n, sizeof *t);
	*n = e.n;
	return t;
}

static void read_targets(struct loader *L, struct route_target *t, size_t n, cs_jval v)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "\"targets\"");
	for (size_t i = 0; i < n && i < e.n; i++)
		target_of(L, &t[i], e.v[i]);
	if (n && n <= e.n && t[n - 1].timeout_s)   /* a record would promise a move that never comes */
		cs_conf_bad(&L->c, cs_jget(e.v[n - 1], "timeout").p,
			    "\"timeout\" on the last target: there is no next target to widen to");
}

static void filter_of(struct loader *L, struct route_filter *f, cs_jval v, size_t index)
{
	static const char *const keys[] = {"name", "when", "targets", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "a filter");
	cs_jval targets = {0};
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "name"))
			f->name = cs_conf_text(&L->c, val, "name");
		else if (cs_conf_key_is(&ms.m[i], "when"))
			cond_of(L, &f->when, val, 0);
		else if (cs_conf_key_is(&ms.m[i], "targets"))
			targets = val;
	}
	if (!f->name) {
		char name[32];
		snprintf(name, sizeof name, "filter %zu", index + 1);
		f->name = cs_strdup(name);
	}
	if (!targets.p)
		cs_conf_bad(&L->c, v.p, "filter \"%s\" has no \"targets\"", f->name);
	f->targets = targets_of(L, targets, &f->ntargets);
	read_targets(L, f->targets, f->ntargets, targets);
}

static void filters_of(struct loader *L, cs_jval v)
{
	cs_conf_elements e = cs_conf_elements_of(&L->c, v, "\"filters\"");
	L->p->filters = cs_calloc(e.n + 1, sizeof *L->p->filters);
	for (size_t i = 0; i < e.n; i++) {
		L->p->nfilters = i + 1;
		filter_of(L, &L->p->filters[i], e.v[i], i);
	}
}

static double unit_of(struct loader *L, cs_jval v, const char *key, double lo, double hi)
{
	double d = cs_conf_number(&L->c, v, key);
	if (!(d >= lo && d <= hi))
		cs_conf_bad(&L->c, v.p, "\"%s\" must be from %g to %g", key, lo, hi);
	return d;
}

static void fallback_of(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"threshold", "ambiguity", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "\"fallback\"");
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "threshold"))
			L->p->threshold = unit_of(L, val, "threshold", 0, 1);
		else if (cs_conf_key_is(&ms.m[i], "ambiguity"))
			L->p->ambiguity = unit_of(L, val, "ambiguity", 0, 1);
	}
}

static void replace_text(struct loader *L, char **slot, cs_jval v, const char *key)
{
	char *s = cs_conf_text(&L->c, v, key);
	free(*slot);
	*slot = s;
}

static void bot_of(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"intents", "min_confidence", "calm_above", "queue", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "\"bot\"");
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "intents"))
			L->p->bot_intents = strings_of(L, val, "intents", &L->p->nbot_intents);
		else if (cs_conf_key_is(&ms.m[i], "min_confidence"))
			L->p->bot_min_confidence = unit_of(L, val, "min_confidence", 0, 1);
		else if (cs_conf_key_is(&ms.m[i], "calm_above"))
			L->p->calm_above = unit_of(L, val, "calm_above", -1, 1);
		else if (cs_conf_key_is(&ms.m[i], "queue"))
			replace_text(L, &L->p->bot_queue, val, "queue");
	}
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void escalation_of(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"sentiment_at_most", "emotions", "priority", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "\"escalation\"");
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "sentiment_at_most"))
			L->p->escalate_at = unit_of(L, val, "sentiment_at_most", -1, 1);
		else if (cs_conf_key_is(&ms.m[i], "priority"))
			L->p->escalate_priority = cs_conf_int(&L->c, val, "priority", 0, 1000);
		else if (cs_conf_key_is(&ms.m[i], "emotions")) {
			size_t n;
			char **e = emotions_of(L, val, "emotions", &n);
			free_strings(L->p->escalate_emotions, L->p->nescalate_emotions);
			L->p->escalate_emotions = e;
			L->p->nescalate_emotions = n;
		}
	}
}

/* The policy's own asks are checked here, where their lines are known:
 * a "re:" or "not:re:" pattern that does not compile or needs a capital
 * letter. */
static void check_asks(struct loader *L, cs_jval v)
{
	cs_conf_elements e = {&v, 1};
	if (v.t == CS_J_ARRAY)
		e = cs_conf_elements_of(&L->c, v, "\"phrases\"");
	for (size_t i = 0; i < e.n; i++) {
		const char *s = cs_conf_temp(&L->c, cs_conf_text(&L->c, e.v[i], "phrases"));
		if (strncmp(s, "not:", 4) == 0)
			s += 4;
		if (strncmp(s, "re:", 3) != 0)
			continue;
		const char *capital = cs_regex_capital(s + 3, strlen(s + 3));
		if (capital)
			cs_conf_bad(&L->c, e.v[i].p,
				    "\"phrases\": '%c' is never in the request, which is case folded: write patterns in lower case",
				    *capital);
		cs_buf why = CS_BUF_INIT;
		cs_regex *re = cs_regex_new(s + 3, strlen(s + 3), &why);
		cs_regex_free(re);
		if (!re) {
			cs_conf_temp(&L->c, why.p);
			cs_conf_bad(&L->c, e.v[i].p, "\"phrases\": the pattern does not compile: %s", why.p ? why.p : "");
		}
		cs_buf_free(&why);
	}
}

static void human_of(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"phrases", "queue", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "\"human_request\"");
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "phrases")) {
			L->p->extra_asks = strings_of(L, val, "phrases", &L->p->nextra_asks);
			check_asks(L, val);
		} else if (cs_conf_key_is(&ms.m[i], "queue"))
			replace_text(L, &L->p->ask_target.queue, val, "queue");
	}
}

static void costs_of(struct loader *L, cs_jval v)
{
	cs_conf_members ms = cs_conf_members_of(&L->c, v, NULL, "\"capacity_cost\"");
	L->p->costs = cs_calloc(ms.n + 1, sizeof *L->p->costs);
	for (size_t i = 0; i < ms.n; i++) {
		int cost = cs_conf_int(&L->c, cs_conf_val(&ms.m[i]), "capacity_cost", 0, 1000000);
		if (cs_conf_key_is(&ms.m[i], "default")) {
			L->p->default_cost = cost;
			continue;
		}
		L->p->costs[L->p->ncosts].channel = cs_strndup(ms.m[i].key.p, ms.m[i].key.n);
		L->p->costs[L->p->ncosts++].cost = cost;
	}
}

/* "HH:MM" as minutes after midnight (24:00 allowed for a close). */
static int clock_of(struct loader *L, cs_jval v, const char *key)
{
	const char *s = cs_jtext(v, &L->c.scratch);
	int h, m;
	char end;
	if (v.t != CS_J_STRING || sscanf(s, "%d:%d%c", &h, &m, &end) != 2 || h < 0 || h > 24 || m < 0 || m > 59 ||
	    (h == 24 && m != 0) || strlen(s) != 5)
		cs_conf_bad(&L->c, v.p, "\"%s\" must be a time of day as HH:MM", key);
	return h * 60 + m;
}

static int offset_of(struct loader *L, cs_jval v)
{
	const char *s = cs_jtext(v, &L->c.scratch);
	int h, m;
	char sign;
	if (v.t == CS_J_STRING && (strcmp(s, "Z") == 0 || strcmp(s, "UTC") == 0))
		return 0;
	if (v.t != CS_J_STRING || sscanf(s, "%c%d:%d", &sign, &h, &m) != 3 || (sign != '+' && sign != '-') ||
	    h > 14 || m > 59 || h < 0 || m < 0)
		cs_conf_bad(&L->c, v.p, "\"utc_offset\" must be like \"+08:00\" or \"-05:00\"");
	return (sign == '-' ? -1 : 1) * (h * 60 + m);
}

static unsigned days_of(struct loader *L, cs_jval v)
{
	static const char *const names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
	size_t n;
	char **days = strings_of(L, v, "days", &n);
	unsigned bits = 0;
	for (size_t i = 0; i < n; i++) {
		int d = 0;
		while (d < 7 && strcmp(days[i], names[d]) != 0)
			d++;
		if (d == 7) {
			free_strings(days, n);
			cs_conf_bad(&L->c, v.p, "\"days\" holds sun, mon, tue, wed, thu, fri or sat");
		}
		bits |= 1u << d;
	}
	free_strings(days, n);
	return bits;
}

/* A local date: a real YYYY-MM-DD day. */
static int is_date(const char *s) { return cs_date_valid(s, strlen(s)); }

static char **holidays_of(struct loader *L, cs_jval v, size_t *n)
{
	return checked_strings(L, v, "holidays", n, is_date, "is not a real date as YYYY-MM-DD");
}

static void hours_of(struct loader *L, cs_jval v)
{
	static const char *const keys[] = {"utc_offset", "days", "open", "close", "holidays", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "\"business_hours\"");
	struct route_hours *h = &L->p->hours;
	*h = (struct route_hours){1, 0, 0x3E, 9 * 60, 18 * 60, NULL, 0};
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "utc_offset"))
			h->offset_min = offset_of(L, val);
		else if (cs_conf_key_is(&ms.m[i], "days"))
			h->days = days_of(L, val);
		else if (cs_conf_key_is(&ms.m[i], "open"))
			h->open_min = clock_of(L, val, "open");
		else if (cs_conf_key_is(&ms.m[i], "close"))
			h->close_min = clock_of(L, val, "close");
		else if (cs_conf_key_is(&ms.m[i], "holidays"))
			h->holidays = holidays_of(L, val, &h->nholidays);
	}
	if (h->close_min <= h->open_min)
		cs_conf_bad(&L->c, v.p, "\"close\" must be after \"open\"");
}

static void load_top(struct loader *L, cs_jval top)
{
	static const char *const keys[] = {"version", "fallback", "bot", "escalation", "human_request", "selection",
					   "capacity_cost", "business_hours", "filters", "default_targets", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, top, keys, "the policy");
	cs_jval defaults = {0};
	for (size_t i = 0; i < ms.n; i++) {
		const cs_member *m = &ms.m[i];
		cs_jval val = cs_conf_val(m);
		if (cs_conf_key_is(m, "version")) {
			if (cs_conf_int(&L->c, val, "version", 0, 1000) != 1)
				cs_conf_bad(&L->c, val.p, "this cs-route reads policy version 1");
		} else if (cs_conf_key_is(m, "fallback"))
			fallback_of(L, val);
		else if (cs_conf_key_is(m, "bot"))
			bot_of(L, val);
		else if (cs_conf_key_is(m, "escalation"))
			escalation_of(L, val);
		else if (cs_conf_key_is(m, "human_request"))
			human_of(L, val);
		else if (cs_conf_key_is(m, "selection")) {
			if (val.t != CS_J_STRING || route_select_of(cs_jtext(val, &L->c.scratch), &L->p->select) != 0)
				cs_conf_bad(&L->c, val.p, "\"selection\" must be longest_idle, least_loaded, round_robin or best_skill");
		} else if (cs_conf_key_is(m, "capacity_cost"))
			costs_of(L, val);
		else if (cs_conf_key_is(m, "business_hours"))
			hours_of(L, val);
		else if (cs_conf_key_is(m, "filters"))
			filters_of(L, val);
		else if (cs_conf_key_is(m, "default_targets"))
			defaults = val;
	}
	if (defaults.p) {
		L->p->defaults = targets_of(L, defaults, &L->p->ndefaults);
		read_targets(L, L->p->defaults, L->p->ndefaults, defaults);
	} else {
		L->p->defaults = cs_malloc(sizeof *L->p->defaults);
		L->p->defaults[0] = general_target();
		L->p->ndefaults = 1;
	}
}

route_policy *route_policy_load_mem(const char *name, const char *text, size_t len, cs_buf *err)
{
	struct loader L = {.c = {.file = name, .text = text, .len = len, .err = err}};
	L.p = policy_new();
	L.p->file = cs_strdup(name);
	if (setjmp(L.c.fail)) {
		cs_conf_free(&L.c);
		route_policy_free(L.p);
		return NULL;
	}
	load_top(&L, cs_conf_top(&L.c));
	cs_conf_free(&L.c);
	return L.p;
}

route_policy *route_policy_load(const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	route_policy *p = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		p = route_policy_load_mem(path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return p;
}

static void free_cond(struct route_cond *c)
{
	for (size_t i = 0; i < c->ntests; i++) {
		free(c->tests[i].name);
		free_strings(c->tests[i].strings, c->tests[i].nstrings);
	}
	free(c->tests);
	for (size_t i = 0; i < c->nany; i++)
		free_cond(&c->any[i]);
	free(c->any);
	if (c->not) {
		free_cond(c->not);
		free(c->not);
	}
}

static void free_targets(struct route_target *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].queue);
		for (size_t k = 0; k < t[i].nskills; k++)
			free(t[i].skills[k].name);
		free(t[i].skills);
	}
	free(t);
}

void route_policy_free(route_policy *p)
{
	if (!p)
		return;
	free(p->file);
	free_strings(p->bot_intents, p->nbot_intents);
	free(p->bot_queue);
	free_strings(p->escalate_emotions, p->nescalate_emotions);
	free(p->ask_target.queue);
	for (size_t i = 0; i < p->ncosts; i++)
		free(p->costs[i].channel);
	free(p->costs);
	free_strings(p->hours.holidays, p->hours.nholidays);
	for (size_t i = 0; i < p->nfilters; i++) {
		free(p->filters[i].name);
		free_cond(&p->filters[i].when);
		free_targets(p->filters[i].targets, p->filters[i].ntargets);
	}
	free(p->filters);
	free_targets(p->defaults, p->ndefaults);
	free_strings(p->extra_asks, p->nextra_asks);
	free(p);
}

int route_policy_cost(const route_policy *p, const char *channel)
{
	for (size_t i = 0; channel && i < p->ncosts; i++)
		if (strcmp(p->costs[i].channel, channel) == 0)
			return p->costs[i].cost;
	return p->default_cost;
}

int route_bot_eligible(const route_policy *p, const char *intent)
{
	for (size_t i = 0; intent && i < p->nbot_intents; i++)
		if (strcmp(p->bot_intents[i], "*") == 0 || strcmp(p->bot_intents[i], intent) == 0)
			return 1;
	return 0;
}

/* ---- evaluating ---- */

/* What a test looks at: text (NULL when it is none), a number (numbers,
 * and true/false as 1/0), whether it is there at all, and for a path the
 * JSON value itself. */
struct attr_val {
	const char *text;
	double num;
	int has_num, present;
	cs_jval json;
};

/* A JSON value as text and as a number. */
static void json_scalar(cs_jval v, cs_buf *scratch, struct attr_val *a)
{
	a->has_num = v.t == CS_J_NUMBER || v.t == CS_J_TRUE || v.t == CS_J_FALSE;
	a->num = v.t == CS_J_NUMBER ? strtod(v.p, NULL) : v.t == CS_J_TRUE;
	a->text = v.t == CS_J_STRING ? cs_jtext(v, scratch) : NULL;
}

static void path_value(const struct route_test *t, const struct route_facts *f, cs_buf *scratch,
		       struct attr_val *a)
{
	a->json = cs_jmember_path(f->record, t->name);
	a->present = a->json.t != CS_J_NONE && a->json.t != CS_J_NULL;
	json_scalar(a->json, scratch, a);
}

static struct attr_val attr_value(const struct route_test *t, const struct route_facts *f, cs_buf *scratch)
{
	struct attr_val a = {.has_num = 1, .present = 1};
	switch (t->attr) {
	case RA_INTENT: a.text = f->intent; break;
	case RA_INTENT_SOURCE: a.text = f->intent_source; break;
	case RA_TIER: a.text = f->tier; break;
	case RA_CHANNEL: a.text = f->channel; break;
	case RA_LANGUAGE: a.text = f->language; break;
	case RA_CUSTOMER_TIER: a.text = f->customer_tier; break;
	case RA_CONFIDENCE: a.num = f->confidence; a.present = f->intent != NULL; return a;
	case RA_SENTIMENT: a.num = f->sentiment; a.present = f->has_sentiment; return a;
	case RA_VIP: a.num = f->vip; return a;
	case RA_BUSINESS_HOURS: a.num = f->business_hours; return a;
	case RA_HUMAN_REQUESTED: a.num = f->human_requested; return a;
	case RA_ESCALATED: a.num = f->escalated; return a;
	case RA_EMOTIONS: a.has_num = 0; return a;
	case RA_PATH: case RA_N: path_value(t, f, scratch, &a); return a;
	}
	a.has_num = 0;
	a.present = a.text != NULL;
	return a;
}

static int in_list(const struct route_test *t, const char *s)
{
	for (size_t i = 0; s && i < t->nstrings; i++)
		if (strcmp(t->strings[i], s) == 0)
			return 1;
	return 0;
}

/* Does the value equal the test's, or is it among its strings? */
static int is_listed(const struct route_test *t, const struct attr_val *a)
{
	if (t->numeric)
		return a->has_num && a->num == t->number;
	return in_list(t, a->text);
}

/* Sets (emotions, a path to an array) answer eq/in by any member listed,
 * ne/not_in by none; they have no order. */
static int set_test(enum route_op op, int any_listed)
{
	switch (op) {
	case RO_EQ: case RO_IN: return any_listed;
	case RO_NE: case RO_NOT_IN: return !any_listed;
	default: return 0;
	}
}

static int emotions_test(const struct route_test *t, const struct route_facts *f)
{
	int any = 0;
	if (t->op == RO_EXISTS)
		return (f->nemotions > 0) == t->exists;
	for (size_t i = 0; i < f->nemotions; i++)
		any |= in_list(t, f->emotions[i]);
	return set_test(t->op, any);
}

struct element_search {
	const struct route_test *t;
	cs_buf *scratch;
	int found;
};

static int element_listed(cs_jval item, void *ctx)
{
	struct element_search *e = ctx;
	struct attr_val a;
	json_scalar(item, e->scratch, &a);
	e->found = is_listed(e->t, &a);
	return e->found;   /* stops at the first */
}

static int array_test(const struct route_test *t, cs_jval array, cs_buf *scratch)
{
	struct element_search e = {t, scratch, 0};
	cs_jeach(array, element_listed, &e);
	return set_test(t->op, e.found);
}

static int compare(enum route_op op, double a, double b)
{
	switch (op) {
	case RO_EQ: return a == b;
	case RO_NE: return a != b;
	case RO_LT: return a < b;
	case RO_LE: return a <= b;
	case RO_GT: return a > b;
	case RO_GE: return a >= b;
	default: return 0;
	}
}

static int test_holds(const struct route_test *t, const struct route_facts *f, cs_buf *scratch)
{
	if (t->attr == RA_EMOTIONS)
		return emotions_test(t, f);
	struct attr_val a = attr_value(t, f, scratch);
	if (t->op == RO_EXISTS)
		return a.present == t->exists;
	if (!a.present)   /* a missing value is no number, not even 0 */
		return t->op == RO_NE || t->op == RO_NOT_IN;
	if (a.json.t == CS_J_ARRAY)
		return array_test(t, a.json, scratch);
	if (t->numeric)
		return a.has_num && !isnan(a.num) && compare(t->op, a.num, t->number);
	return set_test(t->op, in_list(t, a.text));
}

int route_cond_holds(const struct route_cond *c, const struct route_facts *f, cs_buf *scratch)
{
	for (size_t i = 0; i < c->ntests; i++)
		if (!test_holds(&c->tests[i], f, scratch))
			return 0;
	if (c->nany) {
		size_t i = 0;
		while (i < c->nany && !route_cond_holds(&c->any[i], f, scratch))
			i++;
		if (i == c->nany)
			return 0;
	}
	return !c->not || !route_cond_holds(c->not, f, scratch);
}

static int is_holiday(const struct route_hours *h, int64_t local_ms)
{
	time_t secs = (time_t)(local_ms / 1000);
	struct tm tm;
	char day[16];
	gmtime_r(&secs, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	for (size_t i = 0; i < h->nholidays; i++)
		if (strcmp(h->holidays[i], day) == 0)
			return 1;
	return 0;
}

int route_in_hours(const struct route_hours *h, int64_t utc_ms)
{
	if (!h->set)
		return 1;
	int64_t local = utc_ms + (int64_t)h->offset_min * 60000;
	int64_t day = local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
	int minute = (int)((local - day * 86400000) / 60000);
	int weekday = (int)(((day % 7) + 7 + 4) % 7);    /* 1970-01-01 was a Thursday */
	if (!(h->days >> weekday & 1) || is_holiday(h, local))
		return 0;
	return minute >= h->open_min && minute < h->close_min;
}
