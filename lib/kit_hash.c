#include "kit_hash.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <stdlib.h>
#include <string.h>

#define MIX1 0x9E3779B97F4A7C15ULL
#define MIX2 0xBF58476D1CE4E5B9ULL
#define MIX3 0x94D049BB133111EBULL

static inline uint64_t finalize(uint64_t h)
{
	h ^= h >> 30;
	h *= MIX2;
	h ^= h >> 27;
	h *= MIX3;
	h ^= h >> 31;
	return h;
}

uint64_t cs_hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ^ (n * MIX1);
	while (n >= 8) {
		h = (h ^ finalize(cs_hq_load64(s) + MIX1)) * MIX2;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	h = (h ^ finalize(cs_hq_load_tail(s, n) + n + MIX1)) * MIX3;
	return finalize(h);
}

/* ---- the fingerprint set ---- */

/* Two 64-bit lanes over the key in one pass. Each lane starts from its own
 * seed and the length, and takes in each 8-byte word w as
 * h = lo(x * K) ^ hi(x * K) with x = h ^ w: the full 128-bit product of x by a
 * fixed odd constant, folded. Its lanes use different constants, so they are
 * two unrelated 64-bit hashes; a key's words (the last one possibly
 * overlapping the one before) and its length determine the key, so the pair
 * differs for different keys unless both lanes collide at once. The end mixes
 * each lane with the full finalizer; (a, b) -> (A, B) is a bijection. */
#define FP_SEED_A CS_HQ_SEED
#define FP_SEED_B 0x13198A2E03707344ULL
#define FP_K_A CS_HQ_K_A
#define FP_K_B CS_HQ_K_B

static inline void fp_hash(const unsigned char *s, size_t n, uint64_t *pa, uint64_t *pb)
{
	uint64_t a = FP_SEED_A ^ (n * MIX1), b = FP_SEED_B ^ (n * MIX3);
	if (n > 8) {
		const unsigned char *last = s + n - 8;
		while (s < last) {
			uint64_t w = cs_hq_load64(s);
			a = cs_hq_fold_mul(a ^ w, FP_K_A);
			b = cs_hq_fold_mul(b ^ w, FP_K_B);
			s += 8;
		}
		uint64_t w = cs_hq_load64(last);
		a = cs_hq_fold_mul(a ^ w, FP_K_A);
		b = cs_hq_fold_mul(b ^ w, FP_K_B);
	} else {
		uint64_t w = n == 8 ? cs_hq_load64(s) : cs_hq_load_tail(s, n);
		a = cs_hq_fold_mul(a ^ w, FP_K_A);
		b = cs_hq_fold_mul(b ^ w, FP_K_B);
	}
	a = finalize(a);
	*pa = a;
	*pb = finalize(b ^ a);
}

/* A fingerprint (a, b) is kept as 72 of its bits: b in a slot of the slot
 * array, which b's low bits place, and a one-byte tag from a's top byte
 * (never 0: 0 marks an empty slot) in the tag array that follows it in the
 * same block, before a few pending stores. Probing reads the tags, an eighth
 * of the slots' size, and reads a slot only when its tag matches, so a new
 * key (the usual case) costs one look into the tags. Its tag is set at once,
 * but its slot is only prefetched and written a few additions later, once
 * the cache line has arrived: a store to a line far away in memory holds up
 * every store after it. Until then the slot reads as it was, which nothing
 * outside this file looks at; a tag match flushes the pending stores before
 * comparing. The slots hold half a fingerprint so the table is 9 bytes a
 * slot: its pages are fresh memory the kernel clears, and with 17 bytes that
 * clearing was 3 to 7% of a pass through cs-ingest. */
#define FP_PEND 4

struct fp_pend {
	size_t head, count;
	struct {
		size_t i;
		uint64_t b;
	} e[FP_PEND];
};

/* A set starts with room for 6 keys: many sets hold a few (cs-roi keeps
 * one for each window and group), and the doublings up to a big one cost
 * it next to nothing. */
#define FP_FIRST_CAP 8

static inline uint8_t fp_tag(uint64_t a)
{
	uint8_t t = (uint8_t)(a >> 56);
	return t ? t : 1;
}

static inline uint8_t *fp_tags(const cs_fpset *s) { return (uint8_t *)(void *)(s->slot + s->cap); }

/* cap * 9 bytes is a multiple of 8 for any cap >= 8 (cap is at least FP_FIRST_CAP) */
static inline struct fp_pend *fp_pending(const cs_fpset *s) { return (struct fp_pend *)(void *)(fp_tags(s) + s->cap); }

static size_t fp_bytes(size_t cap) { return cap * (sizeof(uint64_t) + sizeof(uint8_t)) + sizeof(struct fp_pend); }

/* Write the oldest pending slot. */
static inline void fp_pend_pop(cs_fpset *s, struct fp_pend *q)
{
	s->slot[q->e[q->head].i] = q->e[q->head].b;
	q->head = (q->head + 1) % FP_PEND;
	q->count--;
}

static void fp_pend_flush(cs_fpset *s)
{
	struct fp_pend *q = fp_pending(s);
	while (q->count)
		fp_pend_pop(s, q);
}

/* The map's own hash: one lane of the above. Nothing outside this file sees it. */
static inline uint64_t map_hash(const void *key, size_t n)
{
	const unsigned char *s = key;
	uint64_t a = FP_SEED_B ^ (n * MIX1);
	if (n > 8) {
		const unsigned char *last = s + n - 8;
		for (; s < last; s += 8)
			a = cs_hq_fold_mul(a ^ cs_hq_load64(s), FP_K_A);
		a = cs_hq_fold_mul(a ^ cs_hq_load64(last), FP_K_A);
	} else {
		a = cs_hq_fold_mul(a ^ (n == 8 ? cs_hq_load64(s) : cs_hq_load_tail(s, n)), FP_K_A);
	}
	return finalize(a);
}

#if defined(__linux__)
#include <sys/mman.h>
/* Tables of this size and more get whole huge pages where the kernel offers
 * them: lookups land anywhere in the table, and with 4 KiB pages nearly every
 * one would also miss the TLB. */
#define FP_BIG ((size_t)2 << 20)

static size_t fp_map_bytes(size_t cap) { return (fp_bytes(cap) + FP_BIG - 1) & ~(FP_BIG - 1); }

/* bytes of fresh zero pages at a 2 MiB boundary, or NULL */
static char *fp_map_aligned(size_t bytes)
{
	/* map one huge page more, then trim to a 2 MiB aligned range */
	char *m = mmap(NULL, bytes + FP_BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	char *a = m + (FP_BIG - (uintptr_t)m % FP_BIG) % FP_BIG;
	if (a > m)
		munmap(m, (size_t)(a - m));
	if (a + bytes < m + bytes + FP_BIG)
		munmap(a + bytes, (size_t)(m + bytes + FP_BIG - (a + bytes)));
#ifdef MADV_HUGEPAGE
	madvise(a, bytes, MADV_HUGEPAGE);
#endif
	return a;
}

static uint64_t *fp_alloc(size_t cap)
{
	size_t bytes = fp_bytes(cap);
	if (bytes < FP_BIG)
		return cs_calloc(1, bytes);
	char *a = fp_map_aligned(fp_map_bytes(cap));
	if (!a)
		cs_die(CS_EXIT_IO, "out of memory (allocating %zu bytes)", fp_map_bytes(cap) + FP_BIG);
	return (uint64_t *)(void *)a; /* anonymous pages read as zero */
}

/* The mapping at p, old bytes long, made new bytes long with its pages kept
 * (moved, not copied, if it cannot grow where it is), or NULL. Kernels that
 * align large anonymous mappings to huge pages keep it aligned when moving;
 * on others the table may lose some huge pages, nothing more. */
static char *fp_extend(char *p, size_t old, size_t bytes)
{
	void *q = mremap(p, old, bytes, MREMAP_MAYMOVE);
	return q == MAP_FAILED ? NULL : q;
}

static void fp_release(uint64_t *slot, size_t cap)
{
	if (fp_bytes(cap) < FP_BIG)
		free(slot);
	else
		munmap(slot, fp_map_bytes(cap));
}
#else
static uint64_t *fp_alloc(size_t cap) { return cs_calloc(1, fp_bytes(cap)); }
static void fp_release(uint64_t *slot, size_t cap) { (void)cap; free(slot); }
#endif

static void fpset_insert(cs_fpset *s, uint8_t t, uint64_t b)
{
	uint8_t *tag = fp_tags(s);
	size_t mask = s->cap - 1, i = (size_t)b & mask;
	while (tag[i])
		i = (i + 1) & mask;
	tag[i] = t;
	s->slot[i] = b;
	s->n++;
}

static void fpset_grow_by_copy(cs_fpset *s)
{
	size_t cap = s->cap ? s->cap * 2 : FP_FIRST_CAP;
	cs_fpset big = {fp_alloc(cap), cap, 0};
	const uint8_t *tag = NULL;
	if (s->slot)
		tag = fp_tags(s);
	for (size_t i = 0; i < s->cap; i++)
		if (tag[i])
			fpset_insert(&big, tag[i], s->slot[i]);
	if (s->slot)
		fp_release(s->slot, s->cap);
	*s = big;
}

#if defined(__linux__)
/* Each fingerprint in the first old_cap slots whose old_tag is set is placed
 * anew in s, a table twice as big whose tags are all clear. A fingerprint
 * landing on a slot still holding an unplaced one takes its place, and the
 * displaced one is placed next. */
static void fpset_rehash_in_place(cs_fpset *s, uint8_t *old_tag, size_t old_cap)
{
	uint8_t *tag = fp_tags(s);
	size_t mask = s->cap - 1;
	for (size_t i = 0; i < old_cap; i++) {
		if (!old_tag[i])
			continue;
		uint8_t t = old_tag[i];
		old_tag[i] = 0;
		uint64_t b = s->slot[i];
		for (;;) {
			size_t j = (size_t)b & mask;
			while (tag[j])
				j = (j + 1) & mask;
			tag[j] = t;
			uint64_t held = s->slot[j];
			s->slot[j] = b;
			if (j >= old_cap || !old_tag[j])
				break;
			t = old_tag[j];
			old_tag[j] = 0;
			b = held;
		}
	}
}

/* Double a table that is a mapping of its own by growing the mapping: only
 * the new half is fresh memory, where a new table would make the kernel
 * clear (on this machine at about 1 GB/s) as much again as the old one. */
static int fpset_grow_in_place(cs_fpset *s)
{
	size_t cap = s->cap, old_bytes = fp_map_bytes(cap), bytes = fp_map_bytes(2 * cap);
	uint8_t *old_tag = cs_malloc(cap);
	memcpy(old_tag, fp_tags(s), cap);
	char *p = fp_extend((char *)s->slot, old_bytes, bytes);
	if (!p) {
		free(old_tag);
		return 0;
	}
	s->slot = (uint64_t *)(void *)p;
	s->cap = 2 * cap;
	/* the new tags and pending stores lie past the old mapping for every
	 * mapped size; clear them anyway should that ever change */
	char *tail = (char *)fp_tags(s), *old_end = p + old_bytes;
	size_t tail_bytes = s->cap + sizeof(struct fp_pend);
	if (tail < old_end)
		memset(tail, 0, (size_t)(old_end - tail) < tail_bytes ? (size_t)(old_end - tail) : tail_bytes);
	fpset_rehash_in_place(s, old_tag, cap);
	free(old_tag);
	return 1;
}
#endif

static void fpset_grow(cs_fpset *s)
{
	if (s->slot)
		fp_pend_flush(s);
#if defined(__linux__)
	if (s->cap && fp_bytes(s->cap) >= FP_BIG && fpset_grow_in_place(s))
		return;
#endif
	fpset_grow_by_copy(s);
}

cs_fp cs_fp_of(const void *key, size_t n)
{
	cs_fp fp;
	fp_hash(key, n, &fp.a, &fp.b);
	if (!(fp.a | fp.b))
		fp.b = 1;
	return fp;
}

void cs_fpset_prefetch(const cs_fpset *s, cs_fp fp)
{
	if (s->slot)
		__builtin_prefetch(fp_tags(s) + ((size_t)fp.b & (s->cap - 1)));
}

int cs_fpset_add(cs_fpset *s, const void *key, size_t n)
{
	return cs_fpset_add_fp(s, cs_fp_of(key, n));
}

int cs_fpset_add_fp(cs_fpset *s, cs_fp fp)
{
	uint64_t b = fp.b;
	if ((s->n + 1) * 4 > s->cap * 3)
		fpset_grow(s);
	uint8_t *tag = fp_tags(s), t = fp_tag(fp.a);
	struct fp_pend *q = fp_pending(s);
	size_t mask = s->cap - 1, i = (size_t)b & mask;
	for (; tag[i]; i = (i + 1) & mask) {
		if (tag[i] != t)
			continue;
		if (q->count) /* the slot may not be written yet */
			fp_pend_flush(s);
		if (s->slot[i] == b)
			return 0;
	}
	tag[i] = t;
	__builtin_prefetch(&s->slot[i], 1);
	if (q->count == FP_PEND)
		fp_pend_pop(s, q);
	size_t k = (q->head + q->count) % FP_PEND;
	q->e[k].i = i;
	q->e[k].b = b;
	q->count++;
	s->n++;
	return 1;
}

int cs_fpset_has_fp(cs_fpset *s, cs_fp fp)
{
	if (!s->cap)
		return 0;
	uint8_t *tag = fp_tags(s), t = fp_tag(fp.a);
	struct fp_pend *q = fp_pending(s);
	size_t mask = s->cap - 1, i = (size_t)fp.b & mask;
	for (; tag[i]; i = (i + 1) & mask) {
		if (tag[i] != t)
			continue;
		if (q->count) /* the slot may not be written yet */
			fp_pend_flush(s);
		if (s->slot[i] == fp.b)
			return 1;
	}
	return 0;
}

size_t cs_fpset_bytes(const cs_fpset *s)
{
	return s->cap ? fp_bytes(s->cap) : 0;
}

void cs_fpset_free(cs_fpset *s)
{
	if (s->slot)
		fp_release(s->slot, s->cap);
	memset(s, 0, sizeof *s);
}

/* ---- keys seen lately ---- */

void cs_recent_add(cs_recent *r, const void *key, size_t n)
{
	if (r->now.n >= CS_RECENT_KEYS) {
		cs_fpset_free(&r->before);
		r->before = r->now;
		r->now = (cs_fpset){0};
	}
	cs_fpset_add(&r->now, key, n);
}

int cs_recent_has(cs_recent *r, const void *key, size_t n)
{
	cs_fp fp = cs_fp_of(key, n);
	return cs_fpset_has_fp(&r->now, fp) || cs_fpset_has_fp(&r->before, fp);
}

void cs_recent_free(cs_recent *r)
{
	cs_fpset_free(&r->now);
	cs_fpset_free(&r->before);
}

/* ---- the map ---- */

/* The table is one block: cap entries of one cache line each (at a 64-byte
 * boundary), then cap hashes (0: empty slot; a hash of 0 is stored as 1).
 * Probing reads only the hashes, 8 bytes a slot; a key of up to MAP_INLINE
 * bytes lies in its entry, so a lookup that finds its key touches one line of
 * the entries and no separate allocation. Longer keys are allocated. */
#define MAP_INLINE 48

struct cs_map_entry {
	void *val;
	size_t n;
	char key[MAP_INLINE]; /* the key, or a pointer to it when n > MAP_INLINE */
};

static inline uint64_t map_stored_hash(uint64_t h) { return h ? h : 1; }

static inline uint64_t *map_hashes(const cs_map *m) { return (uint64_t *)(void *)(m->e + m->cap); }

static inline const char *map_key(const cs_map_entry *e)
{
	const char *k;
	if (e->n <= MAP_INLINE)
		return e->key;
	memcpy(&k, e->key, sizeof k);
	return k;
}

/* Keys here are short: compare them without a call into the C library. */
static inline int same_bytes(const char *x, const char *y, size_t n)
{
	if (n >= 8) {
		const char *xe = x + n - 8, *ye = y + n - 8;
		while (x < xe) {
			if (cs_hq_load64((const unsigned char *)x) != cs_hq_load64((const unsigned char *)y))
				return 0;
			x += 8;
			y += 8;
		}
		return cs_hq_load64((const unsigned char *)xe) == cs_hq_load64((const unsigned char *)ye);
	}
	if (n >= 4)
		return cs_hq_load32((const unsigned char *)x) == cs_hq_load32((const unsigned char *)y) &&
		       cs_hq_load32((const unsigned char *)x + n - 4) == cs_hq_load32((const unsigned char *)y + n - 4);
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return 0;
	return 1;
}

static cs_map_entry *map_find(const cs_map *m, const void *key, size_t n, uint64_t h)
{
	if (!m->cap)
		return NULL;
	const uint64_t *hs = map_hashes(m);
	size_t mask = m->cap - 1;
	h = map_stored_hash(h);
	for (size_t i = (size_t)h & mask; hs[i]; i = (i + 1) & mask) {
		cs_map_entry *e = &m->e[i];
		if (hs[i] == h && e->n == n && same_bytes(map_key(e), key, n))
			return e;
	}
	return NULL;
}

void *cs_map_get(const cs_map *m, const void *key, size_t n)
{
	cs_map_entry *e = map_find(m, key, n, map_hash(key, n));
	return e ? e->val : NULL;
}

uint64_t cs_map_hash(const void *key, size_t n) { return map_hash(key, n); }

void cs_map_prefetch(const cs_map *m, uint64_t hash)
{
	if (!m->cap)
		return;
	size_t i = (size_t)map_stored_hash(hash) & (m->cap - 1);
	__builtin_prefetch(&map_hashes(m)[i]);
	__builtin_prefetch(&m->e[i]);
}

void *cs_map_get_hashed(const cs_map *m, const void *key, size_t n, uint64_t hash)
{
	cs_map_entry *e = map_find(m, key, n, hash);
	return e ? e->val : NULL;
}

/* Put an entry with stored hash h in its first free slot. */
static void map_place(cs_map *m, uint64_t h, const cs_map_entry *ent)
{
	uint64_t *hs = map_hashes(m);
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	while (hs[i])
		i = (i + 1) & mask;
	hs[i] = h;
	m->e[i] = *ent;
}

static void map_grow(cs_map *m)
{
	cs_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	size_t bytes = m->cap * (sizeof *m->e + sizeof(uint64_t));
	m->e = aligned_alloc(64, bytes);
	if (!m->e)
		cs_die(CS_EXIT_IO, "out of memory (allocating %zu bytes)", bytes);
	memset(map_hashes(m), 0, m->cap * sizeof(uint64_t));
	if (old.cap) {
		const uint64_t *hs = map_hashes(&old);
		for (size_t i = 0; i < old.cap; i++)
			if (hs[i])
				map_place(m, hs[i], &old.e[i]);
	}
	free(old.e);
}

void cs_map_put(cs_map *m, const void *key, size_t n, void *val)
{
	uint64_t h = map_hash(key, n);
	cs_map_entry *e = map_find(m, key, n, h);
	if (e) {
		e->val = val;
		return;
	}
	if ((m->n + 1) * 4 > m->cap * 3)
		map_grow(m);
	cs_map_entry ent = {val, n, {0}};
	if (n <= MAP_INLINE) {
		memcpy(ent.key, key, n);
	} else {
		char *k = cs_strndup(key, n);
		memcpy(ent.key, &k, sizeof k);
	}
	map_place(m, map_stored_hash(h), &ent);
	m->n++;
}

static void map_free_key(cs_map_entry *e)
{
	if (e->n > MAP_INLINE)
		free((void *)map_key(e));
}

/* Linear probing with backward-shift deletion: no tombstones to clean up. */
void *cs_map_del(cs_map *m, const void *key, size_t n)
{
	cs_map_entry *e = map_find(m, key, n, map_hash(key, n));
	if (!e)
		return NULL;
	void *val = e->val;
	map_free_key(e);
	uint64_t *hs = map_hashes(m);
	size_t mask = m->cap - 1, hole = (size_t)(e - m->e);
	hs[hole] = 0;
	for (size_t i = (hole + 1) & mask; hs[i]; i = (i + 1) & mask) {
		size_t home = (size_t)hs[i] & mask;
		if (((i - home) & mask) >= ((i - hole) & mask)) {
			hs[hole] = hs[i];
			m->e[hole] = m->e[i];
			hs[i] = 0;
			hole = i;
		}
	}
	m->n--;
	return val;
}

void cs_map_free(cs_map *m)
{
	if (m->cap) {
		const uint64_t *hs = map_hashes(m);
		for (size_t i = 0; i < m->cap; i++)
			if (hs[i])
				map_free_key(&m->e[i]);
	}
	free(m->e);
	memset(m, 0, sizeof *m);
}
