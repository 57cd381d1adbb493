/* eng_signals_journey: each customer's path, collected from the detector
 * (sessions, signals) and the contacts read, written at the end of the
 * input as one journey record per customer, customers in id order and
 * steps in time order. Memory grows with the customers and their steps, so
 * a month is a job for a shard of customers (cs-signals --shard). Anonymous
 * visitors who never logged in have no journey (counted). */
#ifndef CS_ENG_SIGNALS_JOURNEY_H
#define CS_ENG_SIGNALS_JOURNEY_H
#include <stdint.h>
#include "eng_signals_detect.h"
#include "eng_signals_risk.h"
#include "kit_buf.h"

typedef struct cs_journeys cs_journeys;
cs_journeys *cs_journeys_new(void);
void cs_journeys_free(cs_journeys *j);
void cs_journeys_session(cs_journeys *j, const struct cs_sig_session *s);
void cs_journeys_signal(cs_journeys *j, const struct cs_sig_hit *hit, const char *signal_id);
/* step: "conversation" or "ticket"; channel may be NULL. */
void cs_journeys_contact(cs_journeys *j, const char *customer, const char *step, const char *id, int64_t ts,
			 const char *channel);
uint64_t cs_journeys_customers(const cs_journeys *j);
uint64_t cs_journeys_anonymous(const cs_journeys *j);
/* A journey as written, for the caller to act on its risk. */
struct cs_journey_out {
	const cs_buf *record;             /* the journey record, risk included */
	const char *customer;
	int64_t now;                      /* the time the risk is as of */
	const struct cs_risk_result *risk;
	const struct cs_sig_ref *ev;      /* the signals behind the reasons, latest first */
	size_t nev;
};
/* The journeys, customers in id order, each with its churn risk by model m
 * as of now_ms (INT64_MIN: the journey's own end): fn(journey, ctx). */
void cs_journeys_write(cs_journeys *j, const cs_risk_model *m, int64_t now_ms,
		       void (*fn)(const struct cs_journey_out *out, void *ctx), void *ctx);
#endif
