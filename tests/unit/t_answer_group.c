/* t_answer_group: cs-answer mine's near-duplicate groups (eng_answer_group.c)
 * are those of comparing each question with every group's first one, and
 * finding them compares a question with few groups, not all of them: the
 * number of pairs compared is counted, not timed. */
#include "eng_answer_group.h"
#include "tap.h"
#include <stdlib.h>

static uint64_t rnd_state = 42;

static uint64_t rnd(uint64_t n)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (rnd_state >> 33) % n;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* The k terms at t as a set: ascending, each once. */
static struct cs_termset set_of(uint64_t *t, size_t k)
{
	qsort(t, k, sizeof *t, cmp_u64);
	size_t n = 0;
	for (size_t i = 0; i < k; i++)
		if (!n || t[i] != t[n - 1])
			t[n++] = t[i];
	return (struct cs_termset){t, n};
}

/* k terms drawn from vocab; the low ones are the common ones when skewed. */
static struct cs_termset draw(uint64_t *t, size_t k, uint64_t vocab, int skewed)
{
	for (size_t i = 0; i < k; i++)
		t[i] = skewed ? rnd(1 + rnd(vocab)) : rnd(vocab);
	return set_of(t, k);
}

/* The meaning: each set against every group's first set, in order. */
static size_t reference(const struct cs_termset *s, size_t n, double sim, size_t *group)
{
	size_t *first = malloc((n ? n : 1) * sizeof *first), ng = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < ng && cs_jaccard(&s[first[k]], &s[i]) < sim)
			k++;
		if (k == ng)
			first[ng++] = i;
		group[i] = k;
	}
	free(first);
	return ng;
}

static int same_groups(const struct cs_termset *s, size_t n, double sim)
{
	size_t *want = malloc((n ? n : 1) * sizeof *want), *got = malloc((n ? n : 1) * sizeof *got);
	size_t nw = reference(s, n, sim, want), ng = cs_simgroup(s, n, sim, got, NULL);
	int same = nw == ng;
	for (size_t i = 0; same && i < n; i++)
		if (want[i] != got[i]) {
			printf("#   similarity %g: set %zu in group %zu, want %zu\n", sim, i, got[i], want[i]);
			same = 0;
		}
	if (nw != ng)
		printf("#   similarity %g: %zu groups, want %zu\n", sim, ng, nw);
	free(want);
	free(got);
	return same;
}

#define SET(...) {(const uint64_t[]){__VA_ARGS__}, sizeof (const uint64_t[]){__VA_ARGS__} / sizeof(uint64_t)}

static void small_cases(void)
{
	const struct cs_termset s[] = {
		SET(1, 2, 3, 4), SET(1, 2, 5, 6), SET(1, 2, 3), SET(7, 8), SET(1, 2, 3, 5, 6), {NULL, 0}, {NULL, 0},
	};
	size_t n = sizeof s / sizeof *s, g[sizeof s / sizeof *s];
	size_t ng = cs_simgroup(s, n, 0.5, g, NULL);
	ok(ng == 5 && g[0] == 0 && g[1] == 1 && g[2] == 0 && g[3] == 2 && g[5] == 3 && g[6] == 4,
	   "0.5: {1,2,5,6} shares 2 of 6 terms (a new group), {1,2,3} 3 of 4; an empty set is like none");
	is_int(g[4], 0, "0.5: {1,2,3,5,6} is 0.5 like the first group and 0.8 like the second: it joins the first");
	ng = cs_simgroup(s, n, 1.0 / 3, g, NULL);
	ok(ng == 4 && g[1] == 0 && g[3] == 1 && g[5] == 2 && g[6] == 3,
	   "1/3: 2 of 6 is exactly a third, so {1,2,5,6} joins the first group");
	ng = cs_simgroup(s, n, 0, g, NULL);
	ok(ng == 1 && g[3] == 0 && g[5] == 0 && g[6] == 0, "0: everything, empty sets too, joins the first group");
	is_int(cs_simgroup(s, n, 1, g, NULL), 7, "1: only the same terms join");
	is_int(cs_simgroup(s, 0, 0.5, g, NULL), 0, "no sets, no groups");
}

static void random_cases(void)
{
	static const double sims[] = {0, 0.1, 0.2, 0.25, 0.3, 1.0 / 3, 0.4, 0.5, 0.6, 2.0 / 3, 0.7, 0.75, 0.8, 0.9, 1};
	enum { N = 1500, K = 12 };
	uint64_t *terms = malloc(N * K * sizeof *terms);
	struct cs_termset *s = malloc(N * sizeof *s);
	for (int skewed = 0; skewed < 2; skewed++) {
		uint64_t vocab = skewed ? 300 : 40;
		for (size_t i = 0; i < N; i++)
			s[i] = draw(terms + i * K, 1 + rnd(K), vocab, skewed);
		int all = 1;
		for (size_t j = 0; j < sizeof sims / sizeof *sims; j++)
			all &= same_groups(s, N, sims[j]);
		ok(all, "%s sets: the groups of comparing with every group, at 15 similarities from 0 to 1",
		   skewed ? "skewed" : "dense");
	}
	free(terms);
	free(s);
}

/* Distinct questions: 6 rare terms and 3 common ones ("how do I") each. */
static void work(void)
{
	enum { N = 20000, K = 9 };
	uint64_t *terms = malloc(N * K * sizeof *terms);
	struct cs_termset *s = malloc(N * sizeof *s);
	for (size_t i = 0; i < N; i++) {
		uint64_t *t = terms + i * K;
		for (size_t j = 0; j < K; j++)
			t[j] = j < 3 ? j : 3 + rnd(50000);
		s[i] = set_of(t, K);
	}
	size_t *g = malloc(N * sizeof *g);
	uint64_t pairs = 0;
	size_t ng = cs_simgroup(s, N, 0.5, g, &pairs);
	ok(ng > N * 9 / 10, "20,000 distinct questions make %zu groups", ng);
	ok(pairs <= 10 * (uint64_t)N, "they compare %llu pairs (with every group: about 200,000,000), at most 10 a question",
	   (unsigned long long)pairs);
	free(g);
	free(terms);
	free(s);
}

int main(void)
{
	small_cases();
	random_cases();
	work();
	return tap_done();
}
