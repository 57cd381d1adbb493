/* svc_text: normalized text for matching (see svc_text.h). */
#include "svc_text.h"
#include "kit_bytes.h"
#include "kit_mem.h"
#include "svc_t2s.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

/* What each code point below U+10000 normalizes to: 0 when not looked up
 * yet, else arena offset << 8 | combining mark << 7 | length. */
#define ENTRY_LEN(e) ((e) & 0x7f)
#define ENTRY_COMBINING(e) (((e) >> 7) & 1)
#define ENTRY_OFF(e) ((e) >> 8)

struct cs_norm_cache {
	uint32_t bmp[0x10000];
	cs_buf arena;    /* starts with one unused byte, so no entry is 0 */
};

/* NFKC and case folding of s[0..n) appended to out. */
static void fold_slow(const char *s, size_t n, cs_buf *out)
{
	size_t len = 0;
	uint8_t *r = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKC, NULL, &len);
	if (!r) {   /* only on allocation failure: keep the text as it is */
		cs_buf_add(out, s, n);
		return;
	}
	cs_buf_add(out, r, len);
	free(r);
}

static uint32_t look_up(cs_norm_cache *c, uint32_t cp, const char *s, size_t n)
{
	uint32_t e = c->bmp[cp];
	if (e)
		return e;
	if (!c->arena.len)
		cs_buf_addc(&c->arena, '\0');
	size_t off = c->arena.len;
	if (cs_is_apostrophe(cp))
		cs_buf_addc(&c->arena, '\'');
	else
		fold_slow(s, n, &c->arena);
	size_t len = c->arena.len - off;
	if (len > 0x7f) {   /* never seen in Unicode 15; keep the character */
		c->arena.len = off;
		cs_buf_add(&c->arena, s, n);
		len = n;
	}
	e = (uint32_t)off << 8 | (uc_combining_class(cp) != 0) << 7 | (uint32_t)len;
	c->bmp[cp] = e;
	return e;
}

/* Room in orig for need offsets. */
static inline void orig_reserve(cs_norm *n, size_t need)
{
	if (need > n->orig_cap) {
		n->orig_cap = need * 2 > 256 ? need * 2 : 256;
		n->orig = cs_realloc(n->orig, n->orig_cap * sizeof *n->orig);
	}
}

static inline void add_orig(cs_norm *n, size_t from, uint32_t where)
{
	orig_reserve(n, n->text.len + 1);
	for (size_t i = from; i < n->text.len; i++)
		n->orig[i] = where;
}

/* Does a combining mark follow at s[i]? (Then the run is normalized whole,
 * so "e" + U+0301 and "é" read the same.) */
static int mark_follows(cs_norm_cache *c, const char *s, size_t len, size_t i)
{
	if (i >= len || (unsigned char)s[i] < 0x80)
		return 0;
	size_t j = i;
	uint32_t cp = cs_utf8_next(s, len, &j);
	if (cp >= 0x10000)
		return uc_combining_class(cp) != 0;
	if (j - i == 1)
		return 0;
	return ENTRY_COMBINING(look_up(c, cp, s + i, j - i));
}

/* Room for k more normalized bytes, to be written at the pointer returned,
 * and their offsets at *orig. */
static char *append_run(cs_norm *n, size_t k, uint32_t **orig)
{
	cs_buf_reserve(&n->text, k);
	size_t at = n->text.len;
	orig_reserve(n, at + k + 1);
	*orig = n->orig + at;
	n->text.len += k;
	return n->text.p + at;
}

/* The ASCII characters from s[i] on that another ASCII character follows
 * (so no combining mark does), lower-cased in one go; returns where they
 * end. */
static size_t ascii_run(cs_norm *n, const char *s, size_t len, size_t i)
{
	size_t j = cs_ascii_end(s, i, len);
	size_t end = j > i ? j - 1 : i;
	size_t k = end - i;
	if (!k)
		return i;
	uint32_t *orig;
	cs_ascii_lower(append_run(n, k, &orig), s + i, k);
	for (size_t m = 0; m < k; m++)   /* a loop of its own: the compiler writes four at a time */
		orig[m] = (uint32_t)(i + m);
	return end;
}

/* Is s[i] a three-byte character of U+4000..U+9FFF (leads E4-E9: CJK
 * Extension A, Yijing hexagrams, the unified ideographs)? NFKC and case
 * folding leave each as it is, none is a combining mark, and none composes
 * with a mark after it (t_text checks them against libunistring). */
static inline int cjk_at(const unsigned char *p, size_t i, size_t len)
{
	return i + 3 <= len && p[i] >= 0xE4 && p[i] <= 0xE9 && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80;
}

/* ---- Traditional to Simplified ---- */

#define T2S_FIRST 0x4000u
#define T2S_CHARS 0x6000u          /* U+4000..U+9FFF: leads E4..E9 */
/* By a character's first two bytes (lead - 0xE4, then the second's low six
 * bits), a bit for each third byte: whether it has a Simplified form. */
static uint64_t t2s_has[6 * 64];
static uint16_t t2s_form[T2S_CHARS];
static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;

static uint32_t three_byte_cp(const unsigned char *p)
{
	return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (uint32_t)(p[2] & 0x3F);
}

/* 著, 乾 and 覆 are Simplified characters too, for other words than the
 * Traditional ones they also write: each is read by the characters beside
 * it. 著 is 着 (睡不著, 著急, 看著) but in the words of zhù (著名, 著作,
 * 顯著, 名著); 乾 is 干 (乾淨, 餅乾) but in those of qián (乾隆, 乾坤); 覆 is
 * 复 only in the words of reply and again (回覆, 答覆, 反覆, 覆核), and
 * stays in those of cover and overturn (覆蓋, 顛覆). The neighbours are
 * compared in their Simplified forms. */
struct t2s_context {
	uint32_t cp, otherwise;          /* the character; its form unless a word below says */
	uint32_t in_word;                /* the form in the words below */
	const char *before, *after;      /* a character before it or after it makes such a word */
};

static const struct t2s_context t2s_contexts[] = {
	{0x8457, 0x7740, 0x8457, "显昭卓土巨名原论编专遗拙新译合撰大杰", "名作称述者录书"},   /* 著 */
	{0x4E7E, 0x5E72, 0x4E7E, "", "隆坤卦清陵元"},                                      /* 乾 */
	{0x8986, 0x8986, 0x590D, "回答反批", "信函核查审议电命"},                          /* 覆 */
};
#define T2S_CONTEXT 0xFFFFu              /* t2s_form of a character read by its neighbours */

static void put_three(unsigned char *u, uint32_t cp)
{
	u[0] = (unsigned char)(0xE0 | cp >> 12);
	u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	u[2] = (unsigned char)(0x80 | (cp & 0x3F));
}

static void t2s_fill(void)
{
	const unsigned char *p = (const unsigned char *)cs_t2s_pairs;
	for (size_t i = 0; i + 6 <= sizeof cs_t2s_pairs - 1; i += 6) {
		t2s_has[(p[i] - 0xE4) * 64 + (p[i + 1] & 0x3F)] |= 1ull << (p[i + 2] & 0x3F);
		t2s_form[three_byte_cp(p + i) - T2S_FIRST] = (uint16_t)three_byte_cp(p + i + 3);
	}
	for (size_t i = 0; i < sizeof t2s_contexts / sizeof *t2s_contexts; i++) {
		unsigned char u[3];
		put_three(u, t2s_contexts[i].cp);
		t2s_has[(u[0] - 0xE4) * 64 + (u[1] & 0x3F)] |= 1ull << (u[2] & 0x3F);
		t2s_form[t2s_contexts[i].cp - T2S_FIRST] = T2S_CONTEXT;
	}
}

/* The three-byte character of U+4000..U+9FFF at u (cjk_at) as its
 * Simplified form, when it is a Traditional one; 1 when it is one read by
 * its neighbours (t2s_in_context), left as it is. */
static inline int t2s_char(unsigned char *u)
{
	if (!(t2s_has[(u[0] - 0xE4) * 64 + (u[1] & 0x3F)] >> (u[2] & 0x3F) & 1))
		return 0;
	uint32_t s = t2s_form[three_byte_cp(u) - T2S_FIRST];
	if (s == T2S_CONTEXT)
		return 1;
	put_three(u, s);
	return 0;
}

/* Is the character cp among the three-byte characters of set? */
static int among(const char *set, uint32_t cp)
{
	for (const unsigned char *p = (const unsigned char *)set; *p; p += 3)
		if (three_byte_cp(p) == cp)
			return 1;
	return 0;
}

/* The characters of run[0..k) (three-byte CJK ones, their neighbours read
 * as Simplified already) that t2s_char() left for their neighbours. */
static void t2s_in_context(unsigned char *run, size_t k)
{
	for (size_t m = 0; m < k; m += 3) {
		uint32_t cp = three_byte_cp(run + m);
		for (size_t i = 0; i < sizeof t2s_contexts / sizeof *t2s_contexts; i++) {
			const struct t2s_context *c = &t2s_contexts[i];
			if (cp != c->cp)
				continue;
			int word = (m >= 3 && among(c->before, three_byte_cp(run + m - 3))) ||
				   (m + 3 < k && among(c->after, three_byte_cp(run + m + 3)));
			uint32_t form = word ? c->in_word : c->otherwise;
			if (form != cp)
				put_three(run + m, form);
		}
	}
}

/* The CJK characters from s[i] on, copied whole; returns where they end. */
static size_t cjk_run(cs_norm *n, const char *s, size_t len, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t j = i;
	while (cjk_at(p, j, len))
		j += 3;
	size_t k = j - i;
	if (!k)
		return i;
	uint32_t *orig;
	unsigned char *to = (unsigned char *)append_run(n, k, &orig);
	memcpy(to, s + i, k);
	int context = 0;
	for (size_t m = 0; m < k; m += 3) {
		context |= t2s_char(to + m);
		orig[m] = orig[m + 1] = orig[m + 2] = (uint32_t)(i + m);
	}
	if (context)
		t2s_in_context(to, k);
	return j;
}

void cs_t2s(char *s, size_t n)
{
	pthread_once(&t2s_once, t2s_fill);
	unsigned char *p = (unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (!cjk_at(p, i, n)) {
			i++;
			continue;
		}
		size_t start = i;
		int context = 0;
		for (; cjk_at(p, i, n); i += 3)
			context |= t2s_char(p + i);
		if (context)
			t2s_in_context(p + start, i - start);
	}
}

void cs_norm_text(cs_norm *n, const char *s, size_t len)
{
	if (!n->cache) {
		n->cache = cs_calloc(1, sizeof *n->cache);
		pthread_once(&t2s_once, t2s_fill);
	}
	cs_norm_cache *c = n->cache;
	cs_buf_reset(&n->text);
	cs_buf_reserve(&n->text, len + 16);
	size_t i = 0;
	while (i < len) {
		i = ascii_run(n, s, len, i);
		i = cjk_run(n, s, len, i);
		if (i >= len)
			break;
		size_t start = i, before = n->text.len;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80 && !mark_follows(c, s, len, i + 1)) {
			cs_buf_addc(&n->text, (char)(b >= 'A' && b <= 'Z' ? b | 0x20 : b));
			i++;
		} else {
			uint32_t cp = cs_utf8_next(s, len, &i);
			if (cp >= 0x80 && i - start == 1) {   /* an invalid byte */
				cs_buf_addc(&n->text, (char)b);
			} else if (mark_follows(c, s, len, i)) {
				while (mark_follows(c, s, len, i))
					cs_utf8_next(s, len, &i);
				fold_slow(s + start, i - start, &n->text);
			} else if (cp < 0x10000) {
				uint32_t e = look_up(c, cp, s + start, i - start);
				cs_buf_add(&n->text, c->arena.p + ENTRY_OFF(e), ENTRY_LEN(e));
			} else if (cp >= 0x1F300 && cp <= 0x1FAFF) {   /* emoji: stable */
				cs_buf_add(&n->text, s + start, i - start);
			} else {
				fold_slow(s + start, i - start, &n->text);
			}
		}
		add_orig(n, before, (uint32_t)start);
	}
	add_orig(n, n->text.len, (uint32_t)len);
	n->orig[n->text.len] = (uint32_t)len;
	n->text.p[n->text.len] = '\0';
}

void cs_norm_span(const cs_norm *n, size_t s, size_t e, size_t *os, size_t *oe)
{
	if (s > n->text.len)
		s = n->text.len;
	if (e > n->text.len)
		e = n->text.len;
	*os = n->orig[s];
	if (e <= s) {
		*oe = *os;
		return;
	}
	/* the end of the original character behind the span's last byte */
	size_t j = e;
	while (j < n->text.len && n->orig[j] == n->orig[e - 1])
		j++;
	*oe = n->orig[j];
}

void cs_norm_free(cs_norm *n)
{
	cs_buf_free(&n->text);
	free(n->orig);
	if (n->cache) {
		cs_buf_free(&n->cache->arena);
		free(n->cache);
	}
	*n = (cs_norm)CS_NORM_INIT;
}

/* One normalizer for every phrase of the process: rule files hold hundreds
 * of phrases, and a normalizer's cache is 256 KiB to clear (a fresh one
 * each was most of cs-qa's start). The lock is for programs that load on
 * more than one thread. */
static pthread_mutex_t phrase_mu = PTHREAD_MUTEX_INITIALIZER;
static cs_norm phrase_norm = CS_NORM_INIT;

void cs_norm_phrase(const char *s, size_t len, cs_buf *out)
{
	pthread_mutex_lock(&phrase_mu);
	cs_norm_text(&phrase_norm, s, len);
	cs_buf_reset(out);
	cs_buf_add(out, phrase_norm.text.p, phrase_norm.text.len);
	cs_buf_reserve(out, 1);
	out->p[out->len] = '\0';
	pthread_mutex_unlock(&phrase_mu);
}
