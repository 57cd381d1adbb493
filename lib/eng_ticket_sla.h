/* eng_ticket_sla: SLA policies and the state of a ticket's SLA metrics,
 * worked out from its events alone (so a policy or calendar edit applies to
 * history on recompute).
 *
 * A policy file (cs-ticket-sla(5)) holds named calendars, the statuses that
 * pause the clock, the share of a target that warns, and ordered policies:
 * the first whose condition matches the ticket (priority, channel, group,
 * customer tier, tags) applies, with targets per priority for the metrics
 * below, each in business time on the policy's calendar (or calendar time).
 *
 * The metrics, following Zendesk where the peers differ:
 *  - first_response: from creation to the first public agent reply;
 *  - next_response: from the oldest customer message not yet answered (after
 *    the first reply) to the next public agent reply, one cycle each time;
 *    a message that reopens a solved ticket starts one (solving answers
 *    what was waiting);
 *  - periodic_update: from each public agent reply to the next one while the
 *    ticket is open;
 *  - resolution: from creation to solved, paused in the pause statuses,
 *    running again on reopen.
 * Each stops when the ticket is solved or closed. The target is the one the
 * ticket's policy and priority at now give, over all the time already
 * counted, each stretch on the calendar of the policy in force then: a
 * priority or policy change keeps the elapsed time and moves the deadline. */
#ifndef CS_ENG_TICKET_SLA_H
#define CS_ENG_TICKET_SLA_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_jw.h"
#include "svc_clock.h"

enum sla_metric { SLA_FIRST_RESPONSE, SLA_NEXT_RESPONSE, SLA_PERIODIC_UPDATE, SLA_RESOLUTION, SLA_NMETRICS };
enum sla_priority { SLA_LOW, SLA_NORMAL, SLA_HIGH, SLA_URGENT, SLA_NPRIORITIES };

const char *sla_metric_name(enum sla_metric m);
/* "low", "normal", "high", "urgent": 0 and the value, or -1. */
int sla_priority_of(const char *s, enum sla_priority *p);

/* One event of a ticket as the clock needs it, in order. */
enum sla_event_kind {
	SE_CREATED,        /* value: the initial status ("new") */
	SE_CUSTOMER,       /* a customer message (public) */
	SE_AGENT,          /* an agent reply: public, or an internal note */
	SE_STATUS,         /* value: the new status */
	SE_ATTRIBUTES,     /* attrs: the ticket's attributes from then on */
};
struct sla_ticket;
struct sla_event {
	int64_t ms;
	enum sla_event_kind kind;
	const char *value;
	int public;
	int64_t seq;       /* the order it was applied in: the status at any time is
			    * that of the last applied status event up to then, as
			    * the ticket table has it (0 for all: time order) */
	const struct sla_ticket *attrs;
};

/* The ticket's attributes, for choosing the policy: those of the last
 * SE_ATTRIBUTES event up to the time the clock is read at, else the ones
 * sla_evaluate is given. */
struct sla_ticket {
	const char *priority, *channel, *group, *tier;
	const char *const *tags;
	size_t ntags;
};

typedef struct sla_policies sla_policies;
/* A policy file (calendars relative to it, or names in share/calendars).
 * NULL with err "FILE:LINE: reason". */
sla_policies *sla_policies_load(const char *path, const char *share_dir, cs_buf *err);
sla_policies *sla_policies_parse(const char *name, const char *text, size_t len, const char *share_dir, cs_buf *err);
void sla_policies_free(sla_policies *p);
double sla_warn_at(const sla_policies *p);
/* The zone of the file's first calendar, where --now without an offset is
 * read when no --tz is given; NULL (UTC) for a file without calendars. */
const cs_zone *sla_policies_zone(const sla_policies *p);
int sla_alert_outside_hours(const sla_policies *p);

enum sla_state { SLA_NONE, SLA_ACTIVE, SLA_PAUSED, SLA_MET, SLA_BREACHED };
const char *sla_state_name(enum sla_state s);

/* A cycle that ended past its target, before the metric's current one. */
#define SLA_MISSED_KEEP 8
struct sla_missed {
	int64_t cycle_ms, elapsed_ms;
};

struct sla_metric_state {
	enum sla_state state;       /* SLA_NONE: the metric has no target or has not started */
	int64_t target_ms, elapsed_ms;
	int64_t due_ms;             /* when running; INT64_MIN when paused or ended */
	int64_t breached_ms;        /* when it was or will be missed (INT64_MIN: not missed) */
	int64_t cycle_ms;           /* when this cycle started: alerts are raised once a cycle */
	unsigned misses;            /* cycles missed before this one (next_response, periodic_update) */
	size_t nmissed;             /* the latest SLA_MISSED_KEEP of them, oldest first */
	struct sla_missed missed[SLA_MISSED_KEEP];
};

struct sla_result {
	const char *policy;         /* the policy's name; NULL when none matched */
	const cs_calendar *calendar;
	int64_t read_at;            /* the ticket's creation when it is after now, else INT64_MIN */
	struct sla_metric_state m[SLA_NMETRICS];
};

/* The SLA state at now of a ticket with events[0..n) in order. A ticket
 * created after now (events[0]) is read at its creation instead: its
 * targets just started, nothing elapsed (read_at says so). */
void sla_evaluate(const sla_policies *p, const struct sla_ticket *t, const struct sla_event *events, size_t n,
		  int64_t now, struct sla_result *out);
/* Is the policy's calendar open at instant ms (a business second)? */
int sla_open_at(const struct sla_result *r, int64_t ms);
/* The alerts a result calls for at now: a warning when a running metric has
 * used warn_at of its target, a breach when it is missed, and a breach for
 * each cycle kept in missed (a nightly run finds a late reply that came
 * between two runs); none while the calendar is closed unless the file says
 * "alert_outside_hours". Raising each once a ticket, metric and cycle is the
 * caller's (cs-ticket keeps them as events). Returns how many were written
 * to out. */
struct sla_alert {
	enum sla_metric metric;
	int breach;                 /* 0: a warning */
	int64_t cycle_ms;           /* with the metric and kind: the alert's identity */
	int64_t elapsed_ms;         /* the cycle's business time up to now or its end */
};
#define SLA_ALERTS_MAX (SLA_NMETRICS * (2 + SLA_MISSED_KEEP))
size_t sla_alerts(const sla_policies *p, const struct sla_result *r, int64_t now, struct sla_alert out[SLA_ALERTS_MAX]);

/* Conditions of a metric, for choosing tickets (cs-ticket list --sla): a
 * metric can be in more than one (paused and warning). */
enum {
	SLA_IS_ACTIVE = 1u << 0,     /* running, within its target */
	SLA_IS_OK = 1u << 1,         /* running or paused, below warn_at */
	SLA_IS_WARNING = 1u << 2,    /* running or paused, warn_at used, not missed */
	SLA_IS_PAUSED = 1u << 3,
	SLA_IS_MET = 1u << 4,
	SLA_IS_BREACHED = 1u << 5,
};
/* "active", "ok", "warning", "paused", "met", "breached": 0 and its bit,
 * or -1. SLA_CONDITIONS lists them for messages. */
#define SLA_CONDITIONS "active, ok, warning, paused, met or breached"
int sla_condition_of(const char *name, unsigned *bit);
unsigned sla_conditions(const sla_policies *p, const struct sla_metric_state *m);
/* "first_response", ...: 0 and the metric, or -1. */
int sla_metric_of(const char *name, enum sla_metric *m);

/* What a policy does when a metric of a ticket it governs warns or breaches:
 * the fields it sets (NULL: unchanged). */
struct sla_escalation {
	enum sla_metric metric;
	int on_breach;
	const char *priority, *group, *assignee;
};
/* The escalations of the result's policy for an alert, in file order, into
 * out[0..max); returns how many there are (more than max: call again with room). */
size_t sla_escalations(const sla_policies *p, const struct sla_result *r, const struct sla_alert *a,
		       const struct sla_escalation **out, size_t max);

/* An instant as RFC 3339 in the calendar's zone (three digits of
 * milliseconds when it has a fraction of a second; UTC "Z" for calendar
 * time, and where the zone's offset has seconds, as local mean time did). */
#define SLA_TIME_MAX 64
void sla_format_time(const cs_calendar *cal, int64_t ms, char buf[SLA_TIME_MAX]);

/* Write the result as the "sla" member's value (RFC 3339 times in the
 * calendar's zone). */
void sla_write(cs_jw *w, const struct sla_result *r);
#endif
