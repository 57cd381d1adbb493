/* eng_route_policy: cs-route's routing policy (cs-route-policy(5)), modelled
 * on TaskRouter workflows: ordered filters over a conversation's attributes,
 * the first that matches giving targets in order (queue, priority, skills
 * with a minimum level, timeout before widening, skip_if no agent), with the
 * tier rules (bot-eligible intents, fallback thresholds, escalation) and
 * business hours beside them. */
#ifndef CS_ENG_ROUTE_POLICY_H
#define CS_ENG_ROUTE_POLICY_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_jval.h"

/* The attributes conditions read; anything else is a path into the record. */
enum route_attr {
	RA_INTENT, RA_CONFIDENCE, RA_INTENT_SOURCE, RA_TIER, RA_CHANNEL, RA_LANGUAGE, RA_CUSTOMER_TIER, RA_VIP,
	RA_SENTIMENT, RA_EMOTIONS, RA_BUSINESS_HOURS, RA_HUMAN_REQUESTED, RA_ESCALATED, RA_PATH, RA_N
};

enum route_op { RO_EQ, RO_NE, RO_IN, RO_NOT_IN, RO_LT, RO_LE, RO_GT, RO_GE, RO_EXISTS };

struct route_test {
	enum route_attr attr;
	char *name;                      /* as written: "intent", "customer.tier" */
	enum route_op op;
	char **strings;                  /* RO_EQ/NE/IN/NOT_IN on text; values as text */
	size_t nstrings;
	double number;                   /* comparisons; RO_EQ/NE on numbers and booleans (1/0) */
	int numeric;                     /* compare as numbers */
	int exists;                      /* RO_EXISTS */
};

/* A condition: every test holds, and one of each "any" group holds. */
struct route_cond {
	struct route_test *tests;
	size_t ntests;
	struct route_cond *any;          /* alternatives; none: no "any" */
	size_t nany;
	struct route_cond *not;          /* must not hold, or NULL */
};

struct route_skill {
	char *name;
	int min_level;                   /* 0-5 */
};

enum route_select { RS_LONGEST_IDLE, RS_LEAST_LOADED, RS_ROUND_ROBIN, RS_BEST_SKILL, RS_N };
const char *route_select_name(enum route_select s);
int route_select_of(const char *name, enum route_select *out);

struct route_target {
	char *queue;
	int priority;
	struct route_skill *skills;
	size_t nskills;
	int64_t timeout_s;               /* wait before widening to the next target; 0: no limit */
	int skip_if_no_agent;
	int select;                      /* an enum route_select, or -1: the policy's */
};

struct route_filter {
	char *name;
	struct route_cond when;
	struct route_target *targets;
	size_t ntargets;
};

struct route_hours {
	int set;
	int offset_min;                  /* local time = UTC + offset */
	unsigned days;                   /* bit 0 Sunday .. bit 6 Saturday */
	int open_min, close_min;         /* minutes after midnight, local */
	char **holidays;                 /* "YYYY-MM-DD", local */
	size_t nholidays;
};

typedef struct {
	char *file;
	double threshold, ambiguity;     /* fallback: below either, out_of_scope */
	char **bot_intents;              /* bot-eligible intents; "*" any */
	size_t nbot_intents;
	double bot_min_confidence;
	double calm_above;               /* the customer is calm: sentiment above this and no anger */
	char *bot_queue;
	double escalate_at;              /* sentiment at or below: escalated */
	char **escalate_emotions;
	size_t nescalate_emotions;
	int escalate_priority;
	struct route_target ask_target;  /* where asks for a person go when no filter matches; queue NULL: the defaults */
	enum route_select select;
	struct { char *channel; int cost; } *costs;   /* capacity cost a conversation of a channel takes */
	size_t ncosts;
	int default_cost;
	struct route_hours hours;
	struct route_filter *filters;
	size_t nfilters;
	struct route_target *defaults;   /* when no filter matches */
	size_t ndefaults;
	char **extra_asks;               /* more phrases asking for a person */
	size_t nextra_asks;
} route_policy;

/* NULL with err "FILE:LINE: reason". */
route_policy *route_policy_load(const char *path, cs_buf *err);
route_policy *route_policy_load_mem(const char *name, const char *text, size_t len, cs_buf *err);
void route_policy_free(route_policy *p);
int route_policy_cost(const route_policy *p, const char *channel);

/* What conditions are evaluated against. */
struct route_facts {
	const char *intent, *intent_source, *tier, *channel, *language, *customer_tier;
	double confidence, sentiment;
	int has_sentiment;               /* 0: the opening request has no text to score */
	int vip, business_hours, human_requested, escalated;
	const char *const *emotions;
	size_t nemotions;
	const cs_obj *record;            /* its top-level members, for paths */
};

int route_cond_holds(const struct route_cond *c, const struct route_facts *f, cs_buf *scratch);
/* Is the local time of utc_ms within the policy's business hours? (1 when none are set) */
int route_in_hours(const struct route_hours *h, int64_t utc_ms);
int route_bot_eligible(const route_policy *p, const char *intent);
#endif
