/* cs_chain: many growing byte strings (one an open conversation, say) kept
 * in chunks of one size from a shared pool. Appending never moves what a
 * string holds, so there are no copies as it grows, and a released string's
 * chunks serve the next ones: the pool's memory is touched once, where a
 * stream of reallocations keeps asking the kernel for fresh pages (each a
 * fault, and dear on a virtual machine). A string wastes only the unused end
 * of its last chunk. */
#ifndef CS_CHAIN_H
#define CS_CHAIN_H
#include <stddef.h>
#include <stdint.h>

#define CS_CHUNK_BYTES 1024   /* a chunk with its link */

typedef struct cs_chunk cs_chunk;

typedef struct {
	cs_chunk *free;       /* released chunks, linked */
	char *slab_next;      /* the unused chunks of the newest slab */
	size_t slab_left;
	void **slabs;
	size_t nslabs, slabs_cap;
} cs_chunk_pool;

typedef struct {
	cs_chunk *head, *tail;
	size_t tail_used;     /* bytes in the last chunk */
} cs_chain;

/* Where an appended string starts: its bytes run on through the chunks that
 * follow. */
typedef struct {
	const cs_chunk *chunk;
	size_t off;
} cs_chain_at;

/* Append the n bytes at p (a chain starts zeroed: {0}). */
cs_chain_at cs_chain_add(cs_chunk_pool *pool, cs_chain *c, const void *p, size_t n);
/* Ask for the n bytes from at, as far as its first chunk holds them. */
void cs_chain_prefetch(cs_chain_at at, size_t n);
/* Hand the n bytes from at to put(), a piece per chunk, in order. */
void cs_chain_put(cs_chain_at at, size_t n, void (*put)(void *sink, const char *p, size_t n), void *sink);
/* Every chunk of c back to the pool; c is empty again. */
void cs_chain_release(cs_chunk_pool *pool, cs_chain *c);
void cs_chunk_pool_free(cs_chunk_pool *pool);
#endif
