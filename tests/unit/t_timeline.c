/* t_timeline: things in order of time (lib/kit_timeline.c), checked against
 * a sorted array, and its balance whatever the order nodes come in. */
#include "kit_hash.h"
#include "kit_timeline.h"
#include "tap.h"
#include <stdlib.h>

#define N 100000

static cs_tl_node nodes[N];

static uint32_t prio_of(uint64_t seq) { return (uint32_t)cs_hash_quick(&seq, sizeof seq); }

/* Build a timeline of N nodes whose i-th added has time t(i); its height. */
static size_t height_for(int64_t (*t)(int))
{
	cs_tl_node *root = NULL;
	uint64_t steps = 0;
	for (int i = 0; i < N; i++) {
		nodes[i] = (cs_tl_node){NULL, NULL, t(i), prio_of((uint64_t)i)};
		cs_tl_insert(&root, &nodes[i], &steps);
	}
	return cs_tl_height(root);
}

static int64_t rising(int i) { return i; }
static int64_t falling(int i) { return N - i; }
static int64_t zigzag(int i) { return i % 2 ? i : N - i; }
static int64_t same(int i) { (void)i; return 7; }

static void test_balance(void)
{
	/* a random binary search tree of 100,000 is about 40 high; a list would be 100,000 */
	size_t h = height_for(rising);
	ok(h <= 64, "100,000 nodes in rising time: %zu high", h);
	h = height_for(falling);
	ok(h <= 64, "... in falling time: %zu high", h);
	h = height_for(zigzag);
	ok(h <= 64, "... alternately from both ends: %zu high", h);
	h = height_for(same);
	ok(h <= 64, "... all at the same time: %zu high", h);
}

/* Every answer against a linear scan of the nodes still in, in the order
 * added: ties keep that order. */
static cs_tl_node *scan_last_until(cs_tl_node **in, int n, int64_t t)
{
	cs_tl_node *best = NULL;
	for (int i = 0; i < n; i++)
		if (in[i] && in[i]->t <= t && (!best || in[i]->t >= best->t))
			best = in[i];
	return best;
}

static cs_tl_node *scan_first_after(cs_tl_node **in, int n, int64_t t)
{
	cs_tl_node *best = NULL;
	for (int i = 0; i < n; i++)
		if (in[i] && in[i]->t > t && (!best || in[i]->t < best->t))
			best = in[i];
	return best;
}

static void count_node(cs_tl_node *n, void *ctx)
{
	int64_t *last = ctx;
	last[1] += n->t >= last[0];
	last[0] = n->t;
	last[2]++;
}

static void test_against_scan(void)
{
	enum { M = 3000 };
	static cs_tl_node *in[M];
	cs_tl_node *root = NULL;
	uint64_t steps = 0;
	int wrong = 0, popped = 0, bad_pops = 0;
	srand(5);
	for (int i = 0; i < M; i++) {
		nodes[i] = (cs_tl_node){NULL, NULL, rand() % 500, prio_of((uint64_t)i)};
		in[i] = &nodes[i];
		cs_tl_insert(&root, &nodes[i], &steps);
		int64_t q = rand() % 520 - 10;
		wrong += cs_tl_last_until(root, q, &steps) != scan_last_until(in, i + 1, q);
		wrong += cs_tl_first_after(root, q, &steps) != scan_first_after(in, i + 1, q);
		if (i % 3 == 0) {
			int64_t before = rand() % 40 + popped / 2;
			cs_tl_node *want = scan_first_after(in, i + 1, INT64_MIN);
			cs_tl_node *got = cs_tl_pop_before(&root, before, &steps);
			bad_pops += want && want->t < before ? got == NULL || got->t != want->t : got != NULL;
			for (int j = 0; got && j <= i; j++)
				if (in[j] == got)
					in[j] = NULL;
			popped += got != NULL;
		}
	}
	is_int(wrong, 0, "3,000 adds at random times, ties among them: each last-until and first-after as a scan finds");
	is_int(bad_pops, 0, "the first node is taken out only when it is before the time given (%d taken)", popped);
	int64_t walk[3] = {INT64_MIN, 0, 0};
	cs_tl_each(root, count_node, walk);
	is_int(walk[2], M - popped, "each visits every node still in");
	is_int(walk[1], walk[2], "... in time order");
}

int main(void)
{
	test_balance();
	test_against_scan();
	return tap_done();
}
