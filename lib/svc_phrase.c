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
 * When no phrase starts with an ASCII letter or digit (Chinese lists), the
 * scan skips, at the root, the bytes that start no phrase: English text
 * then goes by at several times the speed. When some phrase does, the skip
 * costs more in mispredicted branches than it saves (English text at half
 * the speed), so the scan takes every byte through the table. */
#include "svc_phrase.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

struct phrase {
	char *text;
	uint32_t len, list;
	unsigned char bound_start, bound_end;   /* whole-word checks at either end */
};

struct cs_phrases {
	struct phrase *ph;
	size_t n, cap;
	/* the automaton, after build */
	unsigned char cls[256];       /* byte -> class */
	uint32_t nclass, nstates;
	uint32_t *delta;              /* while building: nstates x nclass, 0 no edge yet */
	uint32_t *rows;               /* for the scan: the next state's row offset */
	uint32_t hit_rows;            /* row offsets from here on are states with output */
	uint32_t *out_first, *out_count;   /* phrases ending at a state: out_ids[first ..+ count) */
	uint32_t *out_ids;
	uint32_t *dict;               /* next state on the failure chain with output, or 0 */
	unsigned char starts[256];    /* bytes that start a phrase */
	int skip_at_root;             /* no phrase starts with an ASCII letter or digit */
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

size_t cs_phrases_count(const cs_phrases *p) { return p->n; }

static void free_automaton(cs_phrases *p)
{
	free(p->delta);
	free(p->rows);
	free(p->out_first);
	free(p->out_count);
	free(p->out_ids);
	free(p->dict);
	p->delta = NULL;
	p->rows = NULL;
	p->out_first = p->out_count = p->out_ids = p->dict = NULL;
}

void cs_phrases_free(cs_phrases *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->ph[i].text);
	free(p->ph);
	free_automaton(p);
	free(p);
}

static void assign_classes(cs_phrases *p)
{
	memset(p->cls, 0, sizeof p->cls);
	memset(p->starts, 0, sizeof p->starts);
	p->nclass = 1;
	int word_start = 0;
	for (size_t i = 0; i < p->n; i++) {
		const unsigned char *t = (const unsigned char *)p->ph[i].text;
		if (p->ph[i].len)
			p->starts[t[0]] = 1;
		word_start |= p->ph[i].bound_start;
		for (uint32_t k = 0; k < p->ph[i].len; k++)
			if (!p->cls[t[k]])
				p->cls[t[k]] = (unsigned char)p->nclass++;
	}
	p->skip_at_root = !word_start;
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
static uint32_t count_states(const cs_phrases *p)
{
	uint32_t *order = cs_malloc((p->n + 1) * sizeof *order), nstates = 1;
	for (size_t i = 0; i < p->n; i++)
		order[i] = (uint32_t)i;
	qsort_r(order, p->n, sizeof *order, by_text, p->ph);
	for (size_t i = 0; i < p->n; i++) {
		const struct phrase *cur = &p->ph[order[i]], *prev = i ? &p->ph[order[i - 1]] : NULL;
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
 * phrase i ends at. */
static uint32_t build_trie(cs_phrases *p, uint32_t *end)
{
	p->delta = cs_calloc((size_t)count_states(p) * p->nclass, sizeof *p->delta);
	uint32_t nstates = 1;
	for (size_t i = 0; i < p->n; i++) {
		uint32_t s = 0;
		const unsigned char *t = (const unsigned char *)p->ph[i].text;
		for (uint32_t k = 0; k < p->ph[i].len; k++) {
			uint32_t *next = &p->delta[(size_t)s * p->nclass + p->cls[t[k]]];
			if (!*next)
				*next = nstates++;
			s = *next;
		}
		end[i] = s;
	}
	return nstates;
}

/* Outputs: the phrases ending exactly at each state, grouped by state. */
static void collect_outputs(cs_phrases *p, const uint32_t *end)
{
	p->out_first = cs_calloc(p->nstates + 1, sizeof *p->out_first);
	p->out_count = cs_calloc(p->nstates + 1, sizeof *p->out_count);
	p->out_ids = cs_malloc((p->n + 1) * sizeof *p->out_ids);
	for (size_t i = 0; i < p->n; i++)
		p->out_count[end[i]]++;
	uint32_t at = 0;
	for (uint32_t s = 0; s < p->nstates; s++) {
		p->out_first[s] = at;
		at += p->out_count[s];
		p->out_count[s] = 0;
	}
	for (size_t i = 0; i < p->n; i++) {
		uint32_t s = end[i];
		p->out_ids[p->out_first[s] + p->out_count[s]++] = (uint32_t)i;
	}
}

/* Breadth first: failure links, the dictionary links, and every missing
 * edge filled from the failure state's. */
static void link_states(cs_phrases *p)
{
	uint32_t *fail = cs_calloc(p->nstates, sizeof *fail);
	uint32_t *queue = cs_malloc(p->nstates * sizeof *queue);
	p->dict = cs_calloc(p->nstates, sizeof *p->dict);
	size_t head = 0, tail = 0;
	const uint32_t *root = p->delta;
	for (uint32_t c = 0; c < p->nclass; c++)
		if (root[c])
			queue[tail++] = root[c];   /* its failure state is the root */
	while (head < tail) {
		uint32_t s = queue[head++];
		uint32_t f = fail[s];
		p->dict[s] = p->out_count[f] ? f : p->dict[f];
		uint32_t *row = &p->delta[(size_t)s * p->nclass];
		const uint32_t *frow = &p->delta[(size_t)f * p->nclass];
		for (uint32_t c = 0; c < p->nclass; c++) {
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
static void renumber_outputs(cs_phrases *p, const uint32_t *new_of)
{
	uint32_t *first = cs_calloc(p->nstates + 1, sizeof *first), *count = cs_calloc(p->nstates + 1, sizeof *count);
	uint32_t *dict = cs_calloc(p->nstates, sizeof *dict);
	for (uint32_t s = 0; s < p->nstates; s++) {
		first[new_of[s]] = p->out_first[s];
		count[new_of[s]] = p->out_count[s];
		dict[new_of[s]] = p->dict[s] ? new_of[p->dict[s]] : 0;
	}
	free(p->out_first);
	free(p->out_count);
	free(p->dict);
	p->out_first = first;
	p->out_count = count;
	p->dict = dict;
}

/* The scan's table: states with output (a phrase ends there or on their
 * dictionary chain) numbered last, entries as row offsets. The root keeps
 * number 0: an empty phrase is never reported. */
static void number_for_scan(cs_phrases *p)
{
	uint32_t *new_of = cs_malloc(p->nstates * sizeof *new_of), next = 1;
	new_of[0] = 0;
	for (int with_output = 0; with_output < 2; with_output++) {
		if (with_output)
			p->hit_rows = next * p->nclass;
		for (uint32_t s = 1; s < p->nstates; s++)
			if ((p->out_count[s] || p->dict[s]) == with_output)
				new_of[s] = next++;
	}
	size_t cells = (size_t)p->nstates * p->nclass;
	p->rows = cs_malloc(cells * sizeof *p->rows);
	for (uint32_t s = 0; s < p->nstates; s++)
		for (uint32_t c = 0; c < p->nclass; c++)
			p->rows[(size_t)new_of[s] * p->nclass + c] = new_of[p->delta[(size_t)s * p->nclass + c]] * p->nclass;
	free(p->delta);
	p->delta = NULL;
	renumber_outputs(p, new_of);
	free(new_of);
}

void cs_phrases_build(cs_phrases *p)
{
	free_automaton(p);
	assign_classes(p);
	uint32_t *end = cs_malloc((p->n + 1) * sizeof *end);
	p->nstates = build_trie(p, end);
	collect_outputs(p, end);
	link_states(p);
	number_for_scan(p);
	free(end);
	p->built = 1;
}

/* Report the phrases ending at state s at text byte e (exclusive end). */
static int report(const cs_phrases *p, uint32_t s, const unsigned char *text, size_t len, size_t e,
		  int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	for (; s; s = p->dict[s]) {
		for (uint32_t k = 0; k < p->out_count[s]; k++) {
			uint32_t id = p->out_ids[p->out_first[s] + k];
			const struct phrase *ph = &p->ph[id];
			size_t start = e - ph->len;
			if (ph->bound_start && start > 0 && is_word_byte(text[start - 1]))
				continue;
			if (ph->bound_end && e < len && is_word_byte(text[e]))
				continue;
			cs_phrase_hit h = {ph->list, id, start, e};
			if (fn(ctx, &h))
				return 1;
		}
	}
	return 0;
}

/* Where the scan leaves the root: the next byte that starts a phrase, or len. */
static size_t next_start(const cs_phrases *p, const unsigned char *t, size_t len, size_t i)
{
	while (i < len && !p->starts[t[i]])
		i++;
	return i;
}

void cs_phrases_scan(const cs_phrases *p, const char *text, size_t len,
		     int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	if (!p->built || !p->n)
		return;
	const unsigned char *t = (const unsigned char *)text;
	const uint32_t *rows = p->rows, hit_rows = p->hit_rows;
	uint32_t s = 0;   /* the state's row offset */
	size_t i = 0;
	/* two loops: a skip test inside the plain one, even never taken, halves its speed */
	if (p->skip_at_root) {
		for (; (i = s ? i : next_start(p, t, len, i)) < len; i++) {
			s = rows[s + p->cls[t[i]]];
			if (s >= hit_rows && report(p, s / p->nclass, t, len, i + 1, fn, ctx))
				return;
		}
		return;
	}
	for (; i < len; i++) {
		s = rows[s + p->cls[t[i]]];
		if (s >= hit_rows && report(p, s / p->nclass, t, len, i + 1, fn, ctx))
			return;
	}
}
