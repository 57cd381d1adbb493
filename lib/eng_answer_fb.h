/* eng_answer_fb: cs-answer feedback and review.
 * feedback reads votes ({"question":..., "id": entry id, "helpful": true or
 * false}) and keeps them per (question, entry), the question as its terms
 * sorted (so "How do I reset my password?" and "reset password how" are one
 * question). A helpful vote adds the question's phrasing as a learned
 * alternate question of the entry (indexed at once, kept across rebuilds);
 * unhelpful votes demote the entry for that question, and a little for
 * every question. One transaction a run; one kb_feedback record out.
 * review lists the entries a person should look at: mostly unhelpful
 * votes, expired or expiring soon, not yet effective. */
#ifndef CS_ENG_ANSWER_FB_H
#define CS_ENG_ANSWER_FB_H
#include "kit_opt.h"
#include "kit_run.h"

struct cs_feedback_opts {
	const char *kb;
};

typedef struct cs_feedback cs_feedback;
cs_feedback *cs_feedback_new(const struct cs_common *c, const struct cs_feedback_opts *o, struct cs_engine *engine);
void cs_feedback_free(cs_feedback *f);

struct cs_review_opts {
	const char *kb;
	const char *today;          /* YYYY-MM-DD; NULL: today */
	int min_votes;              /* votes before the share of unhelpful counts (default 3) */
	double max_unhelpful;       /* listed at or above this share (default 0.5) */
	int expiring_days;          /* listed when it expires within this many days (default 30) */
};
void cs_review_opts_init(struct cs_review_opts *o);
/* Write one "review" record an entry that needs a look; the exit status. */
int cs_review_run(const struct cs_common *c, const struct cs_review_opts *o);
#endif
