/* t_hash: hashing, the fingerprint set and the byte-string map (lib/kit_hash.c). */
#include "kit_hash.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_fpset(void)
{
	cs_fpset s = {0}, t = {0};
	char key[32];
	int fresh = 1, again = 0, agree = 1;
	for (int i = 0; i < 400000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		fresh &= cs_fpset_add(&s, key, (size_t)n) == 1;
		cs_fp fp = cs_fp_of(key, (size_t)n);
		cs_fpset_prefetch(&t, fp);
		agree &= cs_fpset_add_fp(&t, fp) == 1;
	}
	for (int i = 0; i < 400000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		again += cs_fpset_add(&s, key, (size_t)n) == 0;
		agree &= cs_fpset_has_fp(&t, cs_fp_of(key, (size_t)n)) == 1;
	}
	ok(fresh, "400000 different keys are each new");
	/* from 2^18 slots up the table is a mapping of its own, doubled in place twice here */
	is_int(again, 400000, "each key seen again is found, across growth in a new block and in place");
	ok(agree, "the stepwise add and has agree with the one-call add");
	is_int((long long)s.n, 400000, "the set counts its keys");
	ok(s.n * 4 <= s.cap * 3, "the table is at most 3/4 full");
	ok(!cs_fpset_has_fp(&t, cs_fp_of("never", 5)), "a key never added is not there");
	ok(cs_fpset_add(&s, "a\0b", 3) == 1 && cs_fpset_add(&s, "a\0c", 3) == 1, "keys differing after a NUL byte differ");
	cs_fpset_free(&s);
	cs_fpset_free(&t);
	cs_fpset empty = {0};
	ok(!cs_fpset_has_fp(&empty, cs_fp_of("x", 1)), "an empty set has nothing");
}

/* cs-roi keeps a set for each window and group, most of them with a few
 * customers: a small set must take a small table, not 1024 slots. */
static void test_fpset_small(void)
{
	cs_fpset s = {0};
	is_int((long long)cs_fpset_bytes(&s), 0, "an empty set takes no table");
	cs_fpset_add(&s, "c\tu1", 4);
	cs_fpset_add(&s, "c\tu2", 4);
	size_t two = cs_fpset_bytes(&s);
	ok(two > 0 && two <= 256, "a set of 2 keys takes %zu bytes, 256 at most", two);
	char key[16];
	for (int i = 0; i < 1000; i++)
		cs_fpset_add(&s, key, (size_t)snprintf(key, sizeof key, "k%d", i));
	size_t more = cs_fpset_bytes(&s);
	ok(more <= 1002 * 9 * 8 / 3 + 256, "grown to 1002 keys it takes %zu bytes: 9 a slot, at least 3/8 full", more);
	int found = cs_fpset_add(&s, "c\tu1", 4) == 0 && cs_fpset_add(&s, "c\tu2", 4) == 0;
	ok(found, "the first keys are still found after growing from the smallest table");
	cs_fpset_free(&s);
}

/* Keys seen lately: each is kept for CS_RECENT_KEYS adds after its own at
 * least, and forgotten after twice that at most. */
static void test_recent(void)
{
	cs_recent r = {0};
	char key[32];
	ok(!cs_recent_has(&r, "k0", 2), "an empty one has nothing");
	for (int i = 0; i <= CS_RECENT_KEYS; i++)
		cs_recent_add(&r, key, (size_t)snprintf(key, sizeof key, "k%d", i));
	ok(cs_recent_has(&r, "k0", 2), "the first key is there %d adds after it", CS_RECENT_KEYS);
	for (int i = CS_RECENT_KEYS + 1; i <= 2 * CS_RECENT_KEYS; i++)
		cs_recent_add(&r, key, (size_t)snprintf(key, sizeof key, "k%d", i));
	int n = snprintf(key, sizeof key, "k%d", CS_RECENT_KEYS);
	ok(!cs_recent_has(&r, "k0", 2) && cs_recent_has(&r, key, (size_t)n), "forgotten a generation later, the newer kept");
	cs_recent_free(&r);
}

static void test_map(void)
{
	cs_map m = {0};
	int v1 = 1, v2 = 2, v3 = 3;
	cs_map_put(&m, "a\0x", 3, &v1);
	cs_map_put(&m, "a\0y", 3, &v2);
	ok(cs_map_get(&m, "a\0x", 3) == &v1 && cs_map_get(&m, "a\0y", 3) == &v2, "binary keys, told apart after a NUL");
	ok(cs_map_get(&m, "a", 1) == NULL, "a prefix is another key");
	cs_map_put(&m, "a\0x", 3, &v3);
	ok(cs_map_get(&m, "a\0x", 3) == &v3, "put replaces");
	ok(cs_map_del(&m, "a\0x", 3) == &v3 && cs_map_get(&m, "a\0x", 3) == NULL, "del returns the value and removes it");
	ok(cs_map_del(&m, "nope", 4) == NULL, "del of an absent key is NULL");
	char key[32];
	static int vals[50000];
	for (int i = 0; i < 50000; i++)
		cs_map_put(&m, key, (size_t)snprintf(key, sizeof key, "key-%d", i), &vals[i]);
	int found = 1;
	for (int i = 0; i < 50000; i += 3)
		found &= cs_map_get(&m, key, (size_t)snprintf(key, sizeof key, "key-%d", i)) == &vals[i];
	for (int i = 0; i < 50000; i += 2)
		cs_map_del(&m, key, (size_t)snprintf(key, sizeof key, "key-%d", i));
	for (int i = 1; i < 50000; i += 2)
		found &= cs_map_get(&m, key, (size_t)snprintf(key, sizeof key, "key-%d", i)) == &vals[i];
	ok(found, "50000 keys through growth and deletions");
	int same = 1;
	for (int i = 0; i < 50000; i += 7) {
		size_t n = (size_t)snprintf(key, sizeof key, "key-%d", i);
		uint64_t h = cs_map_hash(key, n);
		cs_map_prefetch(&m, h);
		same &= cs_map_get_hashed(&m, key, n, h) == cs_map_get(&m, key, n);
		same &= cs_map_get_hashed(&m, key, n, h ^ 1) == NULL || h == 0 || h == 1;   /* another hash finds no key */
	}
	ok(same, "a lookup with the key's hash finds what cs_map_get finds, present or deleted");
	cs_map_free(&m);
	cs_map empty = {0};
	cs_map_prefetch(&empty, cs_map_hash("a", 1));
	ok(cs_map_get_hashed(&empty, "a", 1, cs_map_hash("a", 1)) == NULL, "an empty map: prefetch and lookup are safe");
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* cs_hash_quick over every key of up to 8 bytes from "ab" and NUL, and
 * keys of 9 to 24 bytes: all different (NUL bytes and lengths count), and
 * spread over the low bits (a table's place) and the high bits (its tag). */
static void test_quick(void)
{
	enum { SHORT = 9841, LONG = 16, N = SHORT + LONG };
	static uint64_t h[N];
	static const char alphabet[3] = {'a', 'b', '\0'};
	size_t n = 0;
	for (size_t len = 0; len <= 8; len++) {
		size_t count = 1;
		for (size_t i = 0; i < len; i++)
			count *= 3;
		for (size_t k = 0; k < count; k++) {
			char key[8];
			for (size_t i = 0, v = k; i < len; i++, v /= 3)
				key[i] = alphabet[v % 3];
			h[n++] = cs_hash_quick(key, len);
		}
	}
	char big[24];
	memset(big, 'x', sizeof big);
	for (size_t len = 9; len <= 24; len++)
		h[n++] = cs_hash_quick(big, len);
	ok(n == N, "%zu keys hashed", n);
	ok(cs_hash_quick("abcdefghij", 10) == cs_hash_quick("abcdefghij", 10), "the same key hashes the same");
	unsigned low[1024] = {0}, high[1024] = {0}, most_low = 0, most_high = 0;
	for (size_t i = 0; i < N; i++) {
		unsigned l = (unsigned)(h[i] & 1023), u = (unsigned)(h[i] >> 54);
		most_low = ++low[l] > most_low ? low[l] : most_low;
		most_high = ++high[u] > most_high ? high[u] : most_high;
	}
	ok(most_low < 30 && most_high < 30, "spread: at most %u and %u keys in a bucket of 1024 (9.6 on average)",
	   most_low, most_high);
	qsort(h, N, sizeof *h, by_value);
	size_t same = 0;
	for (size_t i = 1; i < N; i++)
		same += h[i] == h[i - 1];
	ok(same == 0, "no two keys hash the same (%zu did)", same);
}

int main(void)
{
	ok(cs_hash64("abc", 3, 1) != cs_hash64("abc", 3, 2), "the seed changes the hash");
	ok(cs_hash64("abc", 3, 1) == cs_hash64("abc", 3, 1), "the same input hashes the same");
	test_fpset();
	test_fpset_small();
	test_recent();
	test_map();
	test_quick();
	return tap_done();
}
