/* kit_bytes: looking for the bytes that end a run of plain text eight at a
 * time in a word (SWAR) and 32 at a time with AVX2 where the CPU has it:
 * what JSON must escape, a CSV's delimiters and quotes, UTF-8 lead bytes.
 * The word tests say exactly whether such a byte is among the eight, not
 * which one it is: callers look byte by byte from there. */
#ifndef CS_BYTES_H
#define CS_BYTES_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CS_ONES8 0x0101010101010101ULL
#define CS_HIGH8 0x8080808080808080ULL

static inline uint64_t cs_load8(const char *s)
{
	uint64_t v;
	memcpy(&v, s, 8);
	return v;
}

/* s[0..n) into out with ASCII capitals in lower case and every other byte
 * as it is, eight at a time. Each byte's low seven bits plus 0x3F and plus
 * 0x25 carry into its top bit from 'A' on and from '[' on, and never into
 * the next byte; a byte of 0x80 or more is left alone. */
static inline void cs_ascii_lower(char *out, const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v, low7;
		memcpy(&v, s + i, 8);
		low7 = v & ~CS_HIGH8;
		v |= ((low7 + CS_ONES8 * 0x3F) & ~(low7 + CS_ONES8 * 0x25) & ~v & CS_HIGH8) >> 2;
		memcpy(out + i, &v, 8);
	}
	for (; i < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
}

/* The place, 0 to 7, of the first byte in memory order of a word loaded
 * from it whose top bit m has set (m not 0, other bits clear). */
static inline size_t cs_first_marked8(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(m) >> 3;
#else
	return (size_t)__builtin_ctzll(m) >> 3;
#endif
}

/* The index of the first byte of 0x80 or more in s[i..n), or n: sixteen
 * bytes at a time, then eight. */
static inline size_t cs_ascii_end(const char *s, size_t i, size_t n)
{
	uint64_t a, b;
	for (; i + 16 <= n; i += 16) {
		memcpy(&a, s + i, 8);
		memcpy(&b, s + i + 8, 8);
		if ((a | b) & CS_HIGH8)
			break;
	}
	for (; i + 8 <= n; i += 8) {
		memcpy(&a, s + i, 8);
		if ((a &= CS_HIGH8) != 0)
			return i + cs_first_marked8(a);
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/* How many newlines s[0..n) holds. */
static inline size_t cs_count_newlines(const char *s, size_t n)
{
	size_t k = 0;
	for (const char *q = s; (q = memchr(q, '\n', n - (size_t)(q - s))); q++)
		k++;
	return k;
}

/* Non-zero when one of the eight bytes of v is c. */
static inline uint64_t cs_has_byte8(uint64_t v, unsigned char c)
{
	uint64_t x = v ^ (CS_ONES8 * c);
	return (x - CS_ONES8) & ~x & CS_HIGH8;
}

/* Non-zero when one of the eight bytes of v is one JSON escapes in a
 * string: below 0x20, '"' or '\\'. */
static inline uint64_t cs_json_special8(uint64_t v)
{
	return (((v - CS_ONES8 * 0x20) & ~v) | cs_has_byte8(v, '"') | cs_has_byte8(v, '\\')) & CS_HIGH8;
}

/* The n < 8 bytes at s in a word, some of them twice over: enough for a
 * test of whether any byte is of a kind, without a byte-wise copy. */
static inline uint64_t cs_load_some8(const char *s, size_t n)
{
	uint32_t a, b;
	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return a | (uint64_t)b << 32;
	}
	uint64_t first = (unsigned char)s[0], mid = (unsigned char)s[n / 2], last = (unsigned char)s[n - 1];
	return first * CS_ONES8 ^ (first ^ mid) << 8 ^ (first ^ last) << 16;
}

/* 1 when hit8() finds nothing in s[0..n): eight bytes at a time, the last
 * few in a block overlapping the one before, or in one word of the few
 * when n < 8. Always inlined, so that hit8 is too. */
__attribute__((always_inline)) static inline int cs_none8(const char *s, size_t n, uint64_t (*hit8)(uint64_t))
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8)
		if (hit8(cs_load8(s + i)))
			return 0;
	if (i == n)
		return 1;
	if (n >= 8)
		return !hit8(cs_load8(s + n - 8));
	return !hit8(cs_load_some8(s, n));
}

/* The first byte of [p, e) that JSON escapes in a string, looked for 32
 * bytes at a time with AVX2 where the CPU has it; where none is in the
 * whole blocks, the first byte after them (fewer than 32 are left); p
 * without AVX2. Callers go on looking from there, and find the byte at once
 * when it was found. Static in each file that uses it and taking and giving
 * pointers: a scanner's hot loop then keeps its registers across the call. */
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

__attribute__((target("avx2"), noinline, unused)) static const char *cs_json_special_skip32(const char *p,
											      const char *e)
{
	const __m256i quote = _mm256_set1_epi8('"'), bslash = _mm256_set1_epi8('\\');
	const __m256i ctl = _mm256_set1_epi8(0x1F);
	for (; e - p >= 32; p += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
		__m256i hit = _mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, bslash));
		hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(_mm256_max_epu8(v, ctl), ctl));   /* v <= 0x1F */
		unsigned m = (unsigned)_mm256_movemask_epi8(hit);
		if (m)
			return p + __builtin_ctz(m);
	}
	return p;
}

static inline const char *cs_json_special_skip(const char *p, const char *e)
{
	return e - p >= 32 && __builtin_cpu_supports("avx2") ? cs_json_special_skip32(p, e) : p;
}
#else
static inline const char *cs_json_special_skip(const char *p, const char *e)
{
	(void)e;
	return p;
}
#endif
#endif
