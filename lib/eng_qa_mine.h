/* eng_qa_mine: `cs-qa mine`, the terms of a batch of scored conversations.
 *
 *  - over_represented: the customer's terms most over-represented in the
 *    target conversations (negative: the customer's mean sentiment at most
 *    --negative-at; low: qa.score below --low-score; either, the default)
 *    against the rest;
 *  - emerging: the same side's terms more frequent now than in the
 *    conversations of --previous;
 *  - best_practice: the agent's terms most over-represented in conversations
 *    scoring at least --best-score, against the agent's other conversations.
 *
 * Terms come from normalized text (svc_text): English words and pairs of
 * words (not both stop words), Chinese character pairs and triples within a
 * run of Han characters (no segmentation). A term counts once a
 * conversation; over-representation is Dunning's log-likelihood G² of the
 * 2x2 table (conversations with and without the term, in the set and out of
 * it), reported only when the term is more frequent in the set.
 *
 * Counts are plain sums: --partial writes them as term_counts and
 * term_totals records instead of the report, and a run whose input holds
 * such records adds them in, so shards mine separately and merge. */
#ifndef CS_ENG_QA_MINE_H
#define CS_ENG_QA_MINE_H
#include <stddef.h>
#include "kit_opt.h"
#include "kit_run.h"

enum cs_mine_target { CS_MINE_EITHER, CS_MINE_NEGATIVE, CS_MINE_LOW };

struct cs_mine_opts {
	enum cs_mine_target target;
	double negative_at;        /* customer mean sentiment at most this: negative (-0.05) */
	double low_score;          /* qa.score below this: low (60) */
	double best_score;         /* qa.score at least this: best practice (90) */
	size_t top;                /* terms per list (20) */
	size_t min_count;          /* conversations a term needs in its set (3) */
	const char *previous;      /* scored conversations (or partial counts) of the period before */
	int partial;               /* write counts, not the report */
};

void cs_mine_opts_init(struct cs_mine_opts *o);

/* Dunning's log-likelihood G² of the 2x2 table of a term: a of the n1
 * conversations in the set hold it, b of the n2 out of it. 0 when a margin
 * is empty (no conversations in a set, or the term in all or none). */
double cs_mine_g2(double a, double b, double n1, double n2);

typedef struct cs_mine cs_mine;
cs_mine *cs_mine_new(const struct cs_common *c, const struct cs_mine_opts *o, struct cs_engine *engine);
void cs_mine_free(cs_mine *m);
#endif
