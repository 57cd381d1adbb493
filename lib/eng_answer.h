/* eng_answer: cs-answer's filter and eval.
 * Filter: for each record with a question ("question", the text at
 * --field, or a conversation's latest customer message) adds "answer": the
 * best entry's text, the top k sources with their scores, a confidence in
 * [0,1], and handoff with its reason when the confidence is below the
 * minimum or nothing matched; with --generate, the text an external command
 * wrote from the grounded prompt. Other records pass through.
 * Eval: reads questions with the entry expected ("query"/"question" and
 * "faq_id"/"expected") and writes one "answer_eval" record: hit@1, MRR@10,
 * hand-off rates, and with --latency the time per question. */
#ifndef CS_ENG_ANSWER_H
#define CS_ENG_ANSWER_H
#include <stddef.h>
#include "kit_opt.h"
#include "kit_run.h"

struct cs_answer_opts {
	const char *kb;
	const char *field;          /* the question's path in any record */
	const char *today;          /* YYYY-MM-DD for effective dates; NULL: today */
	size_t top;                 /* sources listed (default 10) */
	double min_confidence;      /* hand off below (default 0.5) */
	int explain;
	const char *generate;       /* a command, or NULL */
	double generate_timeout;
	int eval, latency;
	const char *expect_field;   /* eval: the expected entry id's field */
};
void cs_answer_opts_init(struct cs_answer_opts *o);

typedef struct cs_answer cs_answer;
/* Dies with the exit code when the knowledge base cannot be read. */
cs_answer *cs_answer_new(const struct cs_common *c, const struct cs_answer_opts *o, struct cs_engine *engine);
void cs_answer_free(cs_answer *a);
/* Today's date in the time zone of c (--tz) as YYYY-MM-DD into out[11]. */
void cs_answer_today(char out[11]);
#endif
