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

uint64_t cs_hash64(const void *p, size_t n, uint64_t seed);
/* A hash for tables in memory only (never kept: it may change), quicker
 * than cs_hash64 for keys of 16 bytes or fewer. */
uint64_t cs_hash_quick(const void *p, size_t n);

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
void cs_fpset_free(cs_fpset *s);

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
