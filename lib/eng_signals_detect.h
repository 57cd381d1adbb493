/* eng_signals_detect: silent-customer signals from events and contacts,
 * with no JSON in sight (eng_signals reads the records and writes the
 * signals).
 *
 * State: one session per visit (the event's session id, else the device or
 * customer), ended after conf->session_idle_ms without an event; it holds
 * the recent clicks, the current and previous page, open forms and, while
 * the visitor is anonymous, the signals found so far, which take the
 * customer's id when the visitor logs in. Per customer (or anonymous
 * device): the contacts of the last conf->repeat_within_ms and the help
 * sought and not yet answered. Time is the time of the record being read:
 * the input is in time order, or grouped by customer in time order.
 * Nothing else of an event is kept. */
#ifndef CS_ENG_SIGNALS_DETECT_H
#define CS_ENG_SIGNALS_DETECT_H
#include <stddef.h>
#include <stdint.h>
#include "eng_signals_conf.h"

enum cs_sig_etype {
	SE_OTHER, SE_PAGE_VIEW, SE_CLICK, SE_ERROR, SE_NETWORK, SE_CHANGE, SE_SCROLL, SE_SEARCH, SE_RESULT_CLICK,
	SE_HELP_VIEW, SE_FORM_START, SE_FORM_SUBMIT, SE_LOGIN, SE_REFUND, SE_RETURN, SE_SURVEY
};

/* An event as the detector needs it; strings NUL-terminated, NULL when absent. */
struct cs_sig_event {
	enum cs_sig_etype type;
	const char *id;
	int64_t ts;
	const char *customer, *device, *session;
	const char *name;          /* the page's URL, the click's target, the form, the error */
	int has_xy;
	double x, y;
	int text_input;            /* a click on input, textarea, select or editable text */
	int selection;             /* a double or triple click (text selection) */
	int status;                /* network: the HTTP status, 0 unknown */
	int results;               /* search: results found, -1 unknown */
	int reload;                /* a page view that reloads the page */
	const char *form;          /* change: the form it belongs to */
	const char *survey_metric; /* nps, csat, ces */
	double survey_score;
	int has_score;
};

/* A contact: a conversation or a ticket. */
struct cs_sig_contact {
	const char *id, *customer;
	int64_t ts;
	const char *issue;         /* route.intent, else the first tag, else "unknown" */
	int transfers;
	int64_t longest_wait_ms;   /* -1 unknown */
	int has_sentiment_start, has_sentiment_end;
	double sentiment_start, sentiment_end;
};

/* What was found about a contact, for the conversation's "signals" field. */
#define CS_SIG_TYPES_MAX 8
struct cs_sig_contact_result {
	const char *repeat_of;     /* the earlier contact's id (valid until the next call), or NULL */
	const char *types[CS_SIG_TYPES_MAX];
	size_t ntypes;
};

struct cs_sig_ref {
	const char *id;            /* NULL when the event had none */
	const char *what;          /* "click", "page_view", "conversation", ... */
	int64_t ts;
};

/* One detection. detail: further JSON members ("target":"#pay",...) or "". */
struct cs_sig_hit {
	const char *type;
	const char *customer, *device, *session;
	int64_t ts;
	const struct cs_sig_ref *ev;
	size_t nev;                /* evidence given (at most CS_SIG_EVIDENCE_MAX) */
	uint64_t count;            /* events that made it (clicks of a burst, reloads, ...) */
	const char *detail;
};
#define CS_SIG_EVIDENCE_MAX 10

/* A session that ended, for journeys. */
struct cs_sig_session {
	const char *customer, *device, *session;
	int64_t start, end;
	uint64_t events, pages;
};

struct cs_sig_callbacks {
	void *ctx;
	void (*hit)(void *ctx, const struct cs_sig_hit *hit);
	void (*session_end)(void *ctx, const struct cs_sig_session *s);   /* optional */
};

struct cs_sig_counts {
	uint64_t sessions, sessions_evicted, logins_joined, identity_conflicts, undecided, out_of_order;
};

typedef struct cs_sig_detector cs_sig_detector;
/* max_open: sessions held at most (0: no limit); the oldest ends early. */
cs_sig_detector *cs_sig_detector_new(const struct cs_sig_conf *conf, const struct cs_sig_callbacks *cb, size_t max_open);
void cs_sig_detector_free(cs_sig_detector *d);
void cs_sig_see_event(cs_sig_detector *d, const struct cs_sig_event *e);
void cs_sig_see_contact(cs_sig_detector *d, const struct cs_sig_contact *c, struct cs_sig_contact_result *out);
/* A ticket the customer opened at created: a contact that answers their
 * help seeking. Time does not move (tickets come exported, out of time
 * order). */
void cs_sig_see_ticket(cs_sig_detector *d, const char *customer, int64_t created);
/* A signal that needs no state (an SLA breach, a reopened ticket), at ts,
 * which need not be the time of the record read (a ticket's history runs
 * past its place in the stream), so time does not move: the record's own
 * time moves it, with cs_sig_advance(). It answers the customer's help
 * seeking. */
void cs_sig_report(cs_sig_detector *d, const char *type, const char *customer, int64_t ts, const struct cs_sig_ref *ref,
		   const char *detail);
/* Time moves on to ts without a record of the detector's (sessions and help
 * sought that end before it are decided). */
void cs_sig_advance(cs_sig_detector *d, int64_t ts);
/* The input ended: decide what the input covers; what it does not (a click
 * at its very end, a session still open, help sought less than the window
 * ago) is counted as undecided, not reported. */
void cs_sig_finish(cs_sig_detector *d, int64_t until_ms);
struct cs_sig_counts cs_sig_counts(const cs_sig_detector *d);
size_t cs_sig_open_sessions(const cs_sig_detector *d);
/* The kept contacts looked at so far: work, for tests that it follows the input. */
uint64_t cs_sig_contacts_looked_at(const cs_sig_detector *d);
#endif
