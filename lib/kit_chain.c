#include "kit_chain.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

#define CHUNK_ROOM (CS_CHUNK_BYTES - sizeof(cs_chunk *))
#define SLAB_CHUNKS 256   /* a slab: 256 KiB */

struct cs_chunk {
	cs_chunk *next;
	char bytes[CHUNK_ROOM];
};

static cs_chunk *chunk_new(cs_chunk_pool *pool)
{
	cs_chunk *k = pool->free;
	if (k) {
		pool->free = k->next;
	} else {
		if (!pool->slab_left) {
			if (pool->nslabs == pool->slabs_cap) {
				pool->slabs_cap = pool->slabs_cap ? pool->slabs_cap * 2 : 16;
				pool->slabs = cs_realloc(pool->slabs, pool->slabs_cap * sizeof *pool->slabs);
			}
			pool->slab_next = cs_malloc(SLAB_CHUNKS * sizeof(cs_chunk));
			pool->slabs[pool->nslabs++] = pool->slab_next;
			pool->slab_left = SLAB_CHUNKS;
		}
		k = (cs_chunk *)(void *)pool->slab_next;
		pool->slab_next += sizeof(cs_chunk);
		pool->slab_left--;
	}
	k->next = NULL;
	return k;
}

static void chain_extend(cs_chunk_pool *pool, cs_chain *c)
{
	cs_chunk *k = chunk_new(pool);
	if (c->tail)
		c->tail->next = k;
	else
		c->head = k;
	c->tail = k;
	c->tail_used = 0;
}

cs_chain_at cs_chain_add(cs_chunk_pool *pool, cs_chain *c, const void *p, size_t n)
{
	if (!c->tail || c->tail_used == CHUNK_ROOM)
		chain_extend(pool, c);
	cs_chain_at at = {c->tail, c->tail_used};
	const char *s = p;
	for (;;) {
		size_t take = CHUNK_ROOM - c->tail_used;
		if (take > n)
			take = n;
		memcpy(c->tail->bytes + c->tail_used, s, take);
		c->tail_used += take;
		s += take;
		n -= take;
		if (!n)
			return at;
		chain_extend(pool, c);
	}
}

void cs_chain_prefetch(cs_chain_at at, size_t n)
{
	const char *p = at.chunk->bytes + at.off, *end = at.chunk->bytes + CHUNK_ROOM;
	if ((size_t)(end - p) > n)
		end = p + n;
	for (; p < end; p += 64)
		__builtin_prefetch(p);
	__builtin_prefetch(end - 1);
}

void cs_chain_put(cs_chain_at at, size_t n, void (*put)(void *sink, const char *p, size_t n), void *sink)
{
	const cs_chunk *k = at.chunk;
	size_t off = at.off;
	while (n) {
		size_t take = CHUNK_ROOM - off;
		if (take > n)
			take = n;
		put(sink, k->bytes + off, take);
		n -= take;
		k = k->next;
		off = 0;
	}
}

void cs_chain_release(cs_chunk_pool *pool, cs_chain *c)
{
	if (c->tail) {
		c->tail->next = pool->free;
		pool->free = c->head;
	}
	memset(c, 0, sizeof *c);
}

void cs_chunk_pool_free(cs_chunk_pool *pool)
{
	for (size_t i = 0; i < pool->nslabs; i++)
		free(pool->slabs[i]);
	free(pool->slabs);
	memset(pool, 0, sizeof *pool);
}
