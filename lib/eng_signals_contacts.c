/* eng_signals_contacts: each customer's contacts of the last repeat
 * windows (see the header). */
#include "eng_signals_contacts.h"
#include "kit_buf.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

/* A customer with more contacts kept than this has an index. */
#define UNINDEXED 64

/* A customer's index. Contacts are numbered in the order the customer's
 * were seen; for each one kept, the one before it on its issue, and in the
 * map "newest" the newest on each issue, so a new contact follows its
 * issue's chain instead of looking at every contact kept. */
struct index {
	uint64_t forgotten;      /* the number of c[0] */
	uint64_t *prev;          /* beside c: 1 + the number of the one before on its issue, 0: none */
};

struct cs_sig_contacts {
	cs_map indexes;          /* key -> struct index, while the customer has more than UNINDEXED */
	cs_map newest;           /* key, NUL, issue -> uint64_t: 1 + the number of the newest on it */
	cs_buf issue_key;
	uint64_t work;
};

cs_sig_contacts *cs_sig_contacts_new(void) { return cs_calloc(1, sizeof(cs_sig_contacts)); }

void cs_sig_contacts_free(cs_sig_contacts *cc)
{
	if (!cc)
		return;
	cs_map_free(&cc->indexes);
	cs_map_free(&cc->newest);
	cs_buf_free(&cc->issue_key);
	free(cc);
}

uint64_t cs_sig_contacts_work(const cs_sig_contacts *cc) { return cc->work; }

static uint32_t kept(const struct cs_sig_kept *k) { return k->n - k->first; }

/* The room an array of n contacts has: n while few, then a power of two. */
static size_t room(uint32_t n)
{
	size_t r = UNINDEXED;
	if (n <= r)
		return n;
	while (r < n)
		r *= 2;
	return r;
}

/* ---- the index ---- */

static struct index *index_of(cs_sig_contacts *cc, const struct cs_sig_kept *k, const char *key)
{
	return kept(k) > UNINDEXED ? cs_map_get(&cc->indexes, key, strlen(key)) : NULL;
}

static uint64_t *newest_on(cs_sig_contacts *cc, const char *key, const char *issue)
{
	cs_buf_reset(&cc->issue_key);
	cs_buf_adds(&cc->issue_key, key);
	cs_buf_addc(&cc->issue_key, 0);
	cs_buf_adds(&cc->issue_key, issue);
	return cs_map_get(&cc->newest, cc->issue_key.p, cc->issue_key.len);
}

/* c[i] is the newest on its issue. */
static void index_note(cs_sig_contacts *cc, const struct cs_sig_kept *k, const char *key, struct index *ix,
		       uint32_t i)
{
	uint64_t *newest = newest_on(cc, key, k->c[i].issue);
	if (!newest) {
		newest = cs_calloc(1, sizeof *newest);
		cs_map_put(&cc->newest, cc->issue_key.p, cc->issue_key.len, newest);
	}
	ix->prev[i] = *newest;
	*newest = ix->forgotten + i + 1;
}

static void index_build(cs_sig_contacts *cc, const struct cs_sig_kept *k, const char *key)
{
	struct index *ix = cs_calloc(1, sizeof *ix);
	ix->prev = cs_malloc(room(k->n) * sizeof *ix->prev);
	cs_map_put(&cc->indexes, key, strlen(key), ix);
	for (uint32_t i = k->first; i < k->n; i++)
		index_note(cc, k, key, ix, i);
}

/* c[i] is forgotten: when it is its issue's newest, the others on it went before. */
static void index_forget(cs_sig_contacts *cc, const struct cs_sig_kept *k, const char *key, struct index *ix,
			 uint32_t i)
{
	uint64_t *newest = newest_on(cc, key, k->c[i].issue);
	if (newest && *newest == ix->forgotten + i + 1)
		free(cs_map_del(&cc->newest, cc->issue_key.p, cc->issue_key.len));
}

/* Down to UNINDEXED contacts: the index goes, with the newest of each issue left. */
static void index_drop(cs_sig_contacts *cc, const struct cs_sig_kept *k, const char *key, struct index *ix)
{
	for (uint32_t i = k->first; i < k->n; i++)
		if (newest_on(cc, key, k->c[i].issue))
			free(cs_map_del(&cc->newest, cc->issue_key.p, cc->issue_key.len));
	cs_map_del(&cc->indexes, key, strlen(key));
	free(ix->prev);
	free(ix);
}

/* ---- the contacts ---- */

/* Room for one more: the forgotten ones' room first, when they are half the array. */
static void make_room(struct cs_sig_kept *k, struct index *ix)
{
	if (k->n < room(k->n))
		return;
	if (k->first && k->first >= k->n / 2) {
		memmove(k->c, k->c + k->first, kept(k) * sizeof *k->c);
		if (ix) {
			memmove(ix->prev, ix->prev + k->first, kept(k) * sizeof *ix->prev);
			ix->forgotten += k->first;
		}
		k->n -= k->first;
		k->first = 0;
		if (k->n < room(k->n))   /* the array has more room than it needs */
			return;
	}
	k->c = cs_realloc(k->c, room(k->n + 1) * sizeof *k->c);
	if (ix)
		ix->prev = cs_realloc(ix->prev, room(k->n + 1) * sizeof *ix->prev);
}

void cs_sig_contacts_add(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key, const char *id,
			 const char *issue, int64_t ts)
{
	struct index *ix = index_of(cc, k, key);
	make_room(k, ix);
	uint32_t i = k->n++;
	k->c[i] = (struct cs_sig_contact_seen){cs_strdup(id), cs_strdup(issue), ts};
	if (ix)
		index_note(cc, k, key, ix, i);
	else if (kept(k) > UNINDEXED)
		index_build(cc, k, key);
}

static void forget_first(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key)
{
	struct index *ix = index_of(cc, k, key);
	struct cs_sig_contact_seen *c = &k->c[k->first];
	if (ix)
		index_forget(cc, k, key, ix, k->first);
	free(c->id);
	free(c->issue);
	k->first++;
	if (ix && kept(k) == UNINDEXED)
		index_drop(cc, k, key, ix);
	if (kept(k) == 0) {
		free(k->c);
		*k = (struct cs_sig_kept){0};
	}
}

void cs_sig_contacts_forget(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key, int64_t now,
			    int64_t window)
{
	while (k->first < k->n) {
		cc->work++;
		if (now - k->c[k->first].ts <= window)
			break;
		forget_first(cc, k, key);
	}
}

void cs_sig_contacts_clear(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key)
{
	while (k->first < k->n)
		forget_first(cc, k, key);
}

static int repeats(const struct cs_sig_contact_seen *c, const char *id, int64_t ts, int64_t window)
{
	return strcmp(c->id, id) != 0 && ts >= c->ts && ts - c->ts <= window;
}

const struct cs_sig_contact_seen *cs_sig_contacts_find(cs_sig_contacts *cc, struct cs_sig_kept *k, const char *key,
						       const char *id, const char *issue, int64_t ts, int64_t window)
{
	struct index *ix = index_of(cc, k, key);
	if (!ix) {
		for (uint32_t i = k->n; i-- > k->first;) {
			cc->work++;
			if (strcmp(k->c[i].issue, issue) == 0 && repeats(&k->c[i], id, ts, window))
				return &k->c[i];
		}
		return NULL;
	}
	const uint64_t *newest = newest_on(cc, key, issue);
	uint64_t kept_from = ix->forgotten + k->first;
	for (uint64_t n = newest ? *newest : 0; n > kept_from;) {
		uint64_t i = n - 1 - ix->forgotten;
		cc->work++;
		if (repeats(&k->c[i], id, ts, window))
			return &k->c[i];
		n = ix->prev[i];
	}
	return NULL;
}
