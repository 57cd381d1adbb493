/* kit_timeline: things in order of their time (see the header). */
#include "kit_timeline.h"

/* Cut t into the nodes of time at most at (into *le) and the rest (*gt). */
static void split(cs_tl_node *t, int64_t at, cs_tl_node **le, cs_tl_node **gt, uint64_t *steps)
{
	while (t) {
		++*steps;
		if (t->t <= at) {
			*le = t;
			le = &t->r;
			t = t->r;
		} else {
			*gt = t;
			gt = &t->l;
			t = t->l;
		}
	}
	*le = NULL;
	*gt = NULL;
}

void cs_tl_insert(cs_tl_node **root, cs_tl_node *n, uint64_t *steps)
{
	cs_tl_node **at = root;
	while (*at && (*at)->prio >= n->prio) {
		++*steps;
		at = n->t < (*at)->t ? &(*at)->l : &(*at)->r;
	}
	split(*at, n->t, &n->l, &n->r, steps);
	*at = n;
}

cs_tl_node *cs_tl_last_until(cs_tl_node *root, int64_t t, uint64_t *steps)
{
	cs_tl_node *best = NULL;
	while (root) {
		++*steps;
		if (root->t <= t) {
			best = root;
			root = root->r;
		} else {
			root = root->l;
		}
	}
	return best;
}

cs_tl_node *cs_tl_first_after(cs_tl_node *root, int64_t t, uint64_t *steps)
{
	cs_tl_node *best = NULL;
	while (root) {
		++*steps;
		if (root->t > t) {
			best = root;
			root = root->l;
		} else {
			root = root->r;
		}
	}
	return best;
}

/* The first node has no left child: its right subtree, whose priorities
 * are no higher than its own, takes its place. */
cs_tl_node *cs_tl_pop_before(cs_tl_node **root, int64_t t, uint64_t *steps)
{
	if (!*root)
		return NULL;
	cs_tl_node **at = root;
	while ((*at)->l) {
		++*steps;
		at = &(*at)->l;
	}
	++*steps;
	cs_tl_node *first = *at;
	if (first->t >= t)
		return NULL;
	*at = first->r;
	first->l = first->r = NULL;
	return first;
}

void cs_tl_each(cs_tl_node *root, void (*fn)(cs_tl_node *n, void *ctx), void *ctx)
{
	while (root) {
		cs_tl_each(root->l, fn, ctx);
		cs_tl_node *r = root->r;
		fn(root, ctx);
		root = r;
	}
}

size_t cs_tl_height(const cs_tl_node *root)
{
	if (!root)
		return 0;
	size_t l = cs_tl_height(root->l), r = cs_tl_height(root->r);
	return 1 + (l > r ? l : r);
}
