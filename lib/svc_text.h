/* svc_text: text as rules and lexicons match it.
 *
 * Normalized text is NFKC, case folded (Unicode full folding: "ß" is "ss"),
 * so full-width forms are half-width ("ＡＢＣ！" is "abc!"), the ideographic
 * space is a space, and compatibility forms ("①", "ﬁ", "㎏") are spelled
 * out. Traditional Chinese characters read as their Simplified forms (服務 as
 * 服务), one character for one of the same length, for the 2,783 of
 * svc_t2s.h (Unihan's simplified forms and NTUSD's two scripts); 著, 乾 and
 * 覆, which Simplified writes too, by the characters beside them.
 * Typographic apostrophes are "'".
 * Chinese needs no segmentation: phrases match inside the text. Each
 * normalized byte remembers where in the original it came from, so a match
 * on normalized text is reported as a span of the original (evidence).
 *
 * GNU libunistring does the Unicode work; every code point below U+10000 is
 * looked up once per cs_norm and cached, so ASCII and CJK text cost a table
 * lookup a character. */
#ifndef CS_TEXT_H
#define CS_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_utf8.h"

/* How this cs reads text: raised whenever a change makes cs read the same
 * text differently (the Traditional forms, the normalizer). Intent models
 * and knowledge bases record the reading they were made with; one made
 * with another is read with a notice to make it again (1: made before
 * readings were recorded). t_text holds a fingerprint of the reading and
 * fails when the reading changes and this does not. */
#define CS_TEXT_READING 2

typedef struct cs_norm_cache cs_norm_cache;

typedef struct {
	cs_buf text;          /* the normalized text, NUL-terminated */
	uint32_t *orig;       /* orig[i]: offset in the original of the character normalized byte i comes from;
	                       * orig[text.len] is the original's length */
	size_t orig_cap;
	cs_norm_cache *cache;
} cs_norm;

#define CS_NORM_INIT {CS_BUF_INIT, NULL, 0, NULL}

/* Normalize text[0..len) (UTF-8; invalid bytes are copied as they are). */
void cs_norm_text(cs_norm *n, const char *text, size_t len);
/* The original bytes [*os, *oe) behind normalized bytes [s, e). */
void cs_norm_span(const cs_norm *n, size_t s, size_t e, size_t *os, size_t *oe);
void cs_norm_free(cs_norm *n);

/* Traditional characters of s[0..n) to their Simplified forms, in place
 * (the lengths stay), as cs_norm_text reads them. */
void cs_t2s(char *s, size_t n);

/* A phrase from a rule or a lexicon, normalized the same way into out (reset first). */
void cs_norm_phrase(const char *s, size_t len, cs_buf *out);

/* Is cp a typographic apostrophe (U+2018, U+2019, U+02BC)? Normalized text
 * has "'" for them, as phones and word processors type "don't" with one. */
static inline int cs_is_apostrophe(uint32_t cp) { return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC; }

/* The ASCII character NFKC reads the full-width form U+FF01..U+FF5E at p
 * as (EF BC 81..BF, EF BD 80..9E; left bytes from p), or 0: a CJK input
 * method in full-width mode types "ｔｅｒｒｉｂｌｅ！" and "１３８". */
static inline char cs_full_width_ascii(const char *p, size_t left)
{
	if (left < 3 || (unsigned char)p[0] != 0xEF)
		return 0;
	unsigned char second = (unsigned char)p[1], third = (unsigned char)p[2];
	if (second == 0xBC && third >= 0x81 && third <= 0xBF)
		return (char)(third - 0x60);
	if (second == 0xBD && third >= 0x80 && third <= 0x9E)
		return (char)(third - 0x20);
	return 0;
}

#endif
