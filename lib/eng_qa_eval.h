/* eng_qa_eval: one conversation's messages, prepared once (text normalized,
 * every phrase list matched in one scan, sentiment scored), and the
 * scorecard's conditions checked against them with evidence. Conditions are
 * three-valued: a metric the conversation cannot give (no timestamps for a
 * response time) is unknown, and an item whose outcome is unknown is not
 * applicable rather than failed. */
#ifndef CS_ENG_QA_EVAL_H
#define CS_ENG_QA_EVAL_H
#include <stddef.h>
#include <stdint.h>
#include "eng_qa_card.h"
#include "kit_buf.h"
#include "svc_sentiment.h"
#include "svc_text.h"

#define QA_NO_TIME INT64_MIN

struct qa_msg {
	size_t id_off, id_len;           /* in conv->strs */
	size_t event_off, event_len;     /* "event" or "type", in conv->strs */
	unsigned role;                   /* QA_ROLE_* */
	int internal;                    /* a private note the customer did not see */
	int64_t ts;                      /* ms since the epoch, or QA_NO_TIME */
	int64_t start_ms, end_ms;        /* offsets in a call, or QA_NO_TIME */
	size_t raw_off, raw_len;         /* the text as given, in conv->raw */
	size_t norm_off, norm_len;       /* normalized, in conv->norm (conv->orig maps it back) */
	double compound;
	int label;
	unsigned emotions;               /* bits of 1 << enum cs_emotion */
	size_t hit_first, hit_count;     /* phrase hits, in conv->hits */
	uint64_t lists;                  /* bit list % 64 set: a hit of list may be there */
	size_t emo_first, emo_count;     /* emotion words, in conv->emos */
};

struct qa_hit {
	uint32_t msg, list, phrase;
	uint32_t s, e;                   /* normalized bytes, from the message's start */
};

struct qa_emo {
	uint32_t msg;
	uint32_t s, e;                   /* bytes of the raw text, from the message's start */
	int emotion;
};

/* A piece of evidence: a passage of a message, or a metric's value. */
struct qa_ev {
	int is_metric;
	uint32_t msg;                    /* UINT32_MAX: no message */
	uint32_t s, e;                   /* raw bytes from the message's start */
	int metric;
	double value;
};

/* Whether two pieces of evidence are the same, field by field: a memcmp
 * would compare the padding too, which the evidence's compound literals
 * leave as the memory was (so a repeat was written or not by what the
 * worker's memory held). */
static inline int qa_same_ev(const struct qa_ev *a, const struct qa_ev *b)
{
	return a->is_metric == b->is_metric && a->msg == b->msg && a->s == b->s && a->e == b->e &&
	       a->metric == b->metric && (a->value == b->value || (a->value != a->value && b->value != b->value));
}

struct qa_result {
	signed char val;                 /* 1 true, 0 false, -1 unknown */
	int has_pos;                     /* first hit position, for before/after */
	uint32_t pos_msg, pos_byte;
	size_t ev_first, ev_count;       /* in conv->evs */
};

/* Which messages a scope holds, and its bounds, for one conversation. */
struct qa_scoped {
	uint32_t stamp;
	int known;                       /* 0: a time scope without times */
	uint64_t lo, hi;
};

typedef struct {
	const qa_card *card;
	const cs_lexicon *lexicon;
	struct qa_msg *msgs;
	size_t nmsgs, msgs_cap;
	int all_offsets, all_stamps;     /* every message has a start_ms; every one a ts */
	cs_buf raw, norm, strs, channel;
	uint32_t *orig;                  /* per normalized byte: raw offset from the message's start */
	size_t orig_len, orig_cap;
	struct qa_hit *hits;
	size_t nhits, hits_cap;
	struct qa_emo *emos;
	size_t nemos, emos_cap;
	struct qa_ev *evs;
	size_t nevs, evs_cap;
	struct qa_result *results;       /* per condition, valid when stamp matches */
	uint32_t *stamps, stamp;
	double metric[QA_M_N];
	signed char metric_known[QA_M_N];   /* -1 not computed yet, 0 unknown, 1 known */
	uint32_t metric_msg[QA_M_N];
	uint64_t lo, hi;                 /* the text condition being checked: passages from lo, before hi */
	struct qa_scoped *scopes;        /* per card scope, valid when its stamp matches */
	unsigned char *scoped;           /* scope k's messages at k * (nmsgs + 1) */
	size_t scoped_cap;
	int max_evidence;
	uint64_t regex_limit_hits;
	cs_norm norm_state;
	cs_senti senti;
	unsigned char *seen;             /* for all / at_least: phrases of a list seen */
	size_t seen_cap;
} qa_conv;

void qa_conv_init(qa_conv *c, const qa_card *card, const cs_lexicon *lexicon, int max_evidence);
void qa_conv_free(qa_conv *c);
/* Start a conversation (channel may be NULL). */
void qa_conv_reset(qa_conv *c, const char *channel, size_t channel_len);
/* Add a message; text is its "text" (UTF-8, unescaped). */
struct qa_msg_in {
	const char *id, *event, *text;
	size_t id_len, event_len, text_len;
	unsigned role;
	int64_t ts, start_ms, end_ms;
	int internal;                    /* a private note the customer did not see */
};
void qa_conv_add(qa_conv *c, const struct qa_msg_in *in);
/* Check a condition; its evidence is conv->evs[r->ev_first ..+ r->ev_count).
 * A condition is checked once a conversation: most calls find it checked
 * (items, sections and totals ask again), so that test is inline. */
const struct qa_result *qa_eval_first(qa_conv *c, const struct qa_cond *cond);
static inline const struct qa_result *qa_eval(qa_conv *c, const struct qa_cond *cond)
{
	if (c->stamps[cond->index] == c->stamp)
		return &c->results[cond->index];
	return qa_eval_first(c, cond);
}
/* A metric's value; returns 0 when the conversation cannot give it. */
int qa_metric(qa_conv *c, enum qa_metric m, double *value, uint32_t *msg);
unsigned qa_role_of(const char *s, size_t n);
#endif
