/* eng_signals_conf: the thresholds of cs-signals' detections, with the
 * published defaults (cs-signals(1) names the source of each), read from a
 * thresholds file (cs-signals-thresholds(5)) that may give any subset. */
#ifndef CS_ENG_SIGNALS_CONF_H
#define CS_ENG_SIGNALS_CONF_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

struct cs_sig_patterns {
	char **s;          /* substrings of a URL or a name, matched case-insensitively */
	size_t n;
};

struct cs_sig_conf {
	int64_t session_idle_ms;       /* a session ends after this long without an event (30m) */
	int rage_clicks;               /* clicks in a burst (3) */
	int64_t rage_within_ms;        /* first to last click (1000) */
	double rage_radius_px;         /* every click this close to the first (30) */
	int64_t dead_within_ms;        /* a click unanswered this long is dead (500) */
	int64_t error_within_ms;       /* an error this soon after a click (1000) */
	int64_t u_turn_within_ms;      /* back to the previous page this soon (5000) */
	int refreshes;                 /* reloads of one page ... (3) */
	int64_t refresh_within_ms;     /* ... within this long of the first view (60000) */
	int64_t help_within_ms;        /* a contact this soon after seeking help answers it (24h) */
	struct cs_sig_patterns help_pages;      /* page views that are the help centre */
	struct cs_sig_patterns payment_pages;   /* forms and pages of paying */
	int64_t repeat_within_ms;      /* same customer, same issue (7d) */
	int transfers;                 /* transfers in one conversation (2) */
	int64_t long_wait_ms;          /* the customer waited this long for a reply (10m) */
	double nps_at_most, csat_at_most, ces_at_most;   /* detractors (6, 2, 3) */
	double negative_at;            /* the customer's end sentiment at most this (-0.05) */
	double worsening_by;           /* end below start by this much (0.5) */
	int64_t cooldown_ms;           /* one alert per customer and type this often (7d) */
};

void cs_sig_conf_default(struct cs_sig_conf *c);
/* Read a thresholds file over the defaults in c. 0, or -1 with err set to
 * "FILE:LINE: reason". */
int cs_sig_conf_load(struct cs_sig_conf *c, const char *path, cs_buf *err);
int cs_sig_conf_load_mem(struct cs_sig_conf *c, const char *name, const char *text, size_t len, cs_buf *err);
void cs_sig_conf_free(struct cs_sig_conf *c);
/* 1 when s[0..n) holds one of the patterns (ASCII case-insensitive). */
int cs_sig_match(const struct cs_sig_patterns *p, const char *s, size_t n);
#endif
