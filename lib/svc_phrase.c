/* svc_phrase: many phrase lists matched in one pass (see svc_phrase.h).
 *
 * An Aho-Corasick automaton over bytes, built into a full transition table
 * (no failure links followed while scanning) whose columns are byte
 * classes: the bytes that occur in some phrase each get a class, all others
 * share class 0. For the scan, states are numbered so that those where some
 * phrase ends come last, and an entry holds the next state's row offset
 * (state times the class count): a byte costs one load and one add, with
 * no multiply or bit to strip on the path from one byte to the next, and a
 * hit is an entry at or above the first such row.
 *
 * The phrases all in ASCII and the others (Chinese) get an automaton each:
 * two small tables, each with only its own bytes as classes, stay in the
 * caches where one of both sizes together (for the default scorecard four
 * times as large) did not, and a text in ASCII only needs the first. A text
 * with other bytes goes through both in one loop: two chains of loads that
 * overlap. At one place, every hit of the second automaton is longer than
 * any of the first (it holds a byte above ASCII before their start), so
 * reporting the second's first keeps the order of one automaton: by end,
 * longer first.
 *
 * When no phrase starts with an ASCII letter or digit (Chinese lists), the
 * scan of such an automaton alone skips, at the root, the bytes that start
 * no phrase: English text then goes by at several times the speed. When
 * some phrase does, the skip costs more in mispredicted branches than it
 * saves (English text at half the speed), so the scan takes every byte
 * through the table. */
#include "svc_phrase.h"
#include "kit_bytes.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

struct phrase {
	char *text;
	uint32_t len, list;
	unsigned char bound_start, bound_end;   /* whole-word checks at either end */
};

/* One automaton over a subset of the phrases. */
struct ac {
	uint32_t *ids;                /* while building: its phrases, as indexes of cs_phrases */
	size_t n;                     /* how many */
	unsigned char cls[256];       /* byte -> class */
	uint32_t nclass, nstates;
	uint32_t *delta;              /* while building: nstates x nclass, 0 no edge yet */
	uint32_t *rows;               /* for the scan: the next state's row offset */
	uint32_t hit_rows;            /* row offsets from here on are states with output */
	uint32_t *out_first, *out_count;   /* phrases ending at a state: out_ids[first ..+ count) */
	uint32_t *out_ids;            /* indexes of cs_phrases */
	uint32_t *dict;               /* next state on the failure chain with output, or 0 */
	unsigned char starts[256];    /* bytes that start a phrase */
	int skip_at_root;             /* no phrase starts with an ASCII letter or digit */
};

struct cs_phrases {
	struct phrase *ph;
	size_t n, cap;
	struct ac ascii, wide;        /* the phrases all in ASCII, the others */
	int built;
};

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

cs_phrases *cs_phrases_new(void) { return cs_calloc(1, sizeof(cs_phrases)); }

uint32_t cs_phrases_add(cs_phrases *p, const char *phrase, size_t len, uint32_t list)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->ph = cs_realloc(p->ph, p->cap * sizeof *p->ph);
	}
	struct phrase *ph = &p->ph[p->n];
	ph->text = cs_strndup(phrase, len);
	ph->len = (uint32_t)len;
	ph->list = list;
	ph->bound_start = len && is_word_byte((unsigned char)phrase[0]);
	ph->bound_end = len && is_word_byte((unsigned char)phrase[len - 1]);
	p->built = 0;
	return (uint32_t)p->n++;
}

uint32_t cs_phrases_add_anywhere(cs_phrases *p, const char *phrase, size_t len, uint32_t list)
{
	uint32_t id = cs_phrases_add(p, phrase, len, list);
	p->ph[id].bound_start = p->ph[id].bound_end = 0;
	return id;
}

size_t cs_phrases_count(const cs_phrases *p) { return p->n; }

static void free_automaton(struct ac *a)
{
	free(a->ids);
	free(a->delta);
	free(a->rows);
	free(a->out_first);
	free(a->out_count);
	free(a->out_ids);
	free(a->dict);
	memset(a, 0, sizeof *a);
}

void cs_phrases_free(cs_phrases *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->ph[i].text);
	free(p->ph);
	free_automaton(&p->ascii);
	free_automaton(&p->wide);
	free(p);
}

static void assign_classes(struct ac *a, const struct phrase *ph)
{
	a->nclass = 1;
	int word_start = 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct phrase *f = &ph[a->ids[i]];
		const unsigned char *t = (const unsigned char *)f->text;
		if (f->len)
			a->starts[t[0]] = 1;
		word_start |= f->bound_start;
		for (uint32_t k = 0; k < f->len; k++)
			if (!a->cls[t[k]])
				a->cls[t[k]] = (unsigned char)a->nclass++;
	}
	a->skip_at_root = !word_start;
}

static int by_text(const void *x, const void *y, void *ctx)
{
	const struct phrase *ph = ctx, *a = &ph[*(const uint32_t *)x], *b = &ph[*(const uint32_t *)y];
	int c = memcmp(a->text, b->text, a->len < b->len ? a->len : b->len);
	return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* The trie's state count, exactly: the phrases in sorted order, each adds
 * the bytes it does not share with the one before. The table is then
 * allocated once at its size (thousands of phrases: tens of megabytes less
 * to clear). */
static uint32_t count_states(const struct ac *a, const struct phrase *ph)
{
	uint32_t *order = cs_malloc((a->n + 1) * sizeof *order), nstates = 1;
	memcpy(order, a->ids, a->n * sizeof *order);
	qsort_r(order, a->n, sizeof *order, by_text, (void *)ph);
	for (size_t i = 0; i < a->n; i++) {
		const struct phrase *cur = &ph[order[i]], *prev = i ? &ph[order[i - 1]] : NULL;
		uint32_t shared = 0;
		while (prev && shared < prev->len && shared < cur->len && prev->text[shared] == cur->text[shared])
			shared++;
		nstates += cur->len - shared;
	}
	free(order);
	return nstates;
}

/* The trie: delta holds 0 where no edge exists yet (no edge of a trie
 * leads back to the root). Returns the state count; end[i] is the state
 * the automaton's phrase i ends at. */
static uint32_t build_trie(struct ac *a, const struct phrase *ph, uint32_t *end)
{
	a->delta = cs_calloc((size_t)count_states(a, ph) * a->nclass, sizeof *a->delta);
	uint32_t nstates = 1;
	for (size_t i = 0; i < a->n; i++) {
		uint32_t s = 0;
		const struct phrase *f = &ph[a->ids[i]];
		const unsigned char *t = (const unsigned char *)f->text;
		for (uint32_t k = 0; k < f->len; k++) {
			uint32_t *next = &a->delta[(size_t)s * a->nclass + a->cls[t[k]]];
			if (!*next)
				*next = nstates++;
			s = *next;
		}
		end[i] = s;
	}
	return nstates;
}

/* Outputs: the phrases ending exactly at each state, grouped by state. */
static void collect_outputs(struct ac *a, const uint32_t *end)
{
	a->out_first = cs_calloc(a->nstates + 1, sizeof *a->out_first);
	a->out_count = cs_calloc(a->nstates + 1, sizeof *a->out_count);
	a->out_ids = cs_malloc((a->n + 1) * sizeof *a->out_ids);
	for (size_t i = 0; i < a->n; i++)
		a->out_count[end[i]]++;
	uint32_t at = 0;
	for (uint32_t s = 0; s < a->nstates; s++) {
		a->out_first[s] = at;
		at += a->out_count[s];
		a->out_count[s] = 0;
	}
	for (size_t i = 0; i < a->n; i++) {
		uint32_t s = end[i];
		a->out_ids[a->out_first[s] + a->out_count[s]++] = a->ids[i];
	}
}

/* Breadth first: failure links, the dictionary links, and every missing
 * edge filled from the failure state's. */
static void link_states(struct ac *a)
{
	uint32_t *fail = cs_calloc(a->nstates, sizeof *fail);
	uint32_t *queue = cs_malloc(a->nstates * sizeof *queue);
	a->dict = cs_calloc(a->nstates, sizeof *a->dict);
	size_t head = 0, tail = 0;
	const uint32_t *root = a->delta;
	for (uint32_t c = 0; c < a->nclass; c++)
		if (root[c])
			queue[tail++] = root[c];   /* its failure state is the root */
	while (head < tail) {
		uint32_t s = queue[head++];
		uint32_t f = fail[s];
		a->dict[s] = a->out_count[f] ? f : a->dict[f];
		uint32_t *row = &a->delta[(size_t)s * a->nclass];
		const uint32_t *frow = &a->delta[(size_t)f * a->nclass];
		for (uint32_t c = 0; c < a->nclass; c++) {
			if (!row[c]) {
				row[c] = frow[c];
			} else {
				fail[row[c]] = frow[c];
				queue[tail++] = row[c];
			}
		}
	}
	free(fail);
	free(queue);
}

/* A state's outputs and dictionary link, moved to its new number. */
static void renumber_outputs(struct ac *a, const uint32_t *new_of)
{
	uint32_t *first = cs_calloc(a->nstates + 1, sizeof *first), *count = cs_calloc(a->nstates + 1, sizeof *count);
	uint32_t *dict = cs_calloc(a->nstates, sizeof *dict);
	for (uint32_t s = 0; s < a->nstates; s++) {
		first[new_of[s]] = a->out_first[s];
		count[new_of[s]] = a->out_count[s];
		dict[new_of[s]] = a->dict[s] ? new_of[a->dict[s]] : 0;
	}
	free(a->out_first);
	free(a->out_count);
	free(a->dict);
	a->out_first = first;
	a->out_count = count;
	a->dict = dict;
}

/* The scan's table: states with output (a phrase ends there or on their
 * dictionary chain) numbered last, entries as row offsets. The root keeps
 * number 0: an empty phrase is never reported. */
static void number_for_scan(struct ac *a)
{
	uint32_t *new_of = cs_malloc(a->nstates * sizeof *new_of), next = 1;
	new_of[0] = 0;
	for (int with_output = 0; with_output < 2; with_output++) {
		if (with_output)
			a->hit_rows = next * a->nclass;
		for (uint32_t s = 1; s < a->nstates; s++)
			if ((a->out_count[s] || a->dict[s]) == with_output)
				new_of[s] = next++;
	}
	size_t cells = (size_t)a->nstates * a->nclass;
	a->rows = cs_malloc(cells * sizeof *a->rows);
	for (uint32_t s = 0; s < a->nstates; s++)
		for (uint32_t c = 0; c < a->nclass; c++)
			a->rows[(size_t)new_of[s] * a->nclass + c] = new_of[a->delta[(size_t)s * a->nclass + c]] * a->nclass;
	free(a->delta);
	a->delta = NULL;
	renumber_outputs(a, new_of);
	free(new_of);
}

static void build_automaton(struct ac *a, const struct phrase *ph)
{
	assign_classes(a, ph);
	uint32_t *end = cs_malloc((a->n + 1) * sizeof *end);
	a->nstates = build_trie(a, ph, end);
	collect_outputs(a, end);
	link_states(a);
	number_for_scan(a);
	free(end);
	free(a->ids);   /* the outputs name the phrases now */
	a->ids = NULL;
}

void cs_phrases_build(cs_phrases *p)
{
	free_automaton(&p->ascii);
	free_automaton(&p->wide);
	p->ascii.ids = cs_malloc((p->n + 1) * sizeof *p->ascii.ids);
	p->wide.ids = cs_malloc((p->n + 1) * sizeof *p->wide.ids);
	for (size_t i = 0; i < p->n; i++) {
		struct ac *a = cs_ascii_end(p->ph[i].text, 0, p->ph[i].len) == p->ph[i].len ? &p->ascii : &p->wide;
		a->ids[a->n++] = (uint32_t)i;
	}
	build_automaton(&p->ascii, p->ph);
	build_automaton(&p->wide, p->ph);
	p->built = 1;
}

/* Report the phrases ending at row offset s at text byte e (exclusive end). */
static int report(const struct ac *a, const struct phrase *ph, uint32_t s, const unsigned char *text, size_t len,
		  size_t e, int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	for (s /= a->nclass; s; s = a->dict[s]) {
		for (uint32_t k = 0; k < a->out_count[s]; k++) {
			uint32_t id = a->out_ids[a->out_first[s] + k];
			const struct phrase *f = &ph[id];
			size_t start = e - f->len;
			if (f->bound_start && start > 0 && is_word_byte(text[start - 1]))
				continue;
			if (f->bound_end && e < len && is_word_byte(text[e]))
				continue;
			cs_phrase_hit h = {f->list, id, start, e};
			if (fn(ctx, &h))
				return 1;
		}
	}
	return 0;
}

/* Where the scan leaves the root: the next byte that starts a phrase, or len. */
static size_t next_start(const struct ac *a, const unsigned char *t, size_t len, size_t i)
{
	while (i < len && !a->starts[t[i]])
		i++;
	return i;
}

/* The text through one automaton. */
static void scan_one(const struct ac *a, const struct phrase *ph, const unsigned char *t, size_t len,
		     int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	const uint32_t *rows = a->rows, hit_rows = a->hit_rows;
	uint32_t s = 0;   /* the state's row offset */
	size_t i = 0;
	/* two loops: a skip test inside the plain one, even never taken, halves its speed */
	if (a->skip_at_root) {
		for (; (i = s ? i : next_start(a, t, len, i)) < len; i++) {
			s = rows[s + a->cls[t[i]]];
			if (s >= hit_rows && report(a, ph, s, t, len, i + 1, fn, ctx))
				return;
		}
		return;
	}
	for (; i < len; i++) {
		s = rows[s + a->cls[t[i]]];
		if (s >= hit_rows && report(a, ph, s, t, len, i + 1, fn, ctx))
			return;
	}
}

/* An automaton with the phrases its outputs name and where its hits go. */
struct target {
	const struct ac *a;
	const struct phrase *ph;
	int (*fn)(void *ctx, const cs_phrase_hit *h);
	void *ctx;
	int *stopped;                 /* shared by the targets of one cs_phrases */
};

static inline void hit_at(const struct target *g, uint32_t s, const unsigned char *t, size_t len, size_t e)
{
	if (!*g->stopped && report(g->a, g->ph, s, t, len, e, g->fn, g->ctx))
		*g->stopped = 1;
}

/* The text through two automata at once: two chains of loads that overlap.
 * At each byte the first's hits come first. */
static void scan_two(struct target x, struct target y, const unsigned char *t, size_t len)
{
	const uint32_t *xrows = x.a->rows, *yrows = y.a->rows, xhit = x.a->hit_rows, yhit = y.a->hit_rows;
	uint32_t xs = 0, ys = 0;
	for (size_t i = 0; i < len && !(*x.stopped && *y.stopped); i++) {
		xs = xrows[xs + x.a->cls[t[i]]];
		ys = yrows[ys + y.a->cls[t[i]]];
		if (__builtin_expect(xs >= xhit || ys >= yhit, 0)) {
			if (xs >= xhit)
				hit_at(&x, xs, t, len, i + 1);
			if (ys >= yhit)
				hit_at(&y, ys, t, len, i + 1);
		}
	}
}

/* Four at once: two phrase sets' wide and ASCII automata. Chinese text is
 * runs of bytes above ASCII, which take an ASCII automaton to its root: only
 * the wide ones step through them. */
static void scan_four(const struct target g[4], const unsigned char *t, size_t len)
{
	const struct ac *a0 = g[0].a, *a1 = g[1].a, *a2 = g[2].a, *a3 = g[3].a;
	uint32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	for (size_t i = 0; i < len && !(*g[0].stopped && *g[2].stopped); i++) {
		unsigned char b = t[i];
		s0 = a0->rows[s0 + a0->cls[b]];
		s2 = a2->rows[s2 + a2->cls[b]];
		if (b < 0x80) {
			s1 = a1->rows[s1 + a1->cls[b]];
			s3 = a3->rows[s3 + a3->cls[b]];
		} else {
			s1 = s3 = 0;   /* no phrase of an ASCII automaton holds the byte: its root */
		}
		if (__builtin_expect(s0 >= a0->hit_rows || s1 >= a1->hit_rows || s2 >= a2->hit_rows ||
				     s3 >= a3->hit_rows, 0)) {
			if (s0 >= a0->hit_rows)
				hit_at(&g[0], s0, t, len, i + 1);
			if (s1 >= a1->hit_rows)
				hit_at(&g[1], s1, t, len, i + 1);
			if (s2 >= a2->hit_rows)
				hit_at(&g[2], s2, t, len, i + 1);
			if (s3 >= a3->hit_rows)
				hit_at(&g[3], s3, t, len, i + 1);
		}
	}
}

/* The text through both automata of p at once, the wide one's hits first at
 * each byte: at one place, every hit of the wide one is longer than any of
 * the ASCII one's. */
static void scan_both(const cs_phrases *p, const unsigned char *t, size_t len,
		      int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	int stopped = 0;
	scan_two((struct target){&p->wide, p->ph, fn, ctx, &stopped}, (struct target){&p->ascii, p->ph, fn, ctx, &stopped},
		 t, len);
}

void cs_phrases_scan(const cs_phrases *p, const char *text, size_t len,
		     int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	if (!p->built || !p->n)
		return;
	const unsigned char *t = (const unsigned char *)text;
	if (!p->wide.n || cs_ascii_end(text, 0, len) == len)
		scan_one(&p->ascii, p->ph, t, len, fn, ctx);
	else if (!p->ascii.n)
		scan_one(&p->wide, p->ph, t, len, fn, ctx);
	else
		scan_both(p, t, len, fn, ctx);
}

static int stop_at_first(void *ctx, const cs_phrase_hit *h)
{
	(void)h;
	*(int *)ctx = 1;
	return 1;
}

int cs_phrases_any(const cs_phrases *p, const char *text, size_t len)
{
	int any = 0;
	cs_phrases_scan(p, text, len, stop_at_first, &any);
	return any;
}

void cs_phrases_scan2(const cs_phrases *p, int (*pfn)(void *ctx, const cs_phrase_hit *h), void *pctx,
		      const cs_phrases *q, int (*qfn)(void *ctx, const cs_phrase_hit *h), void *qctx, const char *text,
		      size_t len)
{
	if (!p->built || !p->n || !q->built || !q->n) {
		cs_phrases_scan(p, text, len, pfn, pctx);
		cs_phrases_scan(q, text, len, qfn, qctx);
		return;
	}
	const unsigned char *t = (const unsigned char *)text;
	int pstop = 0, qstop = 0;
	if (cs_ascii_end(text, 0, len) == len) {
		scan_two((struct target){&p->ascii, p->ph, pfn, pctx, &pstop},
			 (struct target){&q->ascii, q->ph, qfn, qctx, &qstop}, t, len);
		return;
	}
	const struct target g[4] = {
		{&p->wide, p->ph, pfn, pctx, &pstop}, {&p->ascii, p->ph, pfn, pctx, &pstop},
		{&q->wide, q->ph, qfn, qctx, &qstop}, {&q->ascii, q->ph, qfn, qctx, &qstop},
	};
	scan_four(g, t, len);
}
