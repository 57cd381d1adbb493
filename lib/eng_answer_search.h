/* eng_answer_search: ranking a question against the knowledge base.
 *
 * BM25F (Robertson and Zaragoza): each query term's frequency in an
 * entry's title, question and body fields is weighted and normalized by
 * the field's length, then saturated once (k1), times the term's IDF; OR
 * semantics, every entry holding any term is scored from the postings in
 * one pass. The best candidates are then read again for a proximity boost
 * (query terms near each other in the same field) and the feedback given
 * for this question and entry. Entries outside their effective dates are
 * never returned. The confidence combines how many of the question's
 * words the best entry holds, the share of its spelling, and its margin
 * over the next one. */
#ifndef CS_ENG_ANSWER_SEARCH_H
#define CS_ENG_ANSWER_SEARCH_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include "eng_answer_kb.h"
#include "kit_buf.h"

struct kb_params {
	double k1;
	double b[KB_NFIELDS];         /* length normalization per field */
	double w[KB_NFIELDS];         /* field weights */
	double proximity;             /* weight of the proximity boost */
	double synonym;               /* weight of a synonym's terms */
	size_t candidates;            /* entries read again for proximity */
};
void kb_params_init(struct kb_params *p);

struct kb_term_score {
	const char *term;             /* the query term (stemmed) */
	double idf, score;            /* its IDF and what it added to this entry */
};

struct kb_hit {
	int64_t n;                    /* the entry's number */
	double score, bm25, proximity, feedback;   /* feedback: the factor applied */
	double coverage;              /* share of the question's IDF this entry holds (its words, their synonyms) */
	double fuzzy;                 /* the same over the question's character grams */
	unsigned words;               /* the question's terms it holds, synonyms included */
};

struct kb_result {
	struct kb_hit *hits;          /* best first */
	size_t nhits, cap;
	size_t nterms;                /* the question's terms after analysis (0: nothing to search) */
	double confidence;
	cs_buf qkey;                  /* the question's terms, sorted: feedback's key */
};
void kb_result_free(struct kb_result *r);

typedef struct kb_searcher kb_searcher;
/* today: "YYYY-MM-DD", the date effective dates are compared with. */
kb_searcher *kb_searcher_new(sqlite3 *db, const char *today, const struct kb_params *p, cs_buf *err);
void kb_searcher_free(kb_searcher *s);
/* The best k entries for question[0..len) into res. */
int kb_search(kb_searcher *s, const char *question, size_t len, size_t k, struct kb_result *res);
/* Why hit ranked as it did: each query term's share, into terms[0..max);
 * returns how many. Valid until the next search. */
size_t kb_explain(kb_searcher *s, const struct kb_hit *hit, struct kb_term_score *terms, size_t max);
/* The question's key for feedback (its terms, sorted, once each) into out. */
void kb_question_key(kb_searcher *s, const char *question, size_t len, cs_buf *out);
#endif
