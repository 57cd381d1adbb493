/* cs_hash: hashing, a fingerprint set and a byte-string map.
 * cs_fpset remembers 72 bits of each key's 128-bit fingerprint (two
 * independent 64-bit hashes): 9 bytes a slot, the table at most 3/4 full. A
 * new key is compared with the keys in its probe run, about 8.5 of them at
 * most on average, and taken for one of them only if all 72 bits match, so
 * n adds take a new key for an old one with probability below n / 2^68.
 * cs_map owns copies of its keys; values are the caller's. */
#ifndef CS_HASH_H
#define CS_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

uint64_t cs_hash64(const void *p, size_t n, uint64_t seed);

/* ---- the words a hash takes in, and its fold ---- */

static inline uint64_t cs_hq_load64(const unsigned char *s)
{
	uint64_t v;
	memcpy(&v, s, 8);
	return v;
}

static inline uint64_t cs_hq_load32(const unsigned char *s)
{
	uint32_t v;
	memcpy(&v, s, 4);
	return v;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The n < 8 bytes at s as the low bytes of a little-endian word, the rest
 * zero: the value memcpy(&tail, s, n) leaves in a zeroed tail, without the
 * byte-wise copy and the store-forwarding stall after it. */
static inline uint64_t cs_hq_load_tail(const unsigned char *s, size_t n)
{
	if (n >= 4)
		return cs_hq_load32(s) | cs_hq_load32(s + n - 4) << (8 * (n - 4));
	if (n)
		return (uint64_t)s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) | (uint64_t)s[n - 1] << (8 * (n - 1));
	return 0;
}
#else
static inline uint64_t cs_hq_load_tail(const unsigned char *s, size_t n)
{
	uint64_t tail = 0;
	memcpy(&tail, s, n);
	return tail;
}
#endif

/* x * k as a full 128-bit product, its halves folded together. */
static inline uint64_t cs_hq_fold_mul(uint64_t x, uint64_t k)
{
#if defined(__SIZEOF_INT128__)
	unsigned __int128 r = (unsigned __int128)x * k;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
	/* the same product from four 32-bit halves */
	uint64_t xl = (uint32_t)x, xh = x >> 32, kl = (uint32_t)k, kh = k >> 32;
	uint64_t ll = xl * kl, lh = xl * kh, hl = xh * kl, hh = xh * kh;
	uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
	uint64_t lo = (mid << 32) | (uint32_t)ll, hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
	return lo ^ hi;
#endif
}

#define CS_HQ_SEED 0x243F6A8885A308D3ULL
#define CS_HQ_K_A 0xA0761D6478BD642FULL
#define CS_HQ_K_B 0xE7037ED1A0B428DBULL

/* A hash for tables in memory only (never kept: it may change), quicker
 * than cs_hash64 for keys of 16 bytes or fewer; inline, as the words of a
 * text are hashed one by one. */
static inline uint64_t cs_hash_quick(const void *p, size_t n)
{
	const unsigned char *s = p;
	if (n > 16)
		return cs_hash64(s, n, CS_HQ_SEED);
	uint64_t a = n >= 8 ? cs_hq_load64(s) : cs_hq_load_tail(s, n), b = n > 8 ? cs_hq_load64(s + n - 8) : 0;
	return cs_hq_fold_mul(cs_hq_fold_mul(a ^ CS_HQ_SEED, b ^ CS_HQ_K_B ^ n), CS_HQ_K_A);
}

typedef struct {
	uint64_t *slot;   /* second halves, then a tag a slot (0: empty) */
	size_t cap, n;    /* cap is a power of two, in pairs */
} cs_fpset;

typedef struct {
	uint64_t a, b;    /* never both 0 */
} cs_fp;

/* Add the fingerprint of key; returns 1 if it was new, 0 if already there. */
int cs_fpset_add(cs_fpset *s, const void *key, size_t n);
/* The same in steps, so the table's memory can be fetched while the caller
 * does other work: the fingerprint, a hint to load its place, the add. */
cs_fp cs_fp_of(const void *key, size_t n);
void cs_fpset_prefetch(const cs_fpset *s, cs_fp fp);
int cs_fpset_add_fp(cs_fpset *s, cs_fp fp);
/* 1 if fp is in the set (the set is not changed, but pending writes are). */
int cs_fpset_has_fp(cs_fpset *s, cs_fp fp);
/* The bytes its table takes (0 before the first add). */
size_t cs_fpset_bytes(const cs_fpset *s);
void cs_fpset_free(cs_fpset *s);

/* Keys added lately, in two generations of CS_RECENT_KEYS: when the newer
 * is full the older is forgotten, so the memory stays bounded and a key is
 * remembered for at least CS_RECENT_KEYS adds after its own. A filter keeps
 * the ids of its records written (and come in) this way, to write none twice
 * on a stream it has been over. */
#define CS_RECENT_KEYS 65536
typedef struct {
	cs_fpset now, before;
} cs_recent;

void cs_recent_add(cs_recent *r, const void *key, size_t n);
int cs_recent_has(cs_recent *r, const void *key, size_t n);
void cs_recent_free(cs_recent *r);

typedef struct cs_map_entry cs_map_entry;
typedef struct {
	cs_map_entry *e;
	size_t cap, n;
} cs_map;

void *cs_map_get(const cs_map *m, const void *key, size_t n);
/* Set key to val (val must not be NULL); replaces an existing value. */
void cs_map_put(cs_map *m, const void *key, size_t n, void *val);
/* The map's hash of a key, for the two below: a caller with many keys to
 * look up asks for all their slots first, then looks each up. */
uint64_t cs_map_hash(const void *key, size_t n);
void cs_map_prefetch(const cs_map *m, uint64_t hash);
void *cs_map_get_hashed(const cs_map *m, const void *key, size_t n, uint64_t hash);
/* Remove key; returns its value or NULL. */
void *cs_map_del(cs_map *m, const void *key, size_t n);
void cs_map_free(cs_map *m);
#endif
