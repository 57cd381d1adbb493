/* eng_qa_score: what cs-qa writes for one record: the "qa" value and the
 * alert records of a conversation, or the sentiment of a record with a
 * top-level "text". A worker holds everything scoring needs, so that
 * several threads score records at once, each with a worker of its own;
 * the scorecard and the lexicon are shared and only read. */
#ifndef CS_ENG_QA_SCORE_H
#define CS_ENG_QA_SCORE_H
#include <stddef.h>
#include <stdint.h>
#include "eng_qa.h"
#include "eng_qa_card.h"
#include "eng_qa_eval.h"
#include "kit_jw.h"
#include "kit_run.h"

/* Reading one message's members (eng_qa_score.c). */
struct add_ctx {
	struct qa_worker *k;
	cs_buf id, event, text, role;
	cs_obj members;
	size_t n;
};

struct item_outcome {
	int applicable, passed;
	const struct qa_result *because;
};

struct qa_worker {
	const struct cs_qa_opts *o;
	const qa_card *card;
	qa_conv conv;
	cs_jw w;
	cs_buf *out;                     /* where results go: set by the caller */
	cs_buf text, scratch, conv_id;
	cs_buf customer, customer_id;    /* an alert record's customer, and its id as a JSON string */
	cs_obj customer_members;
	struct add_ctx add;
	struct item_outcome *outcomes;   /* the card's items judged on the conversation, in order */
	struct item_literal *literal;    /* per item: where its unchanging text is in literals */
	cs_buf literals, item;
	uint64_t conversations, texts, auto_failed, alerts_raised, messages;
};

/* Where a record's results are in the worker's out. */
struct qa_scored {
	size_t qa_off, qa_len;           /* the "qa" value */
	size_t alerts_off, alerts_len;   /* alert records, each ending in a newline */
	const char *bad;                 /* why the record is bad, or NULL */
};

void qa_worker_init(struct qa_worker *k, const struct cs_qa_opts *o, const qa_card *card, const cs_lexicon *lexicon);
void qa_worker_free(struct qa_worker *k);
/* Score a record that has "messages" (an array) or a top-level "text".
 * Returns CS_REC_OK, or CS_REC_BAD with res->bad set. */
int qa_score_record(struct qa_worker *k, const cs_rec *rec, struct qa_scored *res);
#endif
