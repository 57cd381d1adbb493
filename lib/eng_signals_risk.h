/* eng_signals_risk: cs-signals' churn-risk model. A customer's signals,
 * each a (type, time) pair, become one feature per type,
 *     x_k = log1p(sum over the signals of type k of 2^(-age / half_life)),
 * age = now - the signal's time (signals after now are left out), and the
 * risk is
 *     score = round(100 * sigmoid(bias + sum_k w_k * x_k)),
 * in a band (red at or above bands.red, yellow at or above bands.yellow,
 * else green), with the three largest positive contributions w_k * x_k as
 * reasons in words. The model file (cs-signals-risk(5)):
 *     {"version":1,"half_life_days":14,"bias":-2.95,
 *      "weights":{"rage_click":1.0,...},"bands":{"red":70,"yellow":40}}
 * A type the model does not weigh counts 0. The defaults are compiled in
 * and shipped as share/signals/risk.json; `cs-signals fit` learns a model
 * from labelled customers (eng_signals_fit). */
#ifndef CS_ENG_SIGNALS_RISK_H
#define CS_ENG_SIGNALS_RISK_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

#define CS_RISK_VERSION 1
#define CS_RISK_REASONS 3
#define CS_RISK_DAY_MS ((int64_t)86400000)

typedef struct {
	int version;
	double half_life_days;
	double bias;
	char **types;               /* weights by type, in the file's order */
	double *weights;
	size_t n;
	int red, yellow;            /* band floors, 0-100, yellow < red */
} cs_risk_model;

/* The compiled-in defaults (the same as share/signals/risk.json). */
cs_risk_model *cs_risk_model_default(void);
/* The default half-life, bias and bands, and no weights. */
cs_risk_model *cs_risk_model_new(void);
/* A model file: NULL with err set to "FILE:LINE: reason" (exit 3 for callers). */
cs_risk_model *cs_risk_model_parse(const char *name, const char *text, size_t len, cs_buf *err);
cs_risk_model *cs_risk_model_load(const char *path, cs_buf *err);
/* The model a program's option names: NULL, the compiled-in defaults (no
 * file needed); a name without '/' or ".json", share/signals/NAME.json
 * ("risk" is the shipped default); else a path. NULL after an error. */
cs_risk_model *cs_risk_model_open(const char *name, cs_buf *err);
void cs_risk_model_free(cs_risk_model *m);
/* Set a type's weight (added when new); for building a model. */
void cs_risk_model_set(cs_risk_model *m, const char *type, double weight);
/* The weight of a type, 0 when the model has none. */
double cs_risk_model_weight(const cs_risk_model *m, const char *type);
/* The model as a file, one weight a line, ending in a newline; extra (an
 * object's members, without braces, or NULL) goes under "fit". */
void cs_risk_model_write(const cs_risk_model *m, const char *extra, cs_buf *out);
/* The model as one JSON object on one line (for records). */
void cs_risk_model_json(const cs_risk_model *m, cs_buf *out);

/* Can a model name this type: 1-64 of a-z, 0-9, _ . - */
int cs_risk_type_ok(const char *type, size_t n);
/* The signal types cs-signals writes, in a fixed order. */
extern const char *const cs_risk_known_types[];
extern const size_t cs_risk_nknown;

/* ---- a customer's features ---- */

typedef struct {
	char *type;
	int64_t *ts;                /* the signals' times, ms */
	size_t nts, cap;
	/* after cs_risk_features_compute: */
	double decayed;             /* sum of 2^(-age / half-life) */
	double x;                   /* log1p(decayed) */
	size_t count;               /* signals at or before now */
	size_t recent;              /* of those, within one half-life of now */
	int64_t latest_ms;          /* the latest at or before now */
} cs_risk_feature;

typedef struct {
	cs_risk_feature *f;         /* by type, in order of first signal */
	size_t n, cap;
	int64_t now_ms;
	double half_life_days;
} cs_risk_features;

#define CS_RISK_FEATURES_INIT {0}
void cs_risk_features_add(cs_risk_features *f, const char *type, size_t type_len, int64_t ts_ms);
void cs_risk_features_compute(cs_risk_features *f, int64_t now_ms, const cs_risk_model *m);
/* The feature x of a type after compute, 0 when the customer has none. */
double cs_risk_features_x(const cs_risk_features *f, const char *type);
/* Forget the signals, keep the memory. */
void cs_risk_features_clear(cs_risk_features *f);
void cs_risk_features_free(cs_risk_features *f);

/* ---- the score ---- */

enum cs_risk_band { CS_RISK_GREEN, CS_RISK_YELLOW, CS_RISK_RED };

struct cs_risk_reason {
	const char *type;           /* points into the features */
	double contribution;        /* w_k * x_k, on the logit scale */
	int points;                 /* score points lost without this type */
	char text[200];             /* "3 rage clicks in the last 14 days, the latest 2 days ago" */
};

struct cs_risk_result {
	int score;                  /* 0-100 */
	double probability;         /* sigmoid(logit), before rounding */
	double logit;
	enum cs_risk_band band;
	struct cs_risk_reason reasons[CS_RISK_REASONS];
	size_t nreasons;            /* positive contributions only, largest first */
};

/* Score features computed with m (cs_risk_features_compute). */
void cs_risk_score(const cs_risk_model *m, const cs_risk_features *f, struct cs_risk_result *r);
const char *cs_risk_band_name(enum cs_risk_band b);
/* 1 / (1 + e^-z), without overflow. */
double cs_risk_sigmoid(double z);
/* The reason of a feature in words, into out (size bytes). */
void cs_risk_reason_text(const cs_risk_feature *f, int64_t now_ms, double half_life_days, char *out, size_t size);
#endif
