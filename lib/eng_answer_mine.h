/* eng_answer_mine: cs-answer mine. From conversation records, those solved
 * well (status solved, resolved or closed when given; qa.score at least
 * the minimum when scored; no repeat contact: the same customer did not
 * come back within the window) give a candidate FAQ: the customer's
 * opening request as the question, the agent's longest reply as the
 * answer. Candidates whose questions share most of their terms (Jaccard
 * similarity of the analyzed terms) are merged: the first question
 * stays, the others become alternates. One FAQ record a group, most asked
 * first, with the conversations it came from, for a person to review
 * before cs-answer build. */
#ifndef CS_ENG_ANSWER_MINE_H
#define CS_ENG_ANSWER_MINE_H
#include <stdint.h>
#include "kit_opt.h"
#include "kit_run.h"

struct cs_amine_opts {
	double min_score;           /* qa.score at least (default 80) */
	int64_t repeat_ms;          /* a contact again within this is a repeat (default 7 days) */
	double similarity;          /* merge at this Jaccard similarity (default 0.5) */
	uint64_t min_count;         /* groups of fewer conversations are left out (default 1) */
};
void cs_amine_opts_init(struct cs_amine_opts *o);

typedef struct cs_amine cs_amine;
cs_amine *cs_amine_new(const struct cs_common *c, const struct cs_amine_opts *o, struct cs_engine *engine);
void cs_amine_free(cs_amine *m);
#endif
