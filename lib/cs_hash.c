#include "cs_hash.h"
#include "cs_mem.h"
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
		uint64_t v;
		memcpy(&v, s, 8);
		h = (h ^ finalize(v + MIX1)) * MIX2;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	uint64_t tail = 0;
	memcpy(&tail, s, n);
	h = (h ^ finalize(tail + n + MIX1)) * MIX3;
	return finalize(h);
}

static void fpset_insert(cs_fpset *s, uint64_t a, uint64_t b)
{
	size_t mask = s->cap - 1, i = (size_t)a & mask;
	while (s->slot[2 * i] | s->slot[2 * i + 1])
		i = (i + 1) & mask;
	s->slot[2 * i] = a;
	s->slot[2 * i + 1] = b;
	s->n++;
}

static void fpset_grow(cs_fpset *s)
{
	cs_fpset big = {cs_calloc(2 * (s->cap ? s->cap * 2 : 1024), sizeof(uint64_t)), s->cap ? s->cap * 2 : 1024, 0};
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[2 * i] | s->slot[2 * i + 1])
			fpset_insert(&big, s->slot[2 * i], s->slot[2 * i + 1]);
	free(s->slot);
	*s = big;
}

int cs_fpset_add(cs_fpset *s, const void *key, size_t n)
{
	uint64_t a = cs_hash64(key, n, 0x243F6A8885A308D3ULL), b = cs_hash64(key, n, 0x13198A2E03707344ULL);
	if (!(a | b))
		b = 1;
	if ((s->n + 1) * 4 > s->cap * 3)
		fpset_grow(s);
	size_t mask = s->cap - 1, i = (size_t)a & mask;
	while (s->slot[2 * i] | s->slot[2 * i + 1]) {
		if (s->slot[2 * i] == a && s->slot[2 * i + 1] == b)
			return 0;
		i = (i + 1) & mask;
	}
	s->slot[2 * i] = a;
	s->slot[2 * i + 1] = b;
	s->n++;
	return 1;
}

void cs_fpset_free(cs_fpset *s)
{
	free(s->slot);
	memset(s, 0, sizeof *s);
}

struct cs_map_entry {
	uint64_t hash;
	char *key;       /* NULL: empty slot */
	size_t n;
	void *val;
};

static cs_map_entry *map_find(const cs_map *m, const void *key, size_t n, uint64_t h)
{
	if (!m->cap)
		return NULL;
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		cs_map_entry *e = &m->e[i];
		if (!e->key)
			return NULL;
		if (e->hash == h && e->n == n && memcmp(e->key, key, n) == 0)
			return e;
	}
}

void *cs_map_get(const cs_map *m, const void *key, size_t n)
{
	cs_map_entry *e = map_find(m, key, n, cs_hash64(key, n, 0));
	return e ? e->val : NULL;
}

static void map_place(cs_map *m, cs_map_entry ent)
{
	size_t mask = m->cap - 1, i = (size_t)ent.hash & mask;
	while (m->e[i].key)
		i = (i + 1) & mask;
	m->e[i] = ent;
}

static void map_grow(cs_map *m)
{
	cs_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->e = cs_calloc(m->cap, sizeof *m->e);
	for (size_t i = 0; i < old.cap; i++)
		if (old.e[i].key)
			map_place(m, old.e[i]);
	free(old.e);
}

void cs_map_put(cs_map *m, const void *key, size_t n, void *val)
{
	uint64_t h = cs_hash64(key, n, 0);
	cs_map_entry *e = map_find(m, key, n, h);
	if (e) {
		e->val = val;
		return;
	}
	if ((m->n + 1) * 4 > m->cap * 3)
		map_grow(m);
	map_place(m, (cs_map_entry){h, cs_strndup(key, n), n, val});
	m->n++;
}

/* Linear probing with backward-shift deletion: no tombstones to clean up. */
void *cs_map_del(cs_map *m, const void *key, size_t n)
{
	cs_map_entry *e = map_find(m, key, n, cs_hash64(key, n, 0));
	if (!e)
		return NULL;
	void *val = e->val;
	free(e->key);
	size_t mask = m->cap - 1, hole = (size_t)(e - m->e);
	m->e[hole].key = NULL;
	for (size_t i = (hole + 1) & mask; m->e[i].key; i = (i + 1) & mask) {
		size_t home = (size_t)m->e[i].hash & mask;
		if (((i - home) & mask) >= ((i - hole) & mask)) {
			m->e[hole] = m->e[i];
			m->e[i].key = NULL;
			hole = i;
		}
	}
	m->n--;
	return val;
}

void cs_map_free(cs_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	memset(m, 0, sizeof *m);
}
