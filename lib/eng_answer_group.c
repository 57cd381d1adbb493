/* eng_answer_group: near-duplicate groups of term sets (see eng_answer_group.h).
 *
 * Prefix filtering: put all terms in one order, rarest first. A set of n
 * terms is at least s like another only if they share at least a(n) terms,
 * the fewest o with o / n >= s (as the other set adds to the union), and
 * then their first n - a(n) + 1 terms in that order (their prefixes) share
 * one. So each group's first set is indexed under its prefix terms, and a
 * set is compared only with the groups found under its own: the rare terms
 * lead, so few groups are found. */
#include "eng_answer_group.h"
#include "kit_mem.h"
#include <stdlib.h>

double cs_jaccard(const struct cs_termset *a, const struct cs_termset *b)
{
	size_t i = 0, j = 0, both = 0;
	while (i < a->n && j < b->n) {
		if (a->terms[i] == b->terms[j]) {
			both++;
			i++;
			j++;
		} else if (a->terms[i] < b->terms[j]) {
			i++;
		} else {
			j++;
		}
	}
	size_t any = a->n + b->n - both;
	return any ? (double)both / (double)any : 0;
}

struct list {
	size_t *v, n, cap;
};

static void push(struct list *l, size_t x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 4;
		l->v = cs_realloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = x;
}

/* The distinct terms (ascending) and, for each, its rank in the order
 * rarest first (ties by term). */
struct vocab {
	uint64_t *term;
	size_t *count, *rank, n;
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

struct by_count {
	size_t count, term;
};

static int cmp_rarer(const void *a, const void *b)
{
	const struct by_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? -1 : 1;
	return (x->term > y->term) - (x->term < y->term);
}

static void vocab_build(struct vocab *v, const struct cs_termset *sets, size_t n)
{
	size_t all = 0;
	for (size_t i = 0; i < n; i++)
		all += sets[i].n;
	v->term = cs_malloc((all ? all : 1) * sizeof *v->term);
	v->count = cs_malloc((all ? all : 1) * sizeof *v->count);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < sets[i].n; j++)
			v->term[k++] = sets[i].terms[j];
	qsort(v->term, all, sizeof *v->term, cmp_u64);
	v->n = 0;
	for (size_t i = 0; i < all; i++) {
		if (!v->n || v->term[i] != v->term[v->n - 1]) {
			v->term[v->n] = v->term[i];
			v->count[v->n++] = 0;
		}
		v->count[v->n - 1]++;
	}
	struct by_count *order = cs_malloc((v->n ? v->n : 1) * sizeof *order);
	for (size_t i = 0; i < v->n; i++)
		order[i] = (struct by_count){v->count[i], i};
	qsort(order, v->n, sizeof *order, cmp_rarer);
	v->rank = cs_malloc((v->n ? v->n : 1) * sizeof *v->rank);
	for (size_t r = 0; r < v->n; r++)
		v->rank[order[r].term] = r;
	free(order);
}

static size_t rank_of(const struct vocab *v, uint64_t t)
{
	const uint64_t *p = bsearch(&t, v->term, v->n, sizeof *v->term, cmp_u64);
	return v->rank[p - v->term];
}

static void vocab_free(struct vocab *v)
{
	free(v->term);
	free(v->count);
	free(v->rank);
}

/* The fewest shared terms a set of n terms needs to be s (above 0) like
 * another, as cs_jaccard's division rounds; n + 1 if none will do (an empty
 * set is like nothing). */
static size_t min_shared(size_t n, double s)
{
	if (!n)
		return 1;
	size_t o = (size_t)(s * (double)n);
	if (o > n)
		o = n;
	while (o > 0 && (double)(o - 1) / (double)n >= s)
		o--;
	while (o <= n && (double)o / (double)n < s)
		o++;
	return o;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* Set s's prefix into *prefix: the ranks of its first terms, rarest first. */
static void prefix_of(const struct vocab *v, const struct cs_termset *s, double sim, struct list *prefix)
{
	prefix->n = 0;
	for (size_t j = 0; j < s->n; j++)
		push(prefix, rank_of(v, s->terms[j]));
	if (prefix->n > 1)
		qsort(prefix->v, prefix->n, sizeof *prefix->v, cmp_size);
	size_t need = min_shared(s->n, sim);
	prefix->n = need <= s->n ? s->n - need + 1 : 0;
}

struct index {
	struct list *by_rank;        /* the groups indexed under each term */
	size_t *first;               /* each group's first set */
	size_t *seen;                /* the set last to find each group, plus 1 */
	struct list found;
	uint64_t compared;
};

/* The first group, in the order made, that set i is sim like; or none. */
static size_t find(struct index *x, const struct cs_termset *sets, size_t i, const struct list *prefix, double sim,
		   size_t none)
{
	x->found.n = 0;
	for (size_t j = 0; j < prefix->n; j++) {
		const struct list *l = &x->by_rank[prefix->v[j]];
		for (size_t k = 0; k < l->n; k++)
			if (x->seen[l->v[k]] != i + 1) {
				x->seen[l->v[k]] = i + 1;
				push(&x->found, l->v[k]);
			}
	}
	if (x->found.n > 1)
		qsort(x->found.v, x->found.n, sizeof *x->found.v, cmp_size);
	for (size_t k = 0; k < x->found.n; k++) {
		x->compared++;
		if (cs_jaccard(&sets[x->first[x->found.v[k]]], &sets[i]) >= sim)
			return x->found.v[k];
	}
	return none;
}

static size_t group_indexed(const struct cs_termset *sets, size_t n, double sim, size_t *group, uint64_t *compared)
{
	struct vocab v;
	vocab_build(&v, sets, n);
	struct index x = {.by_rank = cs_calloc(v.n ? v.n : 1, sizeof *x.by_rank),
			  .first = cs_malloc(n * sizeof *x.first), .seen = cs_calloc(n, sizeof *x.seen)};
	struct list prefix = {0};
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		prefix_of(&v, &sets[i], sim, &prefix);
		group[i] = find(&x, sets, i, &prefix, sim, ng);
		if (group[i] < ng)
			continue;
		x.first[ng] = i;
		for (size_t j = 0; j < prefix.n; j++)
			push(&x.by_rank[prefix.v[j]], ng);
		ng++;
	}
	for (size_t r = 0; r < v.n; r++)
		free(x.by_rank[r].v);
	free(x.by_rank);
	free(x.first);
	free(x.seen);
	free(x.found.v);
	free(prefix.v);
	vocab_free(&v);
	if (compared)
		*compared += x.compared;
	return ng;
}

size_t cs_simgroup(const struct cs_termset *sets, size_t n, double similarity, size_t *group, uint64_t *compared)
{
	if (!n)
		return 0;
	if (similarity > 0)
		return group_indexed(sets, n, similarity, group, compared);
	/* Any two sets are at least 0 alike: all join the first. */
	for (size_t i = 0; i < n; i++)
		group[i] = 0;
	return 1;
}
