/* eng_route_read: what cs-route reads from one record, on any thread: the
 * opening request (the customer's messages before the first agent reply,
 * or the text at --field), its sentiment, emotions, language and time, an
 * ask for a person, and the intent (the rule that matches, else the
 * model's best few). Everything a decision then needs, so that records are
 * read in parallel and decided in order (eng_route.c). */
#ifndef CS_ENG_ROUTE_READ_H
#define CS_ENG_ROUTE_READ_H
#include <stddef.h>
#include <stdint.h>
#include "eng_route_match.h"
#include "kit_buf.h"
#include "kit_run.h"
#include "svc_intent.h"
#include "svc_sentiment.h"

#define ROUTE_NO_TIME INT64_MIN
#define ROUTE_MAX_ALT 8

enum route_kind { RK_PASS, RK_AGENT, RK_ROUTE };

/* A span of the reader's out buffer. */
struct route_str {
	size_t off, len;
};

struct route_reading {
	enum route_kind kind;
	int has_text;
	double sentiment;                /* the lowest compound of the opening's messages */
	/* The same with the words that name the problem neutral (problem_lexicon),
	 * of the messages at or below escalate_at (the others': their compound):
	 * at or below it too, the customer's words escalate. */
	double distress;
	unsigned emotions;               /* bit per enum cs_emotion */
	int64_t ts;                      /* "started", else the first customer message's "ts" */
	int64_t ended;                   /* "ended", else INT64_MAX (not known, or still open) */
	struct route_str lang, ask, id;  /* lang: the message's, else detected; ask: the words that asked */
	int asked;
	unsigned ask_limited;            /* re: asks that stopped at the match limit (no ask) */
	/* the intent: a rule, else the model's best few (alt[0] first) */
	const char *rule_intent, *rule_name;
	double rule_confidence;
	int rule_priority;
	struct route_str rule_match;
	unsigned rule_limited;           /* rules that stopped at the match limit (no match) */
	const char *rule_limited_name;   /* the first of them */
	uint32_t alt[ROUTE_MAX_ALT];
	double alt_conf[ROUTE_MAX_ALT];
	size_t nalt;
};

/* What a reader shares with the others (read only) and keeps of its own. */
struct route_reader {
	const cs_intent_model *model;
	const route_rules *rules;
	const route_asks *asks;
	const cs_lexicon *lexicon;
	const cs_lexicon *problem_lexicon;   /* lexicon with share/route/problem-words.tsv over it */
	const cs_phrases *problem_words;     /* where the two differ (cs_lexicon_changes), or NULL */
	double escalate_at;              /* the policy's sentiment_at_most */
	const char *field;               /* --field, or NULL */
	size_t want_alt;                 /* intents kept: 1 + --alternatives, at least 2 */
	cs_intent_scratch *scratch;
	double *scores;
	cs_senti senti, problem_senti;
	struct opening_part {            /* each message of the opening in `normed`, and its label */
		size_t start, end;
		int label;
	} *parts;
	size_t nparts, parts_cap;
	cs_norm norm;                    /* one message's text, normalized */
	cs_buf text, normed, s1, s2;     /* the opening: as given, normalized (messages joined by newlines) */
	cs_buf *out;                     /* the strings of the readings of the batch being read (the relay's) */
	cs_obj msg;                      /* a message's members, found in one pass */
	struct route_reading *cur;       /* while reading */
};

void route_reader_init(struct route_reader *k);
void route_reader_free(struct route_reader *k);
/* Read rec into res; its strings go to k->out. */
void route_read(struct route_reader *k, const cs_rec *rec, struct route_reading *res);
#endif
