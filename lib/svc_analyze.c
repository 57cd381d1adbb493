/* svc_analyze: index and query analysis (see svc_analyze.h). */
#include "svc_analyze.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "svc_text.h"
#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#define MAX_WORD_BYTES 64

/* English stop words: function words, the question words every FAQ query
 * starts with, and the filler of requests ("is there a way to", "I want to
 * get"; these measured better dropped on StackFAQ split A). Normalized
 * (case folded), unstemmed. */
static const char *const stop_words[] = {
	"a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren", "as",
	"at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
	"could", "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each",
	"few", "for", "from", "further", "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her",
	"here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn", "it",
	"its", "itself", "just", "ll", "m", "me", "might", "more", "most", "must", "my", "myself", "no", "nor",
	"now", "o", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
	"own", "re", "s", "same", "shall", "she", "should", "shouldn", "so", "some", "such", "t", "than", "that",
	"the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
	"through", "to", "too", "under", "until", "up", "ve", "very", "was", "wasn", "we", "were", "weren",
	"what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won", "would",
	"wouldn", "y", "you", "your", "yours", "yourself", "yourselves",
	"get", "want", "need", "please", "way", "possible", "know", "like", "tell", "anyone", "someone", "thanks",
	"hi", "hello",
};

/* Stems already made: a word's stem is looked up before Snowball runs (a
 * text's words repeat; stemming each anew was a fifth of a build). A full
 * table is emptied and filled again. */
#define STEM_SLOTS 16384
#define STEM_KEY 24              /* longer words are stemmed each time */

struct stem_slot {
	unsigned char wlen, slen;    /* 0: empty */
	unsigned char stop;          /* the word is a stop word */
	char word[STEM_KEY], stem[STEM_KEY];
	uint64_t hash;               /* the stem's cs_term_hash */
};

struct cs_analyzer {
	cs_norm norm;
	struct sb_stemmer *stemmer;
	char word[MAX_WORD_BYTES + 1];
	struct stem_slot *stems;
	size_t nstems;
};

/* The stop words as a table of 16-byte keys, each word in its slot by hash:
 * a lookup is a hash and a compare, no string search. */
#define STOP_SLOTS 512
static char stop_table[STOP_SLOTS][16];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static size_t stop_slot(const char *w, size_t n)
{
	return (size_t)cs_hash64(w, n, 0x73) & (STOP_SLOTS - 1);
}

static void fill_stop_table(void)
{
	for (size_t i = 0; i < sizeof stop_words / sizeof *stop_words; i++) {
		size_t n = strlen(stop_words[i]), k = stop_slot(stop_words[i], n);
		while (stop_table[k][0])
			k = (k + 1) & (STOP_SLOTS - 1);
		memcpy(stop_table[k], stop_words[i], n);
	}
}

int cs_is_stop_word(const char *w, size_t n)
{
	if (n >= 16 || n == 0)
		return 0;
	pthread_once(&stop_once, fill_stop_table);
	for (size_t k = stop_slot(w, n); stop_table[k][0]; k = (k + 1) & (STOP_SLOTS - 1))
		if (memcmp(stop_table[k], w, n) == 0 && stop_table[k][n] == 0)
			return 1;
	return 0;
}

cs_analyzer *cs_analyzer_new(void)
{
	cs_analyzer *a = cs_calloc(1, sizeof *a);
	a->norm = (cs_norm)CS_NORM_INIT;
	a->stemmer = sb_stemmer_new("english", "UTF_8");
	a->stems = cs_calloc(STEM_SLOTS, sizeof *a->stems);
	if (!a->stemmer)
		cs_die(CS_EXIT_IO, "out of memory");
	return a;
}

void cs_analyzer_free(cs_analyzer *a)
{
	if (!a)
		return;
	cs_norm_free(&a->norm);
	sb_stemmer_delete(a->stemmer);
	free(a->stems);
	free(a);
}

/* Kana and Hangul are cut like Han: no spaces between their words either. */
static int is_cjk(uint32_t cp)
{
	return cs_is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

static inline int is_ascii_word_char(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

static int is_wide_word_char(uint32_t cp)
{
	return !is_cjk(cp) && (uc_is_alpha(cp) || uc_is_digit(cp) || uc_is_property_diacritic(cp));
}

static inline int is_word_char(uint32_t cp)
{
	return cp < 0x80 ? is_ascii_word_char((unsigned char)cp) : is_wide_word_char(cp);
}

size_t cs_word_chars(const char *text, size_t len, size_t enough)
{
	size_t count = 0;
	for (size_t i = 0; i < len && count < enough;) {
		uint32_t cp = cs_utf8_next(text, len, &i);
		count += cp < 0x80 ? is_ascii_word_char((unsigned char)cp) : is_cjk(cp) || uc_is_alpha(cp) || uc_is_digit(cp);
	}
	return count;
}

struct emit {
	cs_analyzer *a;
	int (*fn)(const cs_token *t, void *ctx);
	void *ctx;
	uint32_t pos;
};

uint64_t cs_term_hash(const char *term, size_t len)
{
	return cs_hash64(term, len, 0x6b69);
}

static int emit_hashed(struct emit *e, const char *term, size_t len, size_t s, size_t end, uint64_t hash)
{
	cs_token t = {term, len, e->pos++, 0, 0, hash};
	cs_norm_span(&e->a->norm, s, end, &t.start, &t.end);
	return e->fn(&t, e->ctx);
}

static int emit_span(struct emit *e, const char *term, size_t len, size_t s, size_t end)
{
	cs_token t = {term, len, e->pos++, 0, 0, cs_term_hash(term, len)};
	cs_norm_span(&e->a->norm, s, end, &t.start, &t.end);
	return e->fn(&t, e->ctx);
}

static int has_letter(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(w[i] >= '0' && w[i] <= '9'))
			return 1;
	return 0;
}

static const char *snowball(cs_analyzer *a, const char *w, size_t n, size_t *len)
{
	const sb_symbol *stem = sb_stemmer_stem(a->stemmer, (const sb_symbol *)w, (int)n);
	if (!stem)
		cs_die(CS_EXIT_IO, "out of memory");
	*len = (size_t)sb_stemmer_length(a->stemmer);
	memcpy(a->word, stem, *len);
	a->word[*len] = 0;
	return a->word;
}

/* The slot of w[0..n) in the cache of stems: found, or filled (stop word
 * or stem); NULL when w is too long to keep. One hash a word. */
static const struct stem_slot *word_slot(cs_analyzer *a, const char *w, size_t n)
{
	if (n >= STEM_KEY)
		return NULL;
	size_t home = (size_t)cs_hash64(w, n, 0x5354) & (STEM_SLOTS - 1), i = home;
	for (size_t probe = 0; probe < 8; probe++, i = (i + 1) & (STEM_SLOTS - 1)) {
		struct stem_slot *slot = &a->stems[i];
		if (slot->wlen == n && memcmp(slot->word, w, n) == 0)
			return slot;
		if (!slot->wlen)
			break;
	}
	size_t len = 0;
	int stop = cs_is_stop_word(w, n);
	const char *stem = stop ? w : snowball(a, w, n, &len);
	if (stop)
		len = n;
	if (len >= STEM_KEY)
		return NULL;
	if (++a->nstems > STEM_SLOTS / 2 || a->stems[i].wlen) {
		memset(a->stems, 0, STEM_SLOTS * sizeof *a->stems);
		a->nstems = 1;
		i = home;
	}
	struct stem_slot *slot = &a->stems[i];
	slot->wlen = (unsigned char)n;
	slot->slen = (unsigned char)len;
	slot->stop = (unsigned char)stop;
	memcpy(slot->word, w, n);
	memcpy(slot->stem, stem, len);
	slot->hash = cs_term_hash(stem, len);
	return slot;
}

static int emit_word(struct emit *e, const char *s, size_t start, size_t end)
{
	size_t n = end - start;
	if (n > MAX_WORD_BYTES) {
		e->pos++;
		return 0;
	}
	if (!has_letter(s + start, n))
		return emit_span(e, s + start, n, start, end);
	const struct stem_slot *slot = word_slot(e->a, s + start, n);
	if (slot && slot->stop) {
		e->pos++;
		return 0;
	}
	if (slot)
		return emit_hashed(e, slot->stem, slot->slen, start, end, slot->hash);
	if (cs_is_stop_word(s + start, n)) {
		e->pos++;
		return 0;
	}
	size_t sn;
	const char *stem = snowball(e->a, s + start, n, &sn);
	return emit_span(e, stem, sn, start, end);
}

/* A CJK run [start, end): its bigrams, or the one character. */
static int emit_cjk(struct emit *e, const char *s, size_t start, size_t end)
{
	size_t a = start, b = start;
	cs_utf8_next(s, end, &b);
	if (b >= end)
		return emit_span(e, s + a, b - a, a, b);
	while (b < end) {
		size_t c = b;
		cs_utf8_next(s, end, &c);
		int stop = emit_span(e, s + a, c - a, a, c);
		if (stop)
			return stop;
		a = b;
		b = c;
	}
	return 0;
}

int cs_analyze(cs_analyzer *a, const char *text, size_t len, int (*fn)(const cs_token *t, void *ctx), void *ctx)
{
	struct emit e = {a, fn, ctx, 0};
	cs_norm_text(&a->norm, text, len);
	const char *s = a->norm.text.p;
	size_t n = a->norm.text.len, i = 0;
	while (i < n) {
		size_t start = i;
		int cjk = 0;
		if ((unsigned char)s[i] < 0x80) {   /* ASCII: a byte a character */
			if (!is_ascii_word_char((unsigned char)s[i++]))
				continue;
			while (i < n && (unsigned char)s[i] < 0x80 && is_ascii_word_char((unsigned char)s[i]))
				i++;
		} else {
			uint32_t cp = cs_utf8_next(s, n, &i);
			cjk = is_cjk(cp);
			if (!cjk && !is_word_char(cp))
				continue;
		}
		size_t end = i;
		while (end < n && !(cjk == 0 && (unsigned char)s[end] < 0x80 && !is_ascii_word_char((unsigned char)s[end]))) {
			size_t j = end;
			uint32_t next = cs_utf8_next(s, n, &j);
			if (cjk ? !is_cjk(next) : !is_word_char(next))
				break;
			end = j;
		}
		i = end;
		int stop = cjk ? emit_cjk(&e, s, start, end) : emit_word(&e, s, start, end);
		if (stop)
			return stop;
	}
	return 0;
}

/* ---- synonyms ---- */

struct phrase {
	size_t group;
	size_t first, n;   /* its terms: term_at[first..first+n) */
};

struct cs_synonyms {
	cs_buf terms;      /* every phrase's terms, NUL-terminated, one after another */
	size_t *term_at, nterms, term_cap;
	struct phrase *phrases;
	size_t nphrases, ngroups;
};

static int add_term(const cs_token *t, void *ctx)
{
	cs_synonyms *s = ctx;
	if (s->nterms == s->term_cap) {
		s->term_cap = s->term_cap ? 2 * s->term_cap : 64;
		s->term_at = cs_realloc(s->term_at, s->term_cap * sizeof *s->term_at);
	}
	s->term_at[s->nterms++] = s->terms.len;
	cs_buf_add(&s->terms, t->term, t->len);
	cs_buf_addc(&s->terms, 0);
	return 0;
}

static void add_phrase(cs_synonyms *s, cs_analyzer *a, const char *p, size_t n)
{
	size_t first = s->nterms;
	cs_analyze(a, p, n, add_term, s);
	if (s->nterms == first)
		return;
	s->phrases = cs_realloc(s->phrases, (s->nphrases + 1) * sizeof *s->phrases);
	s->phrases[s->nphrases++] = (struct phrase){s->ngroups, first, s->nterms - first};
}

/* One line's phrases; returns how many had terms. */
static size_t parse_group(cs_synonyms *s, cs_analyzer *a, const char *p, size_t n)
{
	size_t before = s->nphrases;
	while (n > 0) {
		const char *comma = memchr(p, ',', n);
		size_t len = comma ? (size_t)(comma - p) : n;
		add_phrase(s, a, p, len);
		if (!comma)
			break;
		n -= len + 1;
		p = comma + 1;
	}
	return s->nphrases - before;
}

cs_synonyms *cs_synonyms_parse(cs_analyzer *a, const char *text, size_t len, cs_buf *err)
{
	cs_synonyms *s = cs_calloc(1, sizeof *s);
	size_t line = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *hash = memchr(p, '#', n);
		size_t used = hash ? (size_t)(hash - p) : n;
		line++;
		size_t got = parse_group(s, a, p, used);
		if (got == 1) {
			cs_buf_printf(err, "%zu: a synonym group needs two phrases or more, separated by commas", line);
			cs_synonyms_free(s);
			return NULL;
		}
		if (got > 1)
			s->ngroups++;
		else
			s->nphrases -= got;
		p += n + 1;
	}
	return s;
}

void cs_synonyms_free(cs_synonyms *s)
{
	if (!s)
		return;
	cs_buf_free(&s->terms);
	free(s->term_at);
	free(s->phrases);
	free(s);
}

size_t cs_synonyms_count(const cs_synonyms *s)
{
	return s ? s->ngroups : 0;
}

static const char *term_of(const cs_synonyms *s, size_t k)
{
	return s->terms.p + s->term_at[k];
}

static int phrase_in(const cs_synonyms *s, const struct phrase *ph, const char *const *terms, const size_t *lens,
		     size_t n)
{
	for (size_t i = 0; i + ph->n <= n; i++) {
		size_t k = 0;
		while (k < ph->n && strlen(term_of(s, ph->first + k)) == lens[i + k] &&
		       memcmp(term_of(s, ph->first + k), terms[i + k], lens[i + k]) == 0)
			k++;
		if (k == ph->n)
			return 1;
	}
	return 0;
}

static int seen(const cs_map *m, const char *t, size_t n)
{
	return cs_map_get(m, t, n) != NULL;
}

void cs_synonyms_expand(const cs_synonyms *s, const char *const *terms, const size_t *lens, size_t n,
			void (*fn)(const char *term, size_t len, void *ctx), void *ctx)
{
	if (!s || !s->ngroups)
		return;
	cs_map done = {0};
	for (size_t i = 0; i < n; i++)
		cs_map_put(&done, terms[i], lens[i], (void *)1);
	for (size_t p = 0; p < s->nphrases; p++) {
		if (!phrase_in(s, &s->phrases[p], terms, lens, n))
			continue;
		for (size_t q = 0; q < s->nphrases; q++) {
			const struct phrase *other = &s->phrases[q];
			if (other->group != s->phrases[p].group || q == p)
				continue;
			for (size_t k = 0; k < other->n; k++) {
				const char *t = term_of(s, other->first + k);
				size_t tn = strlen(t);
				if (seen(&done, t, tn))
					continue;
				cs_map_put(&done, t, tn, (void *)1);
				fn(t, tn, ctx);
			}
		}
	}
	cs_map_free(&done);
}
