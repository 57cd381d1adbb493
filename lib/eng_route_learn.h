/* eng_route_learn: cs-route train and cs-route eval. Both read labelled
 * examples as records (CSV rows with a header, or NDJSON): the text and
 * the label by field name. train writes a model (svc_intent) whose
 * confidence is calibrated on held-out folds; eval scores a model, or
 * cross-validates, and writes one "intent_eval" record: accuracy,
 * macro-F1, per-intent precision and recall, the most confused pairs,
 * calibration, and out-of-scope recall and in-scope accuracy as in the
 * CLINC150 paper (Larson et al. 2019). */
#ifndef CS_ENG_ROUTE_LEARN_H
#define CS_ENG_ROUTE_LEARN_H
#include <stdint.h>
#include "kit_opt.h"
#include "kit_run.h"

struct cs_learn_opts {
	const char *text_field;          /* default "text" */
	const char *label_field;         /* default: "label", else "category", else "intent" */
	double c;                        /* the SVM's C */
	uint64_t seed;
	int threads;
	int calibrate_folds;             /* train: folds for the temperature (0: fit on the training data) */
	/* eval */
	const char *model;               /* score this model; NULL: cross-validate */
	int folds;
	const char *oos_label;           /* the out-of-scope label (default: "oos" or "out_of_scope") */
	double threshold, ambiguity;     /* fallback, as cs-route applies it */
	int sweep;                       /* list in-scope accuracy and OOS recall by threshold */
	int top_confused;
};

void cs_learn_opts_init(struct cs_learn_opts *o);

typedef struct cs_learn cs_learn;
/* train (eval = 0) or eval (eval = 1). */
cs_learn *cs_learn_new(const struct cs_common *c, const struct cs_learn_opts *o, int eval, struct cs_engine *engine);
void cs_learn_free(cs_learn *l);
#endif
