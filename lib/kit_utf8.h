/* kit_utf8: reading UTF-8 a code point at a time, counting code points,
 * and the scripts text is matched and joined by (Han, kana). */
#ifndef CS_UTF8_H
#define CS_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Code points in s[0..n): the unit of evidence spans (cs-schema(7)). */
size_t cs_utf8_count(const char *s, size_t n);
/* Decode one code point at s[*i] (< n) and advance *i; an invalid byte is
 * returned as itself (0x80..0xFF) and skipped alone. */
uint32_t cs_utf8_decode(const char *s, size_t n, size_t *i);
/* cs_utf8_decode, with ASCII and the three-byte forms that cannot be
 * overlong or surrogates (leads E1-EC, EE, EF: most CJK) inline. */
static inline uint32_t cs_utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t c = p[0];
	if (c < 0x80) {
		++*i;
		return c;
	}
	if (c >= 0xE1 && c != 0xED && c <= 0xEF && n - *i >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*i += 3;
		return (c & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	return cs_utf8_decode(s, n, i);
}
/* Is cp a Han ideograph (CJK Unified, extensions, compatibility)? */
static inline int cs_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3134F);
}
/* Is cp set without spaces between words: Han, kana, and the ideographic
 * punctuation and full-width forms written with them (U+3000..U+303F,
 * U+FF00..U+FFEF: "，", "。", "？")? */
static inline int cs_is_unspaced(uint32_t cp)
{
	return cs_is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF);
}
/* Does a space go between text a[0..an) and text b[0..bn) joined? Yes
 * unless both sides are of scripts set without spaces (cs_is_unspaced):
 * words of a Chinese line run on, Latin ones keep their spaces. */
int cs_utf8_space_between(const char *a, size_t an, const char *b, size_t bn);
#endif
