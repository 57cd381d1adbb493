/* eng_ticket_clock: the commands of cs-ticket on the business clock and the
 * SLA policies: due, elapsed and sla. Times given with an offset are that
 * instant; times without one are read in the --tz zone when it is given,
 * else on the calendar's clock (a local time the clocks skip is the
 * change's instant, one they show twice its first occurrence, as svc_zone
 * reads them). */
#ifndef CS_ENG_TICKET_CLOCK_H
#define CS_ENG_TICKET_CLOCK_H
#include <stdint.h>
#include "kit_opt.h"
#include "svc_zone.h"

/* --now TEXT read with the policies p (NULL: none): without an offset, in
 * --tz when it is given, else in the zone of p's first calendar. */
typedef struct sla_policies sla_policies;
int64_t tk_now_arg(const struct cs_common *c, const char *text, const sla_policies *p);
/* The policy file at path (calendars from --share-dir); a bad one: exit 3. */
sla_policies *tk_policies_load(const char *path);
/* The time of option --opt, s, in ms: without an offset, on zone's clock
 * (a time the clocks skip is the instant of the change, one they show twice
 * the first), or (zone NULL) in the --tz zone, UTC by default. Not a time:
 * exit 2. */
int64_t tk_time_arg(const char *opt, const char *s, const cs_zone *zone);
/* The --tz zone when it is one of the system's (not UTC or a fixed
 * offset, which skip no time), else NULL. */
const cs_zone *tk_tz_zone(const struct cs_common *c);

/* The due time of target business time from from: one RFC 3339 line in the
 * calendar's zone. */
int cs_ticket_due(const struct cs_common *c, const char *calendar, const char *from, const char *target);
/* Business seconds from from to to, one line; to before from is an error. */
int cs_ticket_elapsed(const struct cs_common *c, const char *calendar, const char *from, const char *to);
/* Evaluate the open tickets of the store at now (NULL: the time now) with
 * the policy file; alert records out, one stats line with --stats. */
int cs_ticket_sla(const struct cs_common *c, const char *db, const char *policy, const char *now);
#endif
