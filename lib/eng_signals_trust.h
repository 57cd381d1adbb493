/* eng_signals_trust: `cs-signals trust`, the trust score per segment and
 * day, and alerts when a segment leaves its own usual level.
 *
 * Input: cs-signals' output. A conversation counts in the segment-day of
 * its start (local day in the --tz zone); a CES survey (an event of type
 * survey) counts in its conversation's segment-day when props.conversation_id
 * names a conversation of the input, else in the day of its ts and the
 * segment its props tell. Other records are counted and left out.
 *
 * Output: one metrics record (type "signals.trust") per segment and day,
 * with counts and sums that add across shards, and kpi worked out from them:
 *   fcr           = resolved_first_contact / with_signals
 *   repeat_rate   = repeat_contacts / with_signals
 *   negative_rate = negative_sentiment / sentiment_scored
 *   ces_easy_rate = ces_easy / ces_responses          (CES 5-7 on 1-7)
 *   trust         = 100 * sum(w * c) / sum(w), over the components c
 *                   (fcr, 1 - repeat_rate, 1 - negative_rate, ces_easy_rate)
 *                   whose inputs are present and whose weight is not 0.
 * A segment-day with fewer than --min-group customers is written with its
 * customer count and "suppressed":true only. --partial writes every figure
 * (records marked "partial", for merging, never for publishing); --merge adds
 * metrics records of the same window and group and works kpi out again.
 *
 * Then alerts (type "signals.segment_anomaly"): each figure of a
 * segment-day against the same weekday of up to 8 weeks before (from the
 * run and --history), robust z = (x - median) / max(1.4826 MAD, floor), the
 * floor being one percentage point (one point of trust) or the binomial
 * standard error at the usual rate for the day's count, whichever is larger.
 * At least 4 such days are needed. */
#ifndef CS_ENG_SIGNALS_TRUST_H
#define CS_ENG_SIGNALS_TRUST_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_opt.h"
#include "kit_run.h"

enum cs_trust_dim { CS_TRUST_CHANNEL, CS_TRUST_INTENT, CS_TRUST_PRODUCT, CS_TRUST_HANDLED_BY, CS_TRUST_NDIMS };
/* The components of the score, in --weights names: fcr, repeat, negative, effort. */
enum cs_trust_component { CS_TRUST_FCR, CS_TRUST_REPEAT, CS_TRUST_NEGATIVE, CS_TRUST_EFFORT, CS_TRUST_NCOMPONENTS };

#define CS_TRUST_WEEKS 8          /* same weekdays looked back */
#define CS_TRUST_MIN_POINTS 4     /* history days needed for a verdict */

struct cs_trust_opts {
	enum cs_trust_dim by[CS_TRUST_NDIMS];   /* the segment, in --by order */
	size_t nby;                             /* channel,handled_by */
	double weights[CS_TRUST_NCOMPONENTS];   /* 1 each */
	double negative_at;                     /* customer sentiment end or mean at most this (-0.05) */
	uint64_t min_group;                     /* customers a segment-day needs to be shown (10) */
	double anomaly_z;                       /* |z| that raises an alert (3.5; critical at twice) */
	const char *history;                    /* earlier trust metrics records, or NULL */
	const char *tz;                         /* the zone cs_time_set_zone() was given; NULL: UTC */
	int merge;                              /* input: trust metrics records, not conversations */
	int partial;                            /* write every figure, no suppression, no alerts */
};

void cs_trust_opts_init(struct cs_trust_opts *o);
/* "channel,intent,product,handled_by" (each at most once): 0, or -1 with err. */
int cs_trust_parse_by(const char *s, struct cs_trust_opts *o, cs_buf *err);
/* "fcr=1,repeat=2,negative=1,effort=0": the named weights (0 to 1000) set,
 * the others kept; at least one must stay above 0. 0, or -1 with err. */
int cs_trust_parse_weights(const char *s, double w[CS_TRUST_NCOMPONENTS], cs_buf *err);

/* What a segment-day adds up. */
struct cs_trust_counts {
	uint64_t contacts, customers, with_signals, resolved_first_contact, repeat_contacts;
	uint64_t sentiment_scored, negative_sentiment, ces_responses, ces_easy, ces_hard;
	uint64_t ces_score;   /* a sum: the CES scores */
};

/* The kpi of counts: rate[] holds fcr, repeat_rate, negative_rate and
 * ces_easy_rate (bit i of have set when rate[i] has inputs); used has bit i
 * set when component i is in the score; trust is -1 when no component is. */
struct cs_trust_kpi {
	double rate[CS_TRUST_NCOMPONENTS];
	unsigned have, used;
	double trust;
};
void cs_trust_kpi_of(const struct cs_trust_counts *c, const double w[CS_TRUST_NCOMPONENTS], struct cs_trust_kpi *k);

/* The robust z of x against points[0..n) (reordered): (x - median) /
 * max(1.4826 MAD, floor); the median into *median. */
double cs_trust_robust_z(double x, double *points, size_t n, double floor, double *median);

typedef struct cs_trust cs_trust;
/* c may be NULL (its --tz, when set, overrides o->tz); engine may be NULL.
 * Reads o->history now: a file that cannot be read ends the run (exit 4),
 * a line that is not a JSON object too (exit 1). */
cs_trust *cs_trust_new(const struct cs_common *c, const struct cs_trust_opts *o, struct cs_engine *engine);
void cs_trust_free(cs_trust *t);
/* One input record, a JSON object as text (the engine's record callback
 * takes the members the run skeleton found instead). 0 counted or left
 * out, -1 with why when the record is bad (not an object, a time that is
 * not one, under --merge a suppressed record or one of another --by or
 * --tz). */
int cs_trust_add(cs_trust *t, const char *json, size_t len, cs_buf *why);
/* One record of --history: 1 used, 0 left out (not a trust record of this
 * --by and --tz, or suppressed), -1 with why when bad. */
int cs_trust_add_history(cs_trust *t, const char *json, size_t len, cs_buf *why);
/* The local day (days since 1970-01-01 on the zone's clock) of instant ms,
 * and the instant the zone's day begins. */
int64_t cs_trust_day_of(cs_trust *t, int64_t ms);
int64_t cs_trust_day_start(const cs_trust *t, int64_t day);
/* Write the metrics records, then the alerts, each sorted by day then group. */
void cs_trust_write(cs_trust *t, void (*put)(void *sink, const char *line, size_t n), void *sink);
#endif
