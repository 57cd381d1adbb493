/* eng_qa_card: a cs-qa scorecard, read from its JSON file (cs-scorecard(5))
 * into conditions the evaluator (eng_qa_eval.h) checks. Every phrase of
 * every list goes into one matcher (svc_phrase), so a message is scanned
 * once whatever the number of rules. */
#ifndef CS_ENG_QA_CARD_H
#define CS_ENG_QA_CARD_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "svc_detect.h"
#include "svc_phrase.h"
#include "svc_regex.h"

/* Message roles, as bits: a rule's scope is a set of them. */
enum { QA_ROLE_CUSTOMER = 1, QA_ROLE_AGENT = 2, QA_ROLE_BOT = 4, QA_ROLE_SYSTEM = 8, QA_ROLE_OTHER = 16,
       QA_ROLE_ANY = 31 };

enum qa_metric {
	QA_M_MAX_SILENCE_S, QA_M_FIRST_RESPONSE_S, QA_M_MAX_RESPONSE_S, QA_M_INTERRUPTIONS, QA_M_MAX_OVERLAP_S,
	QA_M_AGENT_TALK_RATIO, QA_M_AGENT_WPM, QA_M_AGENT_CPM, QA_M_SENTIMENT_START, QA_M_SENTIMENT_END,
	QA_M_SENTIMENT_MIN, QA_M_SENTIMENT_MEAN, QA_M_SENTIMENT_TREND, QA_M_CUSTOMER_ANGER, QA_M_MESSAGES,
	QA_M_DURATION_S, QA_M_N
};
const char *qa_metric_name(enum qa_metric m);

enum qa_op { QA_OP_ABOVE, QA_OP_AT_LEAST, QA_OP_BELOW, QA_OP_AT_MOST };

enum qa_cond_kind { QA_AND, QA_OR, QA_NOT, QA_REF, QA_TEXT, QA_METRIC };

/* Which messages a text condition looks at. Conditions whose scopes are
 * equal share one (same_scope in eng_qa_card.c compares every member: a
 * new member goes there too). */
struct qa_scope {
	unsigned roles;             /* QA_ROLE_* bits */
	int first_turns, last_turns;     /* 0: all; counted among messages of the roles */
	double first_s, last_s;          /* 0: all; seconds from the conversation's start or end */
	int before, after;               /* rule index or -1: messages before / after its first hit */
	int within_turns;                /* with after: only the next N messages of the roles */
};

/* A phrase list as the matcher knows it. */
struct qa_list {
	uint32_t id;                /* the matcher's list id */
	uint32_t size;              /* distinct phrases */
};

struct qa_text {
	int any, all, none, at_least;    /* list index or -1 */
	int at_least_n;
	cs_regex **regex;                /* a message matches one of them */
	size_t nregex;
	cs_regex **not_regex;            /* a message matching one of them is left out */
	size_t nnot_regex;
	cs_regex **except_regex;         /* a hit of any or regex overlapping one of their matches does not count */
	size_t nexcept_regex;
	int *regex_lits, *not_regex_lits, *except_regex_lits;   /* list index of each pattern's literals (cs_regex_literals), or -1 */
	unsigned detect;                 /* bits of 1 << enum cs_detect_kind */
	int has_sent_max, has_sent_min;
	double sent_max, sent_min;       /* a message's compound at most / at least */
	int emotion;                     /* enum cs_emotion or -1 */
	char **events;                   /* message "event" (or "type") is one of them */
	size_t nevents;
	int count_at_least;              /* hit messages needed (default 1) */
	char **channels;                 /* the conversation's channel is one of them */
	size_t nchannels;
	int message_level;               /* any, regex, detect, sentiment, emotion or events given */
};

struct qa_cond {
	enum qa_cond_kind kind;
	int index;                       /* for the evaluator's memo */
	int scope_id;                    /* QA_TEXT: conditions with equal scopes share it */
	struct qa_cond **kids;           /* and, or: several; not: one */
	size_t nkids;
	int ref;                         /* QA_REF: rule index */
	struct qa_scope scope;
	struct qa_text text;
	enum qa_metric metric;
	enum qa_op op;
	double value;
};

struct qa_rule {
	char *id;
	struct qa_cond *cond;
};

struct qa_item {
	char *id, *name, *section;
	int section_at;                          /* its index in the card's sections, or -1 */
	double weight;
	struct qa_cond *pass, *fail, *applies;   /* pass or fail is set; applies may be NULL */
	int auto_fail, compliance, review;
};

enum qa_severity { QA_SEV_INFO, QA_SEV_WARNING, QA_SEV_CRITICAL };
const char *qa_severity_name(enum qa_severity s);

struct qa_alert_def {
	char *id, *type, *reason;
	enum qa_severity severity;
	struct qa_cond *when;
};

struct qa_section {
	char *id, *name;
};

/* A distinct pattern of the card's regex, not_regex and except_regex keys, compiled once
 * however many conditions use it. */
struct qa_pattern {
	char *text;
	size_t len;
	cs_regex *re;
	int lits;                        /* its literals' list, -1 none, -2 not looked at yet */
};

/* How deep "@name" lists may include lists (cs-scorecard(5)). */
#define QA_MAX_NESTING 100

/* A phrase list the file names in "phrases", for --check. */
struct qa_named_list {
	char *name;
	int list;                        /* in lists when used on its own, else -1 */
	int nested;                      /* referred to as "@name" inside another list */
};

typedef struct {
	char *name, *version, *file;
	struct qa_rule *rules;
	size_t nrules;
	struct qa_item *items;
	size_t nitems;
	struct qa_alert_def *alerts;
	size_t nalerts;
	struct qa_section *sections;
	size_t nsections;
	struct qa_list *lists;
	size_t nlists;
	size_t nlists_declared, nphrases_declared;   /* the file's own, before the patterns' literals */
	struct qa_named_list *named;
	size_t nnamed;
	uint32_t *phrase_pos;            /* matcher phrase index -> its place in its list */
	cs_phrases *phrases;
	int ncond;                       /* conditions, for the memo */
	int nscopes;                     /* distinct scopes of text conditions */
	unsigned metrics_used;           /* bits of enum qa_metric */
	struct qa_cond **all_conds;      /* every condition, to free */
	size_t nall;
	struct qa_pattern *patterns;     /* the conditions' regexes point into these */
	size_t npatterns;
	uint64_t phrase_checks;          /* loading's duplicate check: phrases compared or looked up (work, for tests) */
} qa_card;

/* Read a scorecard; returns NULL with err = "FILE:LINE: reason". */
qa_card *qa_card_load(const char *path, cs_buf *err);
qa_card *qa_card_load_mem(const char *name, const char *text, size_t len, cs_buf *err);
void qa_card_free(qa_card *card);
#endif
