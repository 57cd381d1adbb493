/* svc_sentiment: scoring a message (see svc_sentiment.h). The English rules
 * follow vaderSentiment 3.3.2 step for step, its quirks included (the
 * "but" rule finds each value by its first equal one), so that the scores
 * are VADER's. */
#include "svc_sentiment.h"
#include "kit_bytes.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include "svc_senti_lex.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define N_SCALAR (-0.74)
#define C_INCR 0.733
#define ZH_WINDOW 4      /* characters between a negator or degree word and its sentiment word */
#define TOKEN_SLOTS 4096 /* the token cache: direct mapped */
#define CACHED_TOKEN_BYTES 24

struct tok {
	size_t off, len;          /* in scratch->text */
	size_t low_off;           /* lower case, in scratch->lower (only looked-up tokens, not Han ones) */
	const struct lex_entry *lex;   /* in the English lexicon */
	uint64_t hash;            /* lex_hash of the lower case, when not han */
	double booster;           /* VADER's booster or dampener value, 0 when none */
	unsigned char upper;      /* Python's str.isupper() */
	unsigned char negation;   /* a VADER negation word or one with n't */
	unsigned char gram_first; /* begins an idiom or booster of several words */
	unsigned char han;        /* holds Han characters: scored by the Chinese rules */
	unsigned char ascii;      /* all ASCII */
	unsigned char looked_up;  /* lex, booster and negation are set (from the cache) */
	unsigned char lead, tail; /* punctuation stripped before and after */
	uint16_t cache;           /* its token cache slot + 1, to fill once looked up; 0 none */
};

/* What a token (the bytes between spaces, before stripping) is under one
 * lexicon: words repeat, and a word met again costs one look-up here
 * instead of its stripping, case tests, hashing and three table look-ups.
 * The bytes are kept and compared, so a hit is exact. */
struct tok_slot {
	char raw[CACHED_TOKEN_BYTES];
	uint8_t len;              /* 0: empty */
	uint8_t lead, tail, han, upper, negation, gram_first, ascii;
	const struct lex_entry *lex;
	double booster;
	uint64_t hash;
};

struct cs_senti_scratch {
	cs_buf text, lower, key;
	cs_buf folded;            /* text in lower case, for cs_senti_holds */
	struct tok *t;
	size_t nt, tcap;
	double *v;                /* one sentiment value per token */
	size_t vcap;
	double *zh;               /* the Chinese token's word values */
	size_t zhcap;
	uint32_t *cp;             /* the Chinese token's characters */
	size_t *off;              /* where each starts, and its length after them */
	size_t cpcap;
	cs_norm norm;
	struct tok_slot *tokens;  /* TOKEN_SLOTS */
	uint64_t tokens_of;       /* the lexicon generation they were looked up in */
};

/* ---- tokens ---- */

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x1f) || cp == 0x85 || cp == 0xA0 ||
	       cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

/* is_space_cp() of the bytes up to ' ': tab to carriage return, 0x1C..0x1F and the space. */
#define ASCII_SPACES (0x3E00ull | 0xF0000000ull | 1ull << ' ')

static int is_punct(unsigned char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

static inline int is_trail(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* The first place at or after i whose byte starts an emoji of the
 * lexicon, or len. Every such byte is 0xC0 or above, never a continuation
 * byte, so each place found is one a decoder walking the text reaches. A
 * first byte below 0x80 can be skipped: it starts no emoji of 0x80 and
 * above, the only ones replaced. */
static size_t next_emoji_lead(const cs_lexicon *lx, const char *text, size_t i, size_t len)
{
	if (lx->emoji_leads == 0)
		return len;
#if defined(__SSE2__)
	if (lx->emoji_leads > 0) {
		const unsigned char *b = lx->emoji_lead_bytes;
		__m128i l0 = _mm_set1_epi8((char)b[0]), l1 = _mm_set1_epi8((char)b[1]), l2 = _mm_set1_epi8((char)b[2]),
			l3 = _mm_set1_epi8((char)b[3]);
		for (; i + 16 <= len; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
			__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, l0), _mm_cmpeq_epi8(v, l1)),
						   _mm_or_si128(_mm_cmpeq_epi8(v, l2), _mm_cmpeq_epi8(v, l3)));
			unsigned m = (unsigned)_mm_movemask_epi8(hit);
			if (m)
				return i + (size_t)__builtin_ctz(m);
		}
		for (; i < len; i++) {
			unsigned char c = (unsigned char)text[i];
			if (c >= 0xC0 && BIT_HAS(lx->emoji_lead, c))
				return i;
		}
		return len;
	}
#endif
	while (i < len) {
		if (i + 8 <= len && !(cs_load8(text + i) & CS_HIGH8)) {   /* ASCII: no emoji starts there */
			i += 8;
			continue;
		}
		unsigned char c = (unsigned char)text[i];
		if (BIT_HAS(lx->emoji_lead, c))
			return i;
		/* a Han character (U+4000..U+9FFF) whole: its trailing bytes start nothing */
		i += c >= 0xE4 && c <= 0xE9 && i + 3 <= len && is_trail(text[i + 1]) && is_trail(text[i + 2]) ? 3 : 1;
	}
	return len;
}

/* Where the first lead byte lead of s[0..n) followed by second and then
 * one of thirds (or by second alone when thirds is NULL) is, or n. */
static size_t find_seq(const char *s, size_t n, int lead, int second, const char *thirds)
{
	for (const char *p = s; (p = memchr(p, lead, n - (size_t)(p - s))) != NULL; p++) {
		size_t at = (size_t)(p - s), need = thirds ? 3 : 2;
		if (at + need <= n && (unsigned char)p[1] == second && (!thirds || (p[2] && strchr(thirds, p[2]))))
			return at;
		if (at + 1 == n)
			break;
	}
	return n;
}

/* Where the first typographic apostrophe of s[0..n) starts, or n: the test
 * is on the whole sequences, since Chinese text has U+201C and U+2026 (also
 * led by 0xE2) where it rarely has these. */
static size_t first_apostrophe(const char *s, size_t n)
{
	size_t curly = find_seq(s, n, 0xE2, 0x80, "\x98\x99"), modifier = find_seq(s, n, 0xCA, 0xBC, NULL);
	return curly < modifier ? curly : modifier;
}

/* U+2018, U+2019 and U+02BC as "'", in place: phones type "don’t", which
 * must negate as "don't" does (vaderSentiment reads it as an unknown word). */
static void straighten_apostrophes(cs_buf *t)
{
	size_t first = first_apostrophe(t->p, t->len);
	if (first == t->len)
		return;
	size_t to = first;
	for (size_t i = first; i < t->len;) {
		size_t start = i;
		if (cs_is_apostrophe(cs_utf8_next(t->p, t->len, &i))) {
			t->p[to++] = '\'';
		} else {
			memmove(t->p + to, t->p + start, i - start);
			to += i - start;
		}
	}
	t->len = to;
}

/* Full-width ASCII forms as ASCII, in place, as NFKC reads them (and the
 * phrases of the scorecard do): a CJK input method in full-width mode types
 * "ｔｅｒｒｉｂｌｅ！", which must score as "terrible!". Text without a
 * 0xEF byte is only looked at by memchr. U+3000 needs nothing: the
 * tokenizer takes it for the space it is. */
static void fold_full_width(cs_buf *t)
{
	char *p = t->p, *end = t->p + t->len, *to = NULL, *from = NULL;
	for (char *at = memchr(p, 0xEF, t->len); at; at = memchr(at, 0xEF, (size_t)(end - at))) {
		char ascii = cs_full_width_ascii(at, (size_t)(end - at));
		if (!ascii) {
			at++;
			continue;
		}
		if (to) {
			memmove(to, from, (size_t)(at - from));
			to += at - from;
		} else {
			to = at;
		}
		*to++ = ascii;
		at += 3;
		from = at;
	}
	if (!to)
		return;
	memmove(to, from, (size_t)(end - from));
	t->len = (size_t)(to - p) + (size_t)(end - from);
}

/* Emoji replaced by their descriptions, as VADER reads them, a space
 * before each unless one is there. Only a byte that starts an emoji of the
 * lexicon is decoded; the text between is copied whole. */
static void replace_emoji(const cs_lexicon *lx, const char *text, size_t len, cs_buf *out)
{
	cs_buf_reset(out);
	size_t copied = 0, i = 0, emoji_end = SIZE_MAX;
	while ((i = next_emoji_lead(lx, text, i, len)) < len) {
		size_t start = i;
		uint32_t cp = cs_utf8_next(text, len, &i);
		int maybe = cp >= 0x80 && (cp >= 65536 || BIT_HAS(lx->emoji_bmp, cp));
		const struct lex_entry *e = maybe ? lex_get(&lx->emoji, text + start, i - start) : NULL;
		if (!e)
			continue;
		cs_buf_add(out, text + copied, start - copied);
		int space_before = start == emoji_end ? 0 : start == 0 || text[start - 1] == ' ';
		if (!space_before)
			cs_buf_addc(out, ' ');
		cs_buf_add(out, lx->emoji.keys.p + e->str_off, e->str_len);
		copied = emoji_end = i;
	}
	cs_buf_add(out, text + copied, len - copied);
	straighten_apostrophes(out);
	fold_full_width(out);
	cs_buf_reserve(out, 1);
	out->p[out->len] = '\0';
}

static int ascii_isupper(const char *s, size_t n)
{
	int cased = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'a' && c <= 'z')
			return 0;
		cased |= c >= 'A' && c <= 'Z';
	}
	return cased;
}

/* Python's str.isupper(), which VADER asks of every token, for one with
 * letters beyond ASCII ("ÉTÉ", "Þ"): a cased letter and none in lower or
 * title case. */
static int unicode_isupper(const char *s, size_t n)
{
	int cased = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = cs_utf8_next(s, n, &i);
		if (uc_is_property_lowercase(cp) || uc_is_general_category(cp, UC_TITLECASE_LETTER))
			return 0;
		cased |= uc_is_property_uppercase(cp);
	}
	return cased;
}

/* The lower case of a token not from the cache, for its look-up (not for
 * Han tokens). */
static const char *low(const cs_senti_scratch *sc, const struct tok *t) { return sc->lower.p + t->low_off; }

/* Is the token word, one of VADER's rule words (ASCII letters in lower
 * case), in any case? The letter c is w or its capital exactly when
 * (c | 0x20) == w, so the token's own bytes serve. */
static int tok_is_n(const cs_senti_scratch *sc, const struct tok *t, const char *word, size_t n)
{
	if (t->len != n)
		return 0;
	const char *w = sc->text.p + t->off;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)w[i] | 0x20) != (unsigned char)word[i])
			return 0;
	return 1;
}
#define tok_is(sc, t, word) tok_is_n((sc), (t), (word), sizeof(word) - 1)

/* Does the word hold "n't" (VADER's negation test)? Words are short: no memmem. */
static int has_nt(const char *w, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++)
		if (w[i + 1] == '\'' && w[i] == 'n' && w[i + 2] == 't')
			return 1;
	return 0;
}

/* Does s[0..n) hold three characters or more? Nine bytes always do. */
static int more_than_two_chars(const char *s, size_t n)
{
	if (n > 8)
		return 1;
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars > 2;
}

/* The token's lower case into sc->lower (not for Han tokens). */
static void keep_lower(cs_senti_scratch *sc, struct tok *t)
{
	t->low_off = sc->lower.len;
	cs_buf_reserve(&sc->lower, t->len + 1);
	char *lower = sc->lower.p + sc->lower.len;
	cs_ascii_lower(lower, sc->text.p + t->off, t->len);
	lower[t->len] = '\0';
	sc->lower.len += t->len + 1;
}

static void token_from_cache(struct tok *t, const struct tok_slot *c, size_t off, size_t len)
{
	t->off = off + c->lead;
	t->len = len - c->lead - c->tail;
	t->lead = c->lead;
	t->tail = c->tail;
	t->han = c->han;
	t->looked_up = 1;
	if (t->han)
		return;
	t->hash = c->hash;
	t->upper = c->upper;
	t->ascii = c->ascii;
	t->lex = c->lex;
	t->booster = c->booster;
	t->negation = c->negation;
	t->gram_first = c->gram_first;
}

static void token_to_cache(cs_senti_scratch *sc, const struct tok *t)
{
	struct tok_slot *c = &sc->tokens[t->cache - 1];
	size_t raw_len = t->lead + t->len + t->tail;
	*c = (struct tok_slot){.len = (uint8_t)raw_len, .lead = t->lead, .tail = t->tail, .han = t->han,
			       .upper = t->upper, .negation = t->negation, .gram_first = t->gram_first, .ascii = t->ascii,
			       .lex = t->lex,
			       .booster = t->booster, .hash = t->hash};
	memcpy(c->raw, sc->text.p + t->off - t->lead, raw_len);
}

/* Strip, classify and hash a token not in the cache (look_up() finds it in
 * the tables). */
static void token_worked_out(const cs_lexicon *lx, cs_senti_scratch *sc, struct tok *t, size_t off, size_t len)
{
	/* strip punctuation at either end; a word of two characters or fewer
	 * after stripping was an emoticon: keep it whole */
	const char *p = sc->text.p + off;
	size_t s = 0, e = len;
	while (s < e && is_punct((unsigned char)p[s]))
		s++;
	while (e > s && is_punct((unsigned char)p[e - 1]))
		e--;
	if (more_than_two_chars(p + s, e - s)) {
		t->lead = (unsigned char)s;   /* read only for a token the cache holds: 24 bytes at most */
		t->tail = (unsigned char)(len - e);
		off += s;
		len = e - s;
	}
	t->off = off;
	t->len = len;
	const char *w = sc->text.p + off;
	int ascii = 1;
	for (size_t i = 0; i < len && !t->han;) {
		if ((unsigned char)w[i] < 0x80) {
			i++;
			continue;
		}
		ascii = 0;
		t->han = (unsigned char)cs_is_han(cs_utf8_next(w, len, &i));
	}
	if (t->han)
		return;   /* neither in VADER's lexicon nor one of its rule words: no lower case */
	keep_lower(sc, t);
	t->hash = lex_hash(low(sc, t), len);
	t->upper = (unsigned char)(ascii ? ascii_isupper(w, len) : unicode_isupper(w, len));
	t->ascii = (unsigned char)ascii;
	lex_prefetch(&lx->en, t->hash);
}

/* memcmp(a, b, n) == 0 for the n <= 16 + 8 bytes of a cached token, in
 * words: a call to memcmp costs more than the compare. */
static inline int same_short(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	if (n < 8)
		return cs_hq_load_tail(x, n) == cs_hq_load_tail(y, n);
	return cs_hq_load64(x) == cs_hq_load64(y) && cs_hq_load64(x + n - 8) == cs_hq_load64(y + n - 8) &&
	       (n <= 16 || cs_hq_load64(x + 8) == cs_hq_load64(y + 8));
}

/* The token cache's slot for a token of 24 bytes or fewer: only a place
 * to try (a hit is compared byte by byte), so a multiply of its first and
 * last words does. */
static inline size_t token_slot(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	uint64_t first = len >= 8 ? cs_hq_load64(u) : cs_hq_load_tail(u, len), last = len > 8 ? cs_hq_load64(u + len - 8) : 0;
	uint64_t h = (first ^ (last + len) * 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
	return (size_t)(h >> 52) & (TOKEN_SLOTS - 1);
}

static inline __attribute__((always_inline)) void add_token(const cs_lexicon *lx, cs_senti_scratch *sc, size_t off, size_t len)
{
	if (sc->nt == sc->tcap) {
		sc->tcap = sc->tcap ? sc->tcap * 2 : 64;
		sc->t = cs_realloc(sc->t, sc->tcap * sizeof *sc->t);
	}
	struct tok *t = &sc->t[sc->nt++];
	memset(t, 0, sizeof *t);
	uint16_t at = 0;
	if (len <= CACHED_TOKEN_BYTES) {
		const char *p = sc->text.p + off;
		at = (uint16_t)(token_slot(p, len) + 1);
		const struct tok_slot *c = &sc->tokens[at - 1];
		if (c->len == len && same_short(c->raw, p, len)) {
			token_from_cache(t, c, off, len);
			return;
		}
	}
	token_worked_out(lx, sc, t, off, len);
	t->cache = at;
}

/* The tokens' words looked up, after all were hashed: the look-ups that
 * miss the caches then overlap instead of waiting one after another. */
static void look_up(const cs_lexicon *lx, cs_senti_scratch *sc)
{
	for (size_t i = 0; i < sc->nt; i++) {
		struct tok *t = &sc->t[i];
		if (t->looked_up)
			continue;
		if (!t->han) {
			const char *lw = low(sc, t);
			size_t len = t->len;
			uint64_t h = t->hash;
			t->lex = lex_get_hashed(&lx->en, lw, len, h);
			t->gram_first = lex_get_hashed(&lx->gram_first, lw, len, h) != NULL;
			if (t->ascii && len <= 16 && BIT_HAS(lx->rule_start[len], (unsigned char)lw[0])) {   /* short ASCII words */
				const struct lex_entry *b = lex_get_hashed(&lx->boosters, lw, len, h);
				t->booster = b ? b->value : 0;
				t->negation = lex_get_hashed(&lx->negators, lw, len, h) || has_nt(lw, len);
			} else {
				t->negation = has_nt(lw, len);
			}
		}
		if (t->cache)
			token_to_cache(sc, t);
	}
}

static void tokens_for(const cs_lexicon *lx, cs_senti_scratch *sc)
{
	if (sc->tokens && sc->tokens_of == lx->generation)
		return;
	if (!sc->tokens)
		sc->tokens = cs_malloc(TOKEN_SLOTS * sizeof *sc->tokens);
	for (size_t i = 0; i < TOKEN_SLOTS; i++)
		sc->tokens[i].len = 0;
	sc->tokens_of = lx->generation;
}

/* Can a space character (is_space_cp) start with byte c? An ASCII space
 * or control, a first byte of U+0080..U+07FF or U+1000..U+3FFF, or 0x85 or
 * 0xA0 on its own (an invalid byte is read as itself). */
static inline int may_start_space(unsigned char c)
{
	return c <= ' ' || c == 0x85 || c == 0xA0 || c == 0xC2 || (c >= 0xE1 && c <= 0xE3);
}

#if defined(__SSE2__)
/* The bits of the 16 bytes at p that may_start_space() holds for. */
static inline unsigned may_start_space16(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i sp = _mm_set1_epi8(' '), two = _mm_set1_epi8(2);
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, sp), v);
	__m128i from_e1 = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE1));
	__m128i e1_e3 = _mm_cmpeq_epi8(_mm_min_epu8(from_e1, two), from_e1);
	__m128i single = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x85)),
				      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA0)),
						   _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2))));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, e1_e3), single));
}
#endif

/* For tokenize() at i, where a character starts: the place where it must
 * decode again, every character that starts before it being no space. The
 * first byte at or after i that may start a space, moved back to a byte that
 * is no continuation byte (a character starts at every such byte: no
 * decoding takes one in), or to i; n when there is none. */
static size_t no_space_before(const char *p, size_t i, size_t n)
{
	size_t r = i;
#if defined(__SSE2__)
	for (; r + 16 <= n; r += 16) {
		unsigned m = may_start_space16(p + r);
		if (m) {
			r += (size_t)__builtin_ctz(m);
			break;
		}
	}
#endif
	while (r < n && !may_start_space((unsigned char)p[r]))
		r++;
	if (r == n)
		return n;
	while (r > i && is_trail(p[r]))
		r--;
	return r;
}

static inline int is_ascii_space(unsigned char c) { return c <= ' ' && (ASCII_SPACES >> c & 1); }

/* The first byte at or after i of the ASCII text s[0..n) that is a space
 * or another control byte, or n: eight at a time (for an ASCII byte b,
 * b + 0x5F has its top bit set exactly when b is above the space). */
static size_t next_control(const char *s, size_t i, size_t n)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t v = cs_load8(s + i), low = ~((v & CS_ONES8 * 0x7F) + CS_ONES8 * 0x5F) & CS_HIGH8;
		if (low)
			return i + cs_first_marked8(low);
	}
	while (i < n && (unsigned char)s[i] > ' ')
		i++;
	return i;
}

/* The tokens of a text all in ASCII (most English messages): the runs of
 * bytes that are no space, found a word at a time. */
static void tokenize_ascii(const cs_lexicon *lx, cs_senti_scratch *sc)
{
	const char *p = sc->text.p;
	size_t n = sc->text.len, i = 0;
	for (;;) {
		while (i < n && is_ascii_space((unsigned char)p[i]))
			i++;
		if (i == n)
			return;
		size_t start = i;
		do   /* a control byte that is no space goes on the word */
			i = next_control(p, i + 1, n);
		while (i < n && !is_ascii_space((unsigned char)p[i]));
		add_token(lx, sc, start, i - start);
	}
}

static void tokenize(const cs_lexicon *lx, cs_senti_scratch *sc)
{
	tokens_for(lx, sc);
	sc->nt = 0;
	cs_buf_reset(&sc->lower);
	if (cs_ascii_end(sc->text.p, 0, sc->text.len) == sc->text.len) {
		tokenize_ascii(lx, sc);
		look_up(lx, sc);
		return;
	}
	const char *p = sc->text.p;
	size_t n = sc->text.len, i = 0, start = 0;
	int in_word = 0;
	while (i < n) {
		size_t plain_end = no_space_before(p, i, n);
		if (plain_end > i) {
			if (!in_word) {
				start = i;
				in_word = 1;
			}
			i = plain_end;
			if (i == n)
				break;
		}
		size_t at = i;
		unsigned char c = (unsigned char)p[i];
		int space;
		if (c < 0x80) {
			space = is_ascii_space(c);
			i++;
		} else if (c >= 0xE4 && c <= 0xE9 && i + 3 <= n && ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
			   ((unsigned char)p[i + 2] & 0xC0) == 0x80) {
			space = 0;   /* U+4000..U+9FFF, Chinese: no space among them */
			i += 3;
		} else {
			space = is_space_cp(cs_utf8_next(p, n, &i));
		}
		if (space) {
			if (in_word)
				add_token(lx, sc, start, at - start);
			in_word = 0;
		} else if (!in_word) {
			start = at;
			in_word = 1;
		}
	}
	if (in_word)
		add_token(lx, sc, start, n - start);
	look_up(lx, sc);
}

/* ---- VADER's rules, token by token ---- */

static int in_lexicon(const struct tok *t) { return t->lex != NULL; }

static double scalar_inc_dec(const struct tok *t, double valence, int cap_diff)
{
	double scalar = t->booster;
	if (scalar == 0)
		return 0;
	if (valence < 0)
		scalar = -scalar;
	if (t->upper && cap_diff)
		scalar += valence > 0 ? C_INCR : -C_INCR;
	return scalar;
}

static double negation_check(const cs_senti_scratch *sc, double valence, int start_i, size_t i)
{
	const struct tok *t = sc->t;
	if (start_i == 0) {
		if (t[i - 1].negation)
			valence *= N_SCALAR;
	} else if (start_i == 1) {
		if (tok_is(sc, &t[i - 2], "never") && (tok_is(sc, &t[i - 1], "so") || tok_is(sc, &t[i - 1], "this")))
			valence *= 1.25;
		else if (tok_is(sc, &t[i - 2], "without") && tok_is(sc, &t[i - 1], "doubt"))
			;
		else if (t[i - 2].negation)
			valence *= N_SCALAR;
	} else {
		if ((tok_is(sc, &t[i - 3], "never") && (tok_is(sc, &t[i - 2], "so") || tok_is(sc, &t[i - 2], "this"))) ||
		    tok_is(sc, &t[i - 1], "so") || tok_is(sc, &t[i - 1], "this"))
			valence *= 1.25;
		else if (tok_is(sc, &t[i - 3], "without") && (tok_is(sc, &t[i - 2], "doubt") || tok_is(sc, &t[i - 1], "doubt")))
			;
		else if (t[i - 3].negation)
			valence *= N_SCALAR;
	}
	return valence;
}

/* The lower-case tokens from..to (inclusive) joined by spaces, looked up in
 * table; only when the first token begins an entry of several words. */
static const struct lex_entry *ngram(cs_senti_scratch *sc, const struct lex_table *table, size_t from, size_t to)
{
	const struct tok *first = &sc->t[from];
	if (!first->gram_first)   /* Han tokens never are */
		return NULL;
	cs_buf_reset(&sc->key);
	for (size_t k = from; k <= to; k++) {
		const struct tok *t = &sc->t[k];
		cs_buf_reserve(&sc->key, t->len + 1);
		char *at = sc->key.p + sc->key.len;
		if (k > from)
			*at++ = ' ';
		cs_ascii_lower(at, sc->text.p + t->off, t->len);
		sc->key.len = (size_t)(at - sc->key.p) + t->len;
	}
	return lex_get(table, sc->key.p ? sc->key.p : "", sc->key.len);
}

static double special_idioms_check(const cs_lexicon *lx, cs_senti_scratch *sc, double valence, size_t i)
{
	/* onezero, twoonezero, twoone, threetwoone, threetwo: the first found wins */
	static const int seq[5][2] = {{1, 0}, {2, 0}, {2, 1}, {3, 1}, {3, 2}};
	for (int k = 0; k < 5; k++) {
		const struct lex_entry *e = ngram(sc, &lx->idioms, i - (size_t)seq[k][0], i - (size_t)seq[k][1]);
		if (e) {
			valence = e->value;
			break;
		}
	}
	const struct lex_entry *e;
	if (sc->nt - 1 > i && (e = ngram(sc, &lx->idioms, i, i + 1)))
		valence = e->value;
	if (sc->nt - 1 > i + 1 && (e = ngram(sc, &lx->idioms, i, i + 2)))
		valence = e->value;
	/* booster and dampener n-grams before the word: threetwoone, threetwo, twoone */
	static const int grams[3][2] = {{3, 1}, {3, 2}, {2, 1}};
	for (int k = 0; k < 3; k++)
		if ((e = ngram(sc, &lx->boosters, i - (size_t)grams[k][0], i - (size_t)grams[k][1])))
			valence += e->value;
	return valence;
}

static double least_check(const cs_senti_scratch *sc, double valence, size_t i)
{
	const struct tok *t = sc->t;
	if (i > 1 && !in_lexicon(&t[i - 1]) && tok_is(sc, &t[i - 1], "least")) {
		if (!tok_is(sc, &t[i - 2], "at") && !tok_is(sc, &t[i - 2], "very"))
			valence *= N_SCALAR;
	} else if (i > 0 && !in_lexicon(&t[i - 1]) && tok_is(sc, &t[i - 1], "least")) {
		valence *= N_SCALAR;
	}
	return valence;
}

static double english_valence(const cs_lexicon *lx, cs_senti_scratch *sc, size_t i, int cap_diff)
{
	const struct tok *t = sc->t;
	const struct tok *item = &t[i];
	double valence = item->lex->value;
	if (tok_is(sc, item, "no") && i != sc->nt - 1 && in_lexicon(&t[i + 1]))
		valence = 0.0;   /* "no" negates the next word instead */
	if ((i > 0 && tok_is(sc, &t[i - 1], "no")) || (i > 1 && tok_is(sc, &t[i - 2], "no")) ||
	    (i > 2 && tok_is(sc, &t[i - 3], "no") && (tok_is(sc, &t[i - 1], "or") || tok_is(sc, &t[i - 1], "nor"))))
		valence = item->lex->value * N_SCALAR;
	if (item->upper && cap_diff)
		valence += valence > 0 ? C_INCR : -C_INCR;
	for (int start_i = 0; start_i < 3; start_i++) {
		if (i > (size_t)start_i && !in_lexicon(&t[i - (size_t)start_i - 1])) {
			double s = scalar_inc_dec(&t[i - (size_t)start_i - 1], valence, cap_diff);
			if (start_i == 1 && s != 0)
				s *= 0.95;
			if (start_i == 2 && s != 0)
				s *= 0.9;
			valence += s;
			valence = negation_check(sc, valence, start_i, i);
			if (start_i == 2)
				valence = special_idioms_check(lx, sc, valence, i);
		}
	}
	return least_check(sc, valence, i);
}

/* "but": values before it halved, after it one and a half times, each found
 * by its first equal value, as vaderSentiment does. */
static void but_check(double *v, size_t n, size_t bi)
{
	for (size_t k = 0; k < n; k++) {
		double value = v[k];
		size_t si = 0;
		while (v[si] != value)
			si++;
		if (si < bi)
			v[si] = value * 0.5;
		else if (si > bi)
			v[si] = value * 1.5;
	}
}

/* ---- Chinese ---- */

static int zh_clause_end(uint32_t cp)
{
	if (cp >= 0x3040 && cp < 0xFF00)   /* kana, Han, Hangul: none ends a clause */
		return 0;
	return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0x3001 ||
	       cp == 0xFF1A || cp == ',' || cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':' || cp == '~' ||
	       cp == 0x2026 || cp == 0xFF5E || cp == '\n';
}

/* Whether the clause of cp[k] ends in a question particle (吗, 么): then a
 * rhetorical negator in it affirms instead. */
static int clause_asks(const uint32_t *cp, size_t k, size_t nc)
{
	while (k < nc && !zh_clause_end(cp[k]))
		k++;
	return k > 0 && (cp[k - 1] == 0x5417 || cp[k - 1] == 0x4E48);
}

/* The longest entry of the Chinese lexicon at character k of w, whose
 * nc characters are cp[] starting at byte off[] (off[nc] is its length),
 * or NULL; *end is the character past it. The filters of svc_senti_lex.h
 * leave most places with no look-up. */
static const struct lex_entry *zh_longest(const cs_lexicon *lx, const char *w, const uint32_t *cp, const size_t *off,
					  size_t nc, size_t k, size_t *end)
{
	uint32_t first = cp[k];
	if (first >= 65536 || !BIT_HAS(lx->zh_first, first))
		return NULL;
	const char *at = w + off[k];
	unsigned lengths = k + 1 < nc ? lx->zh_pair_lengths[zh_pair_bit(first, cp[k + 1])] : 0;
	if (lengths) {
		/* only the lengths of the entries the pair starts: most have one */
		size_t longest = lengths & ZH_LONG_BIT ? (lx->zh_max_chars < 255 ? lx->zh_max_chars : 255)
						       : (size_t)(31 - __builtin_clz(lengths)) + 2;
		if (longest > nc - k)
			longest = nc - k;
		uint64_t hashes[256];
		for (size_t c = 2; c <= longest; c++)   /* every candidate's slot loading at once */
			if (lengths & zh_length_bit(c)) {
				hashes[c - 1] = lex_hash(at, off[k + c] - off[k]);
				lex_prefetch(&lx->zh, hashes[c - 1]);
			}
		for (size_t c = longest; c >= 2; c--) {
			if (!(lengths & zh_length_bit(c)))
				continue;
			const struct lex_entry *e = lex_get_hashed(&lx->zh, at, off[k + c] - off[k], hashes[c - 1]);
			if (e) {
				*end = k + c;
				return e;
			}
		}
	}
	if (!BIT_HAS(lx->zh_single, first))
		return NULL;
	*end = k + 1;
	return lex_get(&lx->zh, at, off[k + 1] - off[k]);
}

/* w's characters into sc->cp, where each starts into sc->off (and its
 * length after them); returns how many. */
static size_t decode_chars(cs_senti_scratch *sc, const char *w, size_t n)
{
	if (n + 1 > sc->cpcap) {
		sc->cpcap = (n + 1) * 2;
		sc->cp = cs_realloc(sc->cp, sc->cpcap * sizeof *sc->cp);
		sc->off = cs_realloc(sc->off, sc->cpcap * sizeof *sc->off);
	}
	size_t nc = 0, i = 0;
	while (i < n) {
		sc->off[nc] = i;
		sc->cp[nc++] = cs_utf8_next(w, n, &i);
	}
	sc->off[nc] = n;
	return nc;
}

#define HAO 0x597Du                /* 好 */
#define HEN "\xE5\xBE\x88"          /* 很 */

/* The booster 好 takes before a sentiment word: 很's (好贵 is 很贵, not
 * good and dear; 好担心, 好开心), VADER's 0.293 if the rules lack 很. */
static double hao_boost(const cs_lexicon *lx)
{
	const struct lex_entry *hen = lex_get(&lx->zh, HEN, 3);
	return hen && hen->kind == ZH_DEGREE ? hen->value : 0.293;
}

/* Whether the character at k is 好 alone as a sentiment word, with a
 * sentiment word right after it. */
static int hao_as_degree(const cs_lexicon *lx, const char *w, const cs_senti_scratch *sc, size_t nc, size_t k,
			 const struct lex_entry *e, size_t end)
{
	if (end != k + 1 || sc->cp[k] != HAO || e->kind != ZH_SENT || end >= nc)
		return 0;
	size_t next_end;
	const struct lex_entry *next = zh_longest(lx, w, sc->cp, sc->off, nc, end, &next_end);
	return next && next->kind == ZH_SENT && next->value != 0;
}

/* A token with Han characters: the sum of its sentiment words' values after
 * the Chinese rules, on VADER's scale. */
static double chinese_valence(const cs_lexicon *lx, cs_senti_scratch *sc, const char *w, size_t n)
{
	size_t nv = 0, contrast_at = SIZE_MAX, i = 0, gap = 0, nc = decode_chars(sc, w, n);
	int negators = 0;
	double boost = 0;
	while (i < nc) {
		size_t end;
		const struct lex_entry *e = zh_longest(lx, w, sc->cp, sc->off, nc, i, &end);
		if (!e) {
			if (zh_clause_end(sc->cp[i++]) || ++gap > ZH_WINDOW) {
				negators = 0;
				boost = 0;
				gap = 0;
			}
			continue;
		}
		if (hao_as_degree(lx, w, sc, nc, i, e, end)) {
			i = end;
			gap = 0;
			boost += hao_boost(lx);
			continue;
		}
		i = end;
		gap = 0;
		switch (e->kind) {
		case ZH_NEGATOR: negators++; break;
		case ZH_RHETORICAL: negators += !clause_asks(sc->cp, i, nc); break;
		case ZH_DEGREE: boost += e->value; break;
		case ZH_CONTRAST:
			if (contrast_at == SIZE_MAX)
				contrast_at = nv;
			negators = 0;
			boost = 0;
			break;
		case ZH_BLOCKER: break;
		default: {
			double v = e->value;
			if (v != 0 && boost != 0)
				v += v > 0 ? boost : -boost;
			if (negators % 2)
				v *= N_SCALAR;
			if (nv == sc->zhcap) {
				sc->zhcap = sc->zhcap ? sc->zhcap * 2 : 32;
				sc->zh = cs_realloc(sc->zh, sc->zhcap * sizeof *sc->zh);
			}
			sc->zh[nv++] = v;
			negators = 0;
			boost = 0;
		}
		}
	}
	double sum = 0;
	for (size_t k = 0; k < nv; k++)
		sum += contrast_at == SIZE_MAX ? sc->zh[k] : k < contrast_at ? sc->zh[k] * 0.5 : sc->zh[k] * 1.5;
	return sum;
}

/* ---- the message ---- */

/* 0x80 in each byte of v that is zero, 0 in the others (exactly: no
 * borrow from one byte to the next). */
static inline uint64_t zero_bytes8(uint64_t v)
{
	uint64_t low7 = CS_ONES8 * 0x7F;
	return ~(((v & low7) + low7) | v | low7);
}

/* How many bytes of m (0x80 or 0 each) are set. */
static inline size_t count_marks8(uint64_t m) { return (size_t)(((m >> 7) * CS_ONES8) >> 56); }

/* The ! and ? of text, whose full-width ！ and ？ fold_full_width() made ASCII. */
static double punctuation_emphasis(const char *text, size_t n)
{
	size_t ep = 0, qm = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v = cs_load8(text + i), bang = zero_bytes8(v ^ CS_ONES8 * '!'), ask = zero_bytes8(v ^ CS_ONES8 * '?');
		if (bang | ask) {
			ep += count_marks8(bang);
			qm += count_marks8(ask);
		}
	}
	for (; i < n; i++) {
		ep += text[i] == '!';
		qm += text[i] == '?';
	}
	double amp = (double)(ep > 4 ? 4 : ep) * 0.292;
	if (qm > 1)
		amp += qm <= 3 ? (double)qm * 0.18 : 0.96;
	return amp;
}

static void score_valence(cs_senti *s, const double *v, size_t n, const char *text, size_t len)
{
	s->compound = s->pos = s->neg = s->neu = 0;
	if (!n)
		return;
	double sum = 0, pos = 0, neg = 0, neu = 0;
	for (size_t k = 0; k < n; k++) {
		sum += v[k];
		if (v[k] > 0)
			pos += v[k] + 1;
		else if (v[k] < 0)
			neg += v[k] - 1;
		else
			neu += 1;
	}
	double amp = punctuation_emphasis(text, len);
	if (sum > 0)
		sum += amp;
	else if (sum < 0)
		sum -= amp;
	double c = sum / sqrt(sum * sum + 15);
	s->compound = c < -1 ? -1 : c > 1 ? 1 : c;
	if (pos > fabs(neg))
		pos += amp;
	else if (pos < fabs(neg))
		neg -= amp;
	double total = pos + fabs(neg) + neu;
	s->pos = fabs(pos / total);
	s->neg = fabs(neg / total);
	s->neu = fabs(neu / total);
}

static void sentiments(const cs_lexicon *lx, cs_senti_scratch *sc)
{
	size_t upper = 0;
	for (size_t i = 0; i < sc->nt; i++)
		upper += sc->t[i].upper;
	int cap_diff = upper > 0 && upper < sc->nt;   /* some but not all words in capitals */
	if (sc->nt > sc->vcap) {
		sc->vcap = sc->nt * 2;
		sc->v = cs_realloc(sc->v, sc->vcap * sizeof *sc->v);
	}
	size_t but = SIZE_MAX;
	for (size_t i = 0; i < sc->nt; i++) {
		const struct tok *t = &sc->t[i];
		double v = 0;
		if (but == SIZE_MAX && tok_is(sc, t, "but"))
			but = i;
		if (t->booster != 0 || (i + 1 < sc->nt && tok_is(sc, t, "kind") && tok_is(sc, &sc->t[i + 1], "of")))
			v = 0;
		else if (t->lex)
			v = english_valence(lx, sc, i, cap_diff);
		else if (t->han) {
			cs_t2s(sc->text.p + t->off, t->len);   /* Traditional reads as Simplified, as normalized text does */
			v = chinese_valence(lx, sc, sc->text.p + t->off, t->len);
		}
		sc->v[i] = v;
	}
	if (but != SIZE_MAX)
		but_check(sc->v, sc->nt, but);
}

static void add_hit(cs_senti *s, size_t start, size_t end, enum cs_emotion e)
{
	if (s->nhits == s->hits_cap) {
		s->hits_cap = s->hits_cap ? s->hits_cap * 2 : 8;
		s->hits = cs_realloc(s->hits, s->hits_cap * sizeof *s->hits);
	}
	s->hits[s->nhits++] = (cs_emo_hit){start, end, e};
}

struct emo_ctx {
	cs_senti *s;
	const cs_norm *norm;
};

int cs_emotion_fits(uint32_t list, int label)
{
	if (list & CS_EMO_ALWAYS)
		return 1;
	if (cs_emotion_of(list) == CS_EMO_SATISFACTION)
		return label > 0;
	return list & CS_EMO_STRICT ? label < 0 : label <= 0;
}

const cs_phrases *cs_lexicon_emotions(const cs_lexicon *lx) { return lx->emotions; }

static int on_emotion(void *ctx, const cs_phrase_hit *h)
{
	struct emo_ctx *ec = ctx;
	if (cs_emotion_fits(h->list, ec->s->label)) {
		size_t os, oe;
		cs_norm_span(ec->norm, h->start, h->end, &os, &oe);
		add_hit(ec->s, os, oe, cs_emotion_of(h->list));
	}
	return 0;
}

/* The valence, compound and label of text (no emotions yet). */
static void score_text(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s)
{
	if (!s->scratch)
		s->scratch = cs_calloc(1, sizeof *s->scratch);
	cs_senti_scratch *sc = s->scratch;
	replace_emoji(lx, text, len, &sc->text);
	tokenize(lx, sc);
	sentiments(lx, sc);
	score_valence(s, sc->v, sc->nt, sc->text.p, sc->text.len);
	s->label = s->compound >= 0.05 ? 1 : s->compound <= -0.05 ? -1 : 0;
	s->nhits = 0;
}

/* Every key the scorer looks up is a whole token of this text (English,
 * its ends' punctuation stripped: no word byte next to it) or part of one
 * (Chinese), except those of several tokens (n-grams, which
 * cs_lexicon_changes leaves to NULL) and 很 (which it refuses too). */
int cs_senti_holds(cs_senti *s, const cs_phrases *words)
{
	cs_senti_scratch *sc = s->scratch;
	if (!sc || !sc->text.len)
		return 0;
	cs_buf_reset(&sc->folded);
	cs_buf_reserve(&sc->folded, sc->text.len);
	cs_ascii_lower(sc->folded.p, sc->text.p, sc->text.len);
	sc->folded.len = sc->text.len;
	return cs_phrases_any(words, sc->folded.p, sc->folded.len);
}

static void find_emotions(const cs_lexicon *lx, const cs_norm *norm, cs_senti *s)
{
	if (!norm->text.len)
		return;
	struct emo_ctx ec = {s, norm};
	cs_phrases_scan(lx->emotions, norm->text.p, norm->text.len, on_emotion, &ec);
}

void cs_senti_score_only(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s)
{
	score_text(lx, text, len, s);
}

void cs_senti_score_scanning(const cs_lexicon *lx, const char *text, size_t len, const cs_norm *norm, cs_senti *s,
			     const cs_phrases *also, int (*fn)(void *ctx, const cs_phrase_hit *h), void *ctx)
{
	score_text(lx, text, len, s);
	if (!also) {
		find_emotions(lx, norm, s);
		return;
	}
	if (!norm->text.len)
		return;
	struct emo_ctx ec = {s, norm};
	cs_phrases_scan2(lx->emotions, on_emotion, &ec, also, fn, ctx, norm->text.p, norm->text.len);
}

void cs_senti_score(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s)
{
	score_text(lx, text, len, s);
	cs_norm_text(&s->scratch->norm, text, len);
	find_emotions(lx, &s->scratch->norm, s);
}

void cs_senti_free(cs_senti *s)
{
	cs_senti_scratch *sc = s->scratch;
	if (sc) {
		cs_buf_free(&sc->text);
		cs_buf_free(&sc->lower);
		cs_buf_free(&sc->folded);
		cs_buf_free(&sc->key);
		free(sc->t);
		free(sc->v);
		free(sc->zh);
		free(sc->cp);
		free(sc->off);
		cs_norm_free(&sc->norm);
		free(sc->tokens);
		free(sc);
	}
	free(s->hits);
	*s = (cs_senti)CS_SENTI_INIT;
}
