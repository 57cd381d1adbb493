/* kit_timeline: things in order of their time, ties in the order they were
 * added: a treap, balanced in whatever order its nodes come, since their
 * priorities are the caller's pseudo-random numbers (a hash of a counter).
 * For what is looked up by time and forgotten oldest first, such as a
 * customer's contacts. The nodes are the caller's, inside its own
 * structures; nothing here allocates. Each call adds the nodes it visited to
 * *steps, so a caller can count its work. */
#ifndef CS_KIT_TIMELINE_H
#define CS_KIT_TIMELINE_H
#include <stddef.h>
#include <stdint.h>

typedef struct cs_tl_node {
	struct cs_tl_node *l, *r;
	int64_t t;
	uint32_t prio;
} cs_tl_node;

/* Add n (its t and prio set) after every node of the same time. */
void cs_tl_insert(cs_tl_node **root, cs_tl_node *n, uint64_t *steps);
/* The last node whose time is at most t, or NULL. */
cs_tl_node *cs_tl_last_until(cs_tl_node *root, int64_t t, uint64_t *steps);
/* The first node whose time is after t, or NULL. */
cs_tl_node *cs_tl_first_after(cs_tl_node *root, int64_t t, uint64_t *steps);
/* Take out the first node if its time is before t; NULL if not. */
cs_tl_node *cs_tl_pop_before(cs_tl_node **root, int64_t t, uint64_t *steps);
/* Call fn on every node in time order; fn may free its node (the tree is
 * then gone) but not change the others. */
void cs_tl_each(cs_tl_node *root, void (*fn)(cs_tl_node *n, void *ctx), void *ctx);
/* The most nodes on a path from the root down: for tests of the balance. */
size_t cs_tl_height(const cs_tl_node *root);
#endif
