/* eng_signals_fit: `cs-signals fit` and `cs-signals eval`, learning and
 * checking the churn-risk model (eng_signals_risk) on labelled customers.
 *
 * Both read journey records (`cs-signals journey`): a customer's signal
 * steps ({"step":"signal","type":...,"ts":...}) are the model's features
 * as of "now", the journey's "to" (or --now). A customer in several journey
 * records (shards) has their signals added and the latest "to". Other
 * records are counted and left out. The labels file (--labels) says who
 * left: CSV with a header naming a customer column (customer, customer_id
 * or id) and a label column (churned, churn or label), values 1/0,
 * true/false or yes/no; or NDJSON {"customer":"c1","churned":true}
 * (customer may also be {"id":...}). A bad label line ends the run (exit 1).
 *
 * fit: L2-regularised logistic regression, min sum_i logloss_i +
 * l2/2 * |w|^2 (the bias is not regularised), by Newton's method with a
 * line search: deterministic, at most --max-iter steps, stopping when no
 * parameter moves more than 1e-9. Writes a model file (atomically with -o)
 * with the types seen in the training data and a "fit" object saying what
 * it was fitted on. Customers without a label, and labels without a
 * journey, are counted and left out. When one class is empty (every
 * labelled customer churned, or none) nothing is written: exit 1.
 *
 * eval: customers are held out by a hash of their id and --seed (the share
 * --holdout); the model is fitted on the others (or read from --model) and
 * scores the held-out customers. One record:
 *   {"kind":"risk_eval","customers":N,"train":T,"held_out":M,
 *    "churned_held_out":C,"base_rate":C/M,"auc":...,"precision_top_decile":...,
 *    "top_decile":K,"holdout":0.2,"seed":0,"model":{...}}
 * AUC is the rank statistic (Mann-Whitney U / (n1 n0), tied scores get their
 * average rank), null when the held-out customers are all of one class;
 * precision at the top decile is the share of churned among the K =
 * ceil(M / 10) highest scores, customers tied at the cut counting by share. */
#ifndef CS_ENG_SIGNALS_FIT_H
#define CS_ENG_SIGNALS_FIT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_hash.h"
#include "kit_opt.h"
#include "kit_run.h"

#define CS_RISK_NOW_JOURNEY INT64_MIN

struct cs_risk_fit_opts {
	const char *labels;          /* --labels FILE, required */
	const char *model;           /* eval: --model FILE, score with it instead of fitting */
	double l2;                   /* --l2 (1.0) */
	double half_life_days;       /* --half-life (the default model's, 14) */
	int64_t now_ms;              /* --now; CS_RISK_NOW_JOURNEY: each journey's "to" */
	double holdout;              /* eval: --holdout, the share held out (0.2) */
	uint64_t seed;               /* eval: --seed (0) */
	int max_iter;                /* --max-iter (100) */
};

void cs_risk_fit_opts_init(struct cs_risk_fit_opts *o);

typedef struct cs_risk_fit cs_risk_fit;
/* fit (eval = 0) or eval (eval = 1). Reads the labels (and eval's --model)
 * first: a bad file ends the program (labels exit 1, model exit 3). */
cs_risk_fit *cs_risk_fit_new(const struct cs_common *c, const struct cs_risk_fit_opts *o, int eval,
			     struct cs_engine *engine);
void cs_risk_fit_free(cs_risk_fit *f);

/* ---- the pieces, for tests ---- */

/* Labels from a file's text: labels maps customer id -> (void *)1 (stayed)
 * or (void *)2 (churned). 0, or -1 with err "NAME:LINE: reason". */
int cs_risk_labels_parse(const char *name, const char *text, size_t n, cs_map *labels, cs_buf *err);

struct cs_logit_info {
	int iterations;
	int converged;
	double loss;                 /* mean log loss on the data, at the end */
};
/* Fit w[0..k) and *bias to x (n rows of k) and y (0/1). Deterministic. */
void cs_risk_logistic(const double *x, const unsigned char *y, size_t n, size_t k, double l2, int max_iter,
		      double *w, double *bias, struct cs_logit_info *info);
/* Area under the ROC curve by ranks; NaN when a class is empty. */
double cs_risk_auc(const double *score, const unsigned char *y, size_t n);
/* Precision among the ceil(share * n) highest scores; NaN for n = 0. */
double cs_risk_precision_top(const double *score, const unsigned char *y, size_t n, double share, size_t *k);
/* Is the customer id held out (share holdout of ids, by seed)? */
int cs_risk_held_out(const char *id, size_t n, uint64_t seed, double holdout);
#endif
