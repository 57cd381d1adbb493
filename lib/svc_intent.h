/* svc_intent: a linear text classifier for intents (cs-route's model).
 *
 * Features are those of a TF-IDF vectorizer over word and character
 * n-grams of normalized text (svc_text): word unigrams and bigrams,
 * character 2- to 5-grams inside each word padded with a space at each end,
 * so Chinese needs no segmenter (a run of Han characters is a word whose
 * character n-grams carry it), and every pair of distinct word stems of the
 * text (Snowball English; among its first 48 stems, in any order and at any
 * distance: "my card has not arrived" holds card+arriv), which tells apart
 * intents that share their words but not their combinations. Term
 * frequencies are sublinear (1 + ln tf), weighted by smoothed IDF; the word,
 * character and pair blocks each have length one. The vocabulary is every
 * n-gram of the training texts, and every pair found in two of them or more,
 * kept as 64-bit hashes; an n-gram never seen in training is left out.
 *
 * The model is one linear SVM a label against the rest (L2-regularized,
 * squared hinge loss, with a bias), trained by dual coordinate descent as
 * LIBLINEAR does (Hsieh et al. 2008), eight labels in each pass over the
 * examples, in an order drawn from a seeded generator: the same data,
 * parameters and seed give the same model, on any number of threads.
 *
 * Confidence is a softmax of the scores times a temperature, fitted to
 * held-out predictions (cs_intent_fit_temperature) so that it can be
 * thresholded on. */
#ifndef CS_INTENT_H
#define CS_INTENT_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"

struct cs_intent_example {
	const char *text;
	size_t len;
	uint32_t label;                  /* 0 .. nlabels-1 */
};

struct cs_intent_params {
	double c;                        /* the SVM's C (default 1) */
	int epochs;                      /* passes of coordinate descent at most (default 40) */
	double tolerance;                /* a label is done when its projected gradients span less (default 0.5) */
	uint64_t seed;                   /* default 1 */
	int threads;                     /* labels trained at once (default 1); the model is the same */
};

void cs_intent_params_init(struct cs_intent_params *p);

typedef struct cs_intent_model cs_intent_model;

/* Train on ex[0..n) with labels named names[0..nlabels) (copied); with n 0,
 * a model of no features whose labels all score the same. */
cs_intent_model *cs_intent_train(const struct cs_intent_example *ex, size_t n, const char *const *names,
				 size_t nlabels, const struct cs_intent_params *p);
void cs_intent_free(cs_intent_model *m);

size_t cs_intent_labels(const cs_intent_model *m);
const char *cs_intent_label(const cs_intent_model *m, size_t i);
/* Is label one that names out-of-scope examples, "oos" (CLINC150's) or
 * "out_of_scope" (cs-route's own)? A model trained with one predicts it as
 * an intent; cs-route takes it for out of scope, as cs-route eval does. */
int cs_intent_is_oos_label(const char *label);
size_t cs_intent_features(const cs_intent_model *m);
double cs_intent_temperature(const cs_intent_model *m);
void cs_intent_set_temperature(cs_intent_model *m, double t);

/* Per-thread working memory for prediction. It caches the features of the
 * words it has seen under the last model it scored with (half a MiB at
 * most): a word met again costs one look-up, and the scores are the same
 * bit for bit. */
typedef struct cs_intent_scratch cs_intent_scratch;
cs_intent_scratch *cs_intent_scratch_new(void);
void cs_intent_scratch_free(cs_intent_scratch *s);

/* The score of every label for text (scores[0 .. labels)); returns the best. */
uint32_t cs_intent_scores(const cs_intent_model *m, const char *text, size_t len, cs_intent_scratch *s,
			  double *scores);
/* The same for text already normalized by cs_norm_text (a caller that has
 * it saves doing it again). */
uint32_t cs_intent_scores_normalized(const cs_intent_model *m, const char *norm, size_t len, cs_intent_scratch *s,
				     double *scores);
/* Scores to confidences (softmax with the model's temperature), in place. */
void cs_intent_confidence(const cs_intent_model *m, double *scores);
/* softmax(t * x[0..n)) in place. */
void cs_intent_softmax(double *x, size_t n, double t);
/* order[0..n) shuffled by a xorshift64 generator in *rng: the same on every
 * machine for the same state (training order, cross-validation folds). */
void cs_intent_shuffle(size_t *order, size_t n, uint64_t *rng);

/* The temperature that makes softmax(t * scores) best predict the true
 * labels (least negative log-likelihood) over n held-out predictions:
 * scores holds n rows of nlabels. The same on any number of threads. */
double cs_intent_fit_temperature(const double *scores, const uint32_t *truth, size_t n, size_t nlabels,
				 int threads);

/* The model file: "cs-intent-model 2\n" ("1": a model without word pairs,
 * still read and scored as it was trained), one line of JSON (labels,
 * parameters, temperature, sizes), then the vocabulary's hashes, IDF,
 * weights and biases as little-endian binary, the whole zstd-compressed.
 * cs_intent_serialize appends it to out; cs_intent_load returns NULL with
 * err set to "FILE: reason" when the file is not a model it can read. */
void cs_intent_serialize(const cs_intent_model *m, cs_buf *out);
cs_intent_model *cs_intent_load(const char *path, cs_buf *err);
/* The same from memory (tests, the fuzz harness): the bytes after zstd. */
cs_intent_model *cs_intent_load_mem(const char *data, size_t len, const char *name, cs_buf *err);
#endif
