/* t_chain: byte strings in chunk chains (lib/kit_chain.c): many strings
 * appended to in turn give back exactly what went in, a piece per chunk; a
 * released chain's chunks serve the next chains. */
#include "kit_buf.h"
#include "kit_chain.h"
#include "tap.h"

#define NCHAINS 7
#define PER_CHAIN 40

static void put_buf(void *sink, const char *p, size_t n) { cs_buf_add(sink, p, n); }

struct piece_count {
	size_t pieces, bytes;
};

static void count_piece(void *sink, const char *p, size_t n)
{
	struct piece_count *c = sink;
	(void)p;
	c->pieces++;
	c->bytes += n;
}

/* The i-th string of chain c: lengths from 0 to well past a chunk. */
static size_t make_string(int c, int i, char *s)
{
	size_t n = (size_t)((c * 131 + i * 977) % 2600);
	for (size_t k = 0; k < n; k++)
		s[k] = (char)('a' + (c * 7 + i * 3 + (int)k) % 26);
	return n;
}

static int same_string(cs_chain_at at, size_t n, const char *want)
{
	cs_buf got = CS_BUF_INIT;
	cs_chain_put(at, n, put_buf, &got);
	int same = got.len == n && (n == 0 || memcmp(got.p, want, n) == 0);
	cs_buf_free(&got);
	return same;
}

/* Strings appended to NCHAINS chains in turn, each read back. */
static size_t fill_and_check(cs_chunk_pool *pool, cs_chain *chains, cs_chain_at at[NCHAINS][PER_CHAIN],
			     size_t len[NCHAINS][PER_CHAIN])
{
	char s[4096];
	size_t bad = 0;
	for (int i = 0; i < PER_CHAIN; i++)
		for (int c = 0; c < NCHAINS; c++) {
			len[c][i] = make_string(c, i, s);
			at[c][i] = cs_chain_add(pool, &chains[c], s, len[c][i]);
		}
	for (int c = 0; c < NCHAINS; c++)
		for (int i = 0; i < PER_CHAIN; i++) {
			size_t n = make_string(c, i, s);
			bad += !same_string(at[c][i], n, s);
		}
	return bad;
}

int main(void)
{
	cs_chunk_pool pool = {0};
	cs_chain chains[NCHAINS] = {{0}};
	static cs_chain_at at[NCHAINS][PER_CHAIN];
	static size_t len[NCHAINS][PER_CHAIN];
	is_int((long)fill_and_check(&pool, chains, at, len), 0,
	       "strings of 0 to 2599 bytes, appended to seven chains in turn, read back the same");

	struct piece_count one = {0, 0};
	cs_chain_put(at[0][2], len[0][2], count_piece, &one);
	ok(len[0][2] > CS_CHUNK_BYTES && one.pieces >= 2 && one.bytes == len[0][2],
	   "a string longer than a chunk comes out in pieces that add up to it");

	size_t slabs = pool.nslabs;
	for (int c = 0; c < NCHAINS; c++)
		cs_chain_release(&pool, &chains[c]);
	ok(chains[0].head == NULL && chains[0].tail == NULL && chains[0].tail_used == 0, "a released chain is empty");
	is_int((long)fill_and_check(&pool, chains, at, len), 0, "the same strings in chains of released chunks");
	is_int((long)pool.nslabs, (long)slabs, "released chunks are used again before any new memory");

	cs_chain empty = {0};
	cs_chain_at none = cs_chain_add(&pool, &empty, "", 0);
	ok(same_string(none, 0, ""), "an empty string reads back empty");
	cs_chain_release(&pool, &empty);
	for (int c = 0; c < NCHAINS; c++)
		cs_chain_release(&pool, &chains[c]);
	cs_chunk_pool_free(&pool);
	ok(pool.nslabs == 0 && pool.free == NULL, "the pool frees its memory");
	return tap_done();
}
