/* svc_analyze: text as the knowledge base indexes and queries it, the same
 * analysis on both sides. Text is normalized (svc_text: NFKC, case folded),
 * cut into words (letters and digits; an apostrophe ends a word), English
 * stop words are dropped (their places still count, so "reset my password"
 * keeps "reset" two places before "password"), words are stemmed (Snowball
 * English, libstemmer), and a run of Chinese or Japanese characters becomes
 * its overlapping bigrams ("退款流程" is 退款 款流 流程; one character alone
 * is itself), so a query finds words in unsegmented text.
 *
 * Synonym groups ("APP, 客户端, app"; "battery life, 续航") apply at query
 * time: when a query holds one phrase of a group, the others are added as
 * expansion terms. */
#ifndef CS_ANALYZE_H
#define CS_ANALYZE_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

typedef struct cs_analyzer cs_analyzer;

/* One token: the term's bytes (valid until the next token), its place in
 * the text (stop words take places too), and its span in the original text. */
typedef struct {
	const char *term;
	size_t len;
	uint32_t pos;
	size_t start, end;
	uint64_t hash;      /* cs_term_hash(term, len) */
} cs_token;

/* The hash tokens carry, for tables of terms. */
uint64_t cs_term_hash(const char *term, size_t len);

cs_analyzer *cs_analyzer_new(void);
void cs_analyzer_free(cs_analyzer *a);
/* fn for each token of text[0..len), in order; stops at fn's first non-zero
 * return and returns it. */
int cs_analyze(cs_analyzer *a, const char *text, size_t len, int (*fn)(const cs_token *t, void *ctx), void *ctx);
/* Letters, digits and CJK characters in text[0..len) (UTF-8), the
 * characters words are made of; counting stops at enough. Spaces,
 * punctuation and emoji do not count, so "ok!" and "好的！" have two. */
size_t cs_word_chars(const char *text, size_t len, size_t enough);
/* Is the normalized, unstemmed word w[0..n) an English stop word? */
int cs_is_stop_word(const char *w, size_t n);

/* ---- synonyms ---- */
typedef struct cs_synonyms cs_synonyms;
/* Groups from text: a group a line, phrases separated by commas, '#'
 * starts a comment. On a line with no second phrase, err gets "LINE:
 * reason" and NULL is returned. */
cs_synonyms *cs_synonyms_parse(cs_analyzer *a, const char *text, size_t len, cs_buf *err);
void cs_synonyms_free(cs_synonyms *s);
size_t cs_synonyms_count(const cs_synonyms *s);
/* For terms[0..n) of a query (as analyzed), call fn with every term of the
 * phrases that are synonyms of a phrase found in it (each expansion term
 * once, never a term already in the query). */
void cs_synonyms_expand(const cs_synonyms *s, const char *const *terms, const size_t *lens, size_t n,
			void (*fn)(const char *term, size_t len, void *ctx), void *ctx);
#endif
