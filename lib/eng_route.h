/* eng_route: cs-route's engine. Every conversation record is routed on its
 * opening request (the customer's messages before the first agent reply):
 * the intent (rules, then the model, with Rasa-style fallback thresholds),
 * an ask for a person, sentiment and emotions (svc_sentiment), then the
 * tier (bot or human), the policy's first matching filter and its targets
 * in order, and an agent chosen by the selection mode, or a place in a
 * queue. The result is the record's "route" field, with the reasons.
 * Agent records (kind "agent") update the roster as the stream flows and
 * may let waiting conversations through ("route_update" records). Other
 * records pass through as they are. */
#ifndef CS_ENG_ROUTE_H
#define CS_ENG_ROUTE_H
#include "kit_opt.h"
#include "kit_run.h"

struct cs_route_opts {
	const char *model;               /* --model: a cs-route train model */
	const char *rules;               /* --rules: intent patterns */
	const char *policy;              /* --policy: a file, or a name in share/route */
	const char *agents;              /* --agents: NDJSON roster */
	const char *state;               /* --state: SQLite file kept between runs */
	const char *field;               /* --field: route any record on the text at this path */
	double threshold, ambiguity;     /* < 0: the policy's */
	int select;                      /* an enum route_select, or -1: the policy's */
	int alternatives;                /* intents listed after the best (default 2) */
	int threads;                     /* reading threads; 0: one a processor */
};

void cs_route_opts_init(struct cs_route_opts *o);

typedef struct cs_route cs_route;
/* Load what the options name (exit 3 with file, line and reason when one
 * is bad) and fill engine. */
cs_route *cs_route_new(const struct cs_common *c, const struct cs_route_opts *o, struct cs_engine *engine);
void cs_route_free(cs_route *r);

/* --check: load what the options name (exit 3 on a bad file, as a run
 * would), print what they hold to stdout; exit status. */
int cs_route_check(const struct cs_route_opts *o);
#endif
