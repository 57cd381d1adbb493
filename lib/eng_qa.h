/* eng_qa: cs-qa's engine. Every conversation record is inspected with a
 * scorecard (eng_qa_card.h): each item's rules are checked against the
 * messages, with evidence; sentiment and emotions are scored per message
 * and for the customer's side; risk alerts are raised. The result is the
 * conversation's "qa" field, and "alert" records after it. A record with a
 * top-level "text" (a review, a survey comment) is scored for sentiment as
 * one customer message. Other records pass through as they are. */
#ifndef CS_ENG_QA_H
#define CS_ENG_QA_H
#include <stddef.h>
#include "kit_opt.h"
#include "kit_run.h"

enum cs_qa_alerts {
	CS_QA_ALERTS_RECORDS,   /* alert records after the conversation, and qa.alerts */
	CS_QA_ALERTS_INLINE,    /* qa.alerts only */
	CS_QA_ALERTS_ONLY       /* alert records only: conversations are not written */
};

struct cs_qa_opts {
	const char *scorecard;        /* a file, a name in share/scorecards, or NULL: "default" */
	const char **lexicons;        /* --lexicon files, in order */
	size_t nlexicons;
	int sentiment_only;           /* no scorecard: qa.sentiment only */
	enum cs_qa_alerts alerts;
	int max_evidence;             /* evidence entries kept per item */
	int messages_sentiment;       /* qa.sentiment.messages: one entry a message */
	int threads;                  /* scoring threads; 0: one a processor */
};

void cs_qa_opts_init(struct cs_qa_opts *o);

typedef struct cs_qa cs_qa;
/* Load the scorecard and lexicons (exit 3 with file, line and reason when
 * one is bad) and fill engine. */
cs_qa *cs_qa_new(const struct cs_common *c, const struct cs_qa_opts *o, struct cs_engine *engine);
void cs_qa_free(cs_qa *q);

/* --check: load the scorecard, print what it holds to stdout; exit status. */
int cs_qa_check(const struct cs_qa_opts *o);
#endif
