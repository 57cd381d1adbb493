/* eng_signals: the cs-signals filter. Reads events, conversations, tickets
 * and cs-ticket's alerts; passes every record on (conversations with
 * "signals" added); writes a signal record after the record that completed
 * each detection, and alert records (signals.silent_help_seeker,
 * signals.payment_hesitation, signals.detractor) with a cooldown per
 * customer and type. The same detection feeds `cs-signals journey`. */
#ifndef CS_ENG_SIGNALS_H
#define CS_ENG_SIGNALS_H
#include <stddef.h>
#include <stdint.h>
#include "eng_signals_conf.h"
#include "kit_opt.h"
#include "kit_run.h"

struct cs_signals_opts {
	const char *thresholds;     /* --thresholds FILE, NULL: the defaults */
	int signals_only;           /* write signal and alert records only */
	int alerts;                 /* write alert records (1) */
	const char *state;          /* --state FILE: cooldowns across runs */
	const char *purpose;        /* --purpose: profile only who consented to it */
	const char *consent;        /* --consent FILE: customer consents */
	size_t max_open;            /* --max-open: sessions held at most (0: no limit) */
	int journey;                /* `cs-signals journey`: journey records only */
	const char *model;          /* journey: --model, the churn-risk model (NULL: built in) */
	int64_t now_ms;             /* journey: --now; INT64_MIN: each journey's end */
	int64_t until_ms;           /* --until: the input's end in time; INT64_MIN: its latest time */
};

void cs_signals_opts_init(struct cs_signals_opts *o);
/* Read the thresholds (or the defaults) into conf: 0, or exit status 3
 * after the error is reported. */
int cs_signals_conf(const struct cs_signals_opts *o, struct cs_sig_conf *conf);

typedef struct cs_signals cs_signals;
/* NULL after reporting an error; *status is then the exit status. */
cs_signals *cs_signals_new(const struct cs_common *c, const struct cs_signals_opts *o, struct cs_engine *engine,
			   int *status);
/* Commit the alert state when the run read all its input (status 0, or 1
 * with --skip-bad): the exit status to use. */
int cs_signals_close(cs_signals *s, int status);
void cs_signals_free(cs_signals *s);
#endif
