/* eng_route_match: asks for a person and intent rules (see eng_route_match.h). */
#include "eng_route_match.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "svc_phrase.h"
#include "svc_regex.h"
#include "svc_text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lists of the asks' automaton: phrases that ask, phrases that do not, and
 * from LIST_PATTERN on, pattern k's literals (svc_relit), so that one scan
 * of the text also tells which patterns can match there. */
enum { LIST_ASK, LIST_NOT, LIST_PATTERN };
#define FILTERED_PATTERNS 64

struct route_asks {
	cs_phrases *phrases;
	cs_regex **patterns;
	unsigned char *negated;       /* pattern k is a not:re: one: its matches are no asks */
	size_t npatterns, nphrases;   /* the file's: the automaton holds the patterns' literals too */
	size_t nnegated;
	uint64_t filtered;            /* bit k: pattern k's literals are in the automaton */
};

static void add_pattern_literals(route_asks *a)
{
	size_t k = a->npatterns - 1;
	if (k < FILTERED_PATTERNS && cs_regex_add_literals(a->patterns[k], a->phrases, LIST_PATTERN + (uint32_t)k))
		a->filtered |= 1ull << k;
}

static int add_pattern(route_asks *a, const char *s, size_t n, int negated, cs_buf *why)
{
	const char *capital = cs_regex_capital(s, n);
	if (capital) {
		cs_buf_printf(why, "'%c' is never in the request, which is case folded: write patterns in lower case",
			      *capital);
		return -1;
	}
	cs_regex *re = cs_regex_new(s, n, why);
	if (!re)
		return -1;
	a->patterns = cs_realloc(a->patterns, (a->npatterns + 1) * sizeof *a->patterns);
	a->negated = cs_realloc(a->negated, a->npatterns + 1);
	a->negated[a->npatterns] = (unsigned char)negated;
	a->patterns[a->npatterns++] = re;
	a->nnegated += negated != 0;
	add_pattern_literals(a);
	return 0;
}

/* A line: re:PATTERN, not:re:PATTERN, not:PHRASE or a phrase. */
static int add_line(route_asks *a, const char *s, size_t n, cs_buf *phrase, cs_buf *why)
{
	int negated = n > 4 && memcmp(s, "not:", 4) == 0;
	if (negated) {
		s += 4;
		n -= 4;
	}
	if (n > 3 && memcmp(s, "re:", 3) == 0)
		return add_pattern(a, s + 3, n - 3, negated, why);
	cs_norm_phrase(s, n, phrase);
	if (phrase->len) {
		cs_phrases_add(a->phrases, phrase->p, phrase->len, negated ? LIST_NOT : LIST_ASK);
		a->nphrases++;
	}
	return 0;
}

static route_asks *asks_fail(route_asks *a, cs_buf *err, const char *name, unsigned long line, const cs_buf *why)
{
	cs_buf_printf(err, "%s:%lu: %s", name, line, why->p ? why->p : "bad line");
	route_asks_free(a);
	return NULL;
}

static route_asks *asks_read(const char *name, const char *text, size_t len, const char *const *extra, size_t nextra,
			     cs_buf *err)
{
	route_asks *a = cs_calloc(1, sizeof *a);
	a->phrases = cs_phrases_new();
	cs_buf phrase = CS_BUF_INIT, why = CS_BUF_INIT;
	unsigned long line = 0;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len, n = end - at;
		const char *s = text + at;
		line++;
		at = end + 1;
		if (n && s[n - 1] == '\r')
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		if (add_line(a, s, n, &phrase, &why) != 0) {
			cs_buf_free(&phrase);
			a = asks_fail(a, err, name, line, &why);
			cs_buf_free(&why);
			return a;
		}
	}
	for (size_t i = 0; i < nextra; i++)
		add_line(a, extra[i], strlen(extra[i]), &phrase, &why);
	cs_phrases_build(a->phrases);
	cs_buf_free(&phrase);
	cs_buf_free(&why);
	return a;
}

route_asks *route_asks_load_mem(const char *name, const char *text, size_t len, cs_buf *err)
{
	return asks_read(name, text, len, NULL, 0, err);
}

route_asks *route_asks_load(const char *path, const char *const *extra, size_t nextra, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	route_asks *a = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		a = asks_read(path, text.p ? text.p : "", text.len, extra, nextra, err);
	cs_buf_free(&text);
	return a;
}

#define MAX_HITS 16

struct scan {
	cs_phrase_hit asks[MAX_HITS], nots[MAX_HITS];
	size_t nasks, nnots;
	uint64_t may_match;           /* bit k: a literal of pattern k is in the text */
	int negated_found;            /* the not:re: matches are among nots */
};

static int collect(void *ctx, const cs_phrase_hit *h)
{
	struct scan *s = ctx;
	if (h->list == LIST_ASK && s->nasks < MAX_HITS)
		s->asks[s->nasks++] = *h;
	else if (h->list == LIST_NOT && s->nnots < MAX_HITS)
		s->nots[s->nnots++] = *h;
	else if (h->list >= LIST_PATTERN)
		s->may_match |= 1ull << (h->list - LIST_PATTERN);
	return 0;
}

/* Does a not: phrase overlap the ask from start to end? An ask that sticks
 * out past the phrase ("不需要人工客服" holds "人工客服") is cancelled too. */
static int overlaps_not(const struct scan *s, size_t start, size_t end)
{
	for (size_t i = 0; i < s->nnots; i++)
		if (s->nots[i].start < end && start < s->nots[i].end)
			return 1;
	return 0;
}

typedef int (*find_fn)(cs_regex *, const char *, size_t, size_t, size_t *, size_t *);

/* How to look for pattern i, or NULL when the scan found none of the
 * literals it cannot match without. */
static find_fn finder(const route_asks *a, size_t i, const struct scan *s)
{
	int filtered = i < FILTERED_PATTERNS && (a->filtered >> i & 1);
	if (filtered && !(s->may_match >> i & 1))
		return NULL;
	/* the scan found the pattern's literals: no second pass for them */
	return filtered ? cs_regex_find_unfiltered : cs_regex_find;
}

/* The not:re: patterns' matches among the not: phrases, looked for once an
 * ask needs them (a match that stops at the match limit is none). */
static void find_negated(const route_asks *a, struct scan *s, const char *text, size_t len)
{
	if (s->negated_found)
		return;
	s->negated_found = 1;
	for (size_t i = 0; i < a->npatterns && a->nnegated; i++) {
		find_fn find = a->negated[i] ? finder(a, i, s) : NULL;
		size_t start, end;
		for (size_t from = 0; find && from <= len && s->nnots < MAX_HITS;) {
			if (find(a->patterns[i], text, len, from, &start, &end) != 1)
				break;
			s->nots[s->nnots++] = (cs_phrase_hit){.list = LIST_NOT, .start = start, .end = end};
			from = end > start ? end : start + 1;
		}
	}
}

/* Pattern i's first match that no not: phrase overlaps; a match that
 * stopped at the match limit counts as none, and in *limited. */
static int pattern_found(const route_asks *a, size_t i, struct scan *s, const char *text, size_t len,
			 size_t *start, size_t *end, unsigned *limited)
{
	find_fn find = a->negated[i] ? NULL : finder(a, i, s);
	if (!find)
		return 0;
	for (size_t from = 0; from <= len;) {
		int found = find(a->patterns[i], text, len, from, start, end);
		if (found != 1) {
			*limited += found < 0;
			return 0;
		}
		find_negated(a, s, text, len);
		if (!overlaps_not(s, *start, *end))
			return 1;
		from = *end > *start ? *end : *start + 1;
	}
	return 0;
}

/* What the scan found: the first ask no not: phrase overlaps, else the
 * first pattern match none overlaps (of the patterns whose literals are
 * in the text). */
static int asks_found(const route_asks *a, struct scan *s, const char *text, size_t len, size_t *start,
		      size_t *end, unsigned *limited);

int route_asks_find(const route_asks *a, const char *text, size_t len, size_t *start, size_t *end)
{
	struct scan s = {.nasks = 0};
	cs_phrases_scan(a->phrases, text, len, collect, &s);
	unsigned limited = 0;
	return asks_found(a, &s, text, len, start, end, &limited);
}

int route_asks_find_also(const route_asks *a, const char *text, size_t len, size_t *start, size_t *end,
			 unsigned *limited, const cs_phrases *also, int (*fn)(void *ctx, const cs_phrase_hit *h),
			 void *ctx)
{
	struct scan s = {.nasks = 0};
	cs_phrases_scan2(a->phrases, collect, &s, also, fn, ctx, text, len);
	*limited = 0;
	return asks_found(a, &s, text, len, start, end, limited);
}

static int asks_found(const route_asks *a, struct scan *s, const char *text, size_t len, size_t *start,
		      size_t *end, unsigned *limited)
{
	if (s->nasks)
		find_negated(a, s, text, len);
	for (size_t i = 0; i < s->nasks; i++)
		if (!overlaps_not(s, s->asks[i].start, s->asks[i].end)) {
			*start = s->asks[i].start;
			*end = s->asks[i].end;
			return 1;
		}
	for (size_t i = 0; i < a->npatterns; i++)
		if (pattern_found(a, i, s, text, len, start, end, limited))
			return 1;
	return 0;
}

void route_asks_counts(const route_asks *a, size_t *phrases, size_t *patterns)
{
	*phrases = a->nphrases;
	*patterns = a->npatterns;
}

void route_asks_free(route_asks *a)
{
	if (!a)
		return;
	cs_phrases_free(a->phrases);
	for (size_t i = 0; i < a->npatterns; i++)
		cs_regex_free(a->patterns[i]);
	free(a->patterns);
	free(a->negated);
	free(a);
}

/* ---- rules ---- */

struct rule {
	char *name, *intent;
	cs_regex *re;
	int priority;
	double confidence;
};

#define FILTERED_RULES 4096         /* rules past these are each prefiltered on their own */

struct route_rules {
	struct rule *rules;              /* by priority, highest first; listed order among equals */
	size_t n;
	cs_phrases *literals;            /* list k: rule k's literals (cs_regex_literals) */
};

struct loader {
	cs_conf c;
	route_rules *r;
};

static void rule_of(struct loader *L, struct rule *r, cs_jval v, size_t index)
{
	static const char *const keys[] = {"name", "intent", "pattern", "priority", "confidence", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, v, keys, "a rule");
	cs_jval pattern = {0};
	r->confidence = 1;
	for (size_t i = 0; i < ms.n; i++) {
		cs_jval val = cs_conf_val(&ms.m[i]);
		if (cs_conf_key_is(&ms.m[i], "name"))
			r->name = cs_conf_text(&L->c, val, "name");
		else if (cs_conf_key_is(&ms.m[i], "intent"))
			r->intent = cs_conf_text(&L->c, val, "intent");
		else if (cs_conf_key_is(&ms.m[i], "pattern"))
			pattern = val;
		else if (cs_conf_key_is(&ms.m[i], "priority"))
			r->priority = cs_conf_int(&L->c, val, "priority", -1000000, 1000000);
		else if (cs_conf_key_is(&ms.m[i], "confidence")) {
			r->confidence = cs_conf_number(&L->c, val, "confidence");
			if (!(r->confidence >= 0 && r->confidence <= 1))
				cs_conf_bad(&L->c, val.p, "\"confidence\" must be from 0 to 1");
		}
	}
	if (!r->intent || !pattern.p)
		cs_conf_bad(&L->c, v.p, "a rule needs an \"intent\" and a \"pattern\"");
	if (!r->name) {
		char name[32];
		snprintf(name, sizeof name, "rule %zu", index + 1);
		r->name = cs_strdup(name);
	}
	char *text = cs_conf_temp(&L->c, cs_conf_text(&L->c, pattern, "pattern"));
	const char *capital = cs_regex_capital(text, strlen(text));
	if (capital)
		cs_conf_bad(&L->c, pattern.p,
			    "\"pattern\": '%c' is never in the request, which is case folded: write patterns in lower case",
			    *capital);
	cs_buf why = CS_BUF_INIT;
	r->re = cs_regex_new(text, strlen(text), &why);
	if (!r->re) {
		cs_conf_temp(&L->c, why.p);
		cs_conf_bad(&L->c, pattern.p, "the pattern does not compile: %s", why.p ? why.p : "");
	}
	cs_buf_free(&why);
}

static int by_priority(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	return x->priority != y->priority ? (x->priority < y->priority) - (x->priority > y->priority) : 0;
}

static void rules_top(struct loader *L, cs_jval top)
{
	static const char *const keys[] = {"version", "rules", NULL};
	cs_conf_members ms = cs_conf_members_of(&L->c, top, keys, "the rules file");
	for (size_t i = 0; i < ms.n; i++) {
		if (!cs_conf_key_is(&ms.m[i], "rules"))
			continue;
		cs_conf_elements e = cs_conf_elements_of(&L->c, cs_conf_val(&ms.m[i]), "\"rules\"");
		L->r->rules = cs_calloc(e.n + 1, sizeof *L->r->rules);
		for (size_t k = 0; k < e.n; k++) {
			L->r->n = k + 1;
			rule_of(L, &L->r->rules[k], e.v[k], k);
		}
	}
	/* an insertion sort: stable, so equal priorities keep the listed order */
	for (size_t k = 1; k < L->r->n; k++)
		for (size_t j = k; j > 0 && by_priority(&L->r->rules[j - 1], &L->r->rules[j]) > 0; j--) {
			struct rule t = L->r->rules[j];
			L->r->rules[j] = L->r->rules[j - 1];
			L->r->rules[j - 1] = t;
		}
}

/* Every rule's literals in one automaton: one pass over a request tells
 * which rules can match it, where each rule's prefilter was a pass of its own. */
static void gather_literals(route_rules *r)
{
	r->literals = cs_phrases_new();
	for (size_t k = 0; k < r->n && k < FILTERED_RULES; k++)
		cs_regex_add_literals(r->rules[k].re, r->literals, (uint32_t)k);
	cs_phrases_build(r->literals);
}

route_rules *route_rules_load_mem(const char *name, const char *text, size_t len, cs_buf *err)
{
	struct loader L = {.c = {.file = name, .text = text, .len = len, .err = err}};
	L.r = cs_calloc(1, sizeof *L.r);
	if (setjmp(L.c.fail)) {
		cs_conf_free(&L.c);
		route_rules_free(L.r);
		return NULL;
	}
	rules_top(&L, cs_conf_top(&L.c));
	gather_literals(L.r);
	cs_conf_free(&L.c);
	return L.r;
}

route_rules *route_rules_load(const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	route_rules *r = NULL;
	if (cs_conf_slurp(path, &text, err) == 0)
		r = route_rules_load_mem(path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return r;
}

static int literal_seen(void *ctx, const cs_phrase_hit *h)
{
	uint64_t *seen = ctx;
	seen[h->list / 64] |= (uint64_t)1 << (h->list % 64);
	return 0;
}

int route_rules_find(const route_rules *r, const char *text, size_t len, struct route_rule_hit *hit)
{
	if (!r)
		return 0;
	hit->limited = 0;
	hit->limited_name = NULL;
	uint64_t seen[FILTERED_RULES / 64] = {0};
	cs_phrases_scan(r->literals, text, len, literal_seen, seen);
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *x = &r->rules[i];
		int filtered = i < FILTERED_RULES && cs_regex_literals(x->re);
		if (filtered && !(seen[i / 64] >> (i % 64) & 1))
			continue;
		int found = (filtered ? cs_regex_find_unfiltered : cs_regex_find)(x->re, text, len, 0, &hit->start, &hit->end);
		if (found < 0 && hit->limited++ == 0)
			hit->limited_name = x->name;
		if (found == 1) {
			hit->intent = x->intent;
			hit->name = x->name;
			hit->confidence = x->confidence;
			hit->priority = x->priority;
			return 1;
		}
	}
	return 0;
}

size_t route_rules_count(const route_rules *r) { return r ? r->n : 0; }

void route_rules_free(route_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->rules[i].name);
		free(r->rules[i].intent);
		cs_regex_free(r->rules[i].re);
	}
	free(r->rules);
	cs_phrases_free(r->literals);
	free(r);
}
