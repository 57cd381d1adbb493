/* kit_utf8: UTF-8 a code point at a time (see kit_utf8.h). */
#include "kit_utf8.h"
#include "kit_bytes.h"

uint32_t cs_utf8_decode(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	uint32_t c = p[0];
	size_t len = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
	if (len <= 1 || len > left) {
		++*i;
		return c;
	}
	uint32_t cp = len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			++*i;
			return c;
		}
		cp = cp << 6 | (p[k] & 0x3f);
	}
	/* overlong forms and surrogates are invalid bytes too */
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
		++*i;
		return c;
	}
	*i += len;
	return cp;
}

/* Characters are the bytes that are not continuation bytes (10xxxxxx):
 * eight bytes at a time, a continuation byte having its top bit set and the
 * next bit clear. The flags, one a byte at bit 0, are added up by a multiply
 * (without -mpopcnt, __builtin_popcountll is a call to a bit-by-bit loop). */
size_t cs_utf8_count(const char *s, size_t n)
{
	size_t count = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v = cs_load8(s + i);
		uint64_t cont = (v & ~(v << 1) & CS_HIGH8) >> 7;
		count += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
	}
	for (; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

/* The last code point of s[0..n) (n > 0). */
static uint32_t last_char(const char *s, size_t n)
{
	size_t at = n - 1;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return cs_utf8_decode(s, n, &at);
}

int cs_utf8_space_between(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0;
	if (!an || !bn)
		return 0;
	return !(cs_is_unspaced(last_char(a, an)) && cs_is_unspaced(cs_utf8_next(b, bn, &i)));
}
