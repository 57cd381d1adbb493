/* eng_route_learn: cs-route train and eval (see eng_route_learn.h). */
#include "eng_route_learn.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_pool.h"
#include "svc_intent.h"
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ECE_BINS 10

void cs_learn_opts_init(struct cs_learn_opts *o)
{
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	*o = (struct cs_learn_opts){.text_field = "text", .c = p.c, .seed = p.seed,
				    .threads = cpus < 1 ? 1 : cpus > 16 ? 16 : (int)cpus, .calibrate_folds = 3,
				    .folds = 0, .threshold = 0, .ambiguity = 0, .top_confused = 10};
}

struct cs_learn {
	struct cs_learn_opts o;
	int eval;
	cs_buf texts;                    /* every example's text, one after another */
	size_t *text_at, *text_len;
	uint32_t *label;
	size_t n, cap;
	char **names;                    /* labels in order of first appearance */
	size_t nnames;
	cs_map by_name;                  /* label -> index + 1 */
	cs_buf scratch;
	uint64_t no_label, no_text;
};

/* ---- reading examples ---- */

static uint32_t label_index(cs_learn *l, const char *s, size_t n)
{
	void *v = cs_map_get(&l->by_name, s, n);
	if (v)
		return (uint32_t)((uintptr_t)v - 1);
	l->names = cs_realloc(l->names, (l->nnames + 1) * sizeof *l->names);
	l->names[l->nnames] = cs_strndup(s, n);
	cs_map_put(&l->by_name, s, n, (void *)(uintptr_t)(l->nnames + 1));
	return (uint32_t)l->nnames++;
}

static cs_jval field_of(const cs_rec *rec, const char *name)
{
	const cs_member *m = cs_obj_get(&rec->obj, name, strlen(name));
	return m ? (cs_jval){m->val.p, m->val.n, (enum cs_jtype)m->type} : (cs_jval){0};
}

static cs_jval label_of(const cs_learn *l, const cs_rec *rec)
{
	if (l->o.label_field)
		return field_of(rec, l->o.label_field);
	static const char *const names[] = {"label", "category", "intent"};
	for (size_t i = 0; i < 3; i++) {
		cs_jval v = field_of(rec, names[i]);
		if (v.t != CS_J_NONE)
			return v;
	}
	return (cs_jval){0};
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_learn *l = ctx;
	(void)run;
	cs_jval text = field_of(rec, l->o.text_field), label = label_of(l, rec);
	if (text.t != CS_J_STRING || text.n <= 2) {
		cs_rec_bad(rec, "no text: the field \"%s\" is missing, empty or not a string", l->o.text_field);
		return CS_REC_BAD;
	}
	if ((label.t != CS_J_STRING && label.t != CS_J_NUMBER) || (label.t == CS_J_STRING && label.n <= 2)) {
		if (l->o.label_field)
			cs_rec_bad(rec, "no label: the field \"%s\" is missing, empty or not a string", l->o.label_field);
		else
			cs_rec_bad(rec, "no label: no field label, category or intent holds one");
		return CS_REC_BAD;
	}
	if (cs_jholds_nul(label)) {   /* intents are C strings: "a\u0000x" would be "a" */
		cs_rec_bad(rec, "the label " CS_ID_NUL);
		return CS_REC_BAD;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->text_at = cs_realloc(l->text_at, l->cap * sizeof *l->text_at);
		l->text_len = cs_realloc(l->text_len, l->cap * sizeof *l->text_len);
		l->label = cs_realloc(l->label, l->cap * sizeof *l->label);
	}
	const char *s = cs_jtext(label, &l->scratch);
	l->label[l->n] = label_index(l, s, l->scratch.len);
	s = cs_jtext(text, &l->scratch);
	l->text_at[l->n] = l->texts.len;
	l->text_len[l->n] = l->scratch.len;
	cs_buf_add(&l->texts, s, l->scratch.len);
	l->n++;
	return CS_REC_OK;
}

static struct cs_intent_example *examples(const cs_learn *l)
{
	struct cs_intent_example *ex = cs_malloc((l->n + 1) * sizeof *ex);
	for (size_t i = 0; i < l->n; i++)
		ex[i] = (struct cs_intent_example){l->texts.p + l->text_at[i], l->text_len[i], l->label[i]};
	return ex;
}

static struct cs_intent_params params_of(const cs_learn *l)
{
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	p.c = l->o.c;
	p.seed = l->o.seed;
	p.threads = l->o.threads;
	return p;
}

/* ---- folds ---- */

/* Stratified folds: each label's examples, shuffled by the seed, dealt in turn. */
static int *assign_folds(const cs_learn *l, int k)
{
	size_t *order = cs_malloc((l->n + 1) * sizeof *order);
	size_t *dealt = cs_calloc(l->nnames + 1, sizeof *dealt);
	int *fold = cs_malloc((l->n + 1) * sizeof *fold);
	uint64_t rng = l->o.seed * 0x9E3779B97F4A7C15ull + 0x51ED;
	for (size_t i = 0; i < l->n; i++)
		order[i] = i;
	cs_intent_shuffle(order, l->n, &rng);
	for (size_t q = 0; q < l->n; q++) {
		size_t i = order[q];
		fold[i] = (int)(dealt[l->label[i]]++ % (size_t)k);
	}
	free(order);
	free(dealt);
	return fold;
}

/* The trainings of k-fold cross-validation (job f < k holds out fold f and
 * scores it) and, when asked, the one on every example (job k), run side
 * by side, as many at once as threads. A training is much one thread's
 * work (its features, the held-out scores), so this keeps the processors
 * busier than one training after another on all of them. Each model is the
 * same on any number of threads, and so is what this gives. */
struct fold_jobs {
	const cs_learn *l;
	const struct cs_intent_example *ex;
	const int *fold;
	int k, jobs;
	struct cs_intent_params p;       /* threads: each training's own */
	double *scores;                  /* n rows of nnames, held out */
	cs_intent_model *whole;
	atomic_int next;
};

static void held_out(struct fold_jobs *j, int f)
{
	const cs_learn *l = j->l;
	struct cs_intent_example *train = cs_malloc((l->n + 1) * sizeof *train);
	size_t nt = 0;
	for (size_t i = 0; i < l->n; i++)
		if (j->fold[i] != f)
			train[nt++] = j->ex[i];
	cs_intent_model *m = cs_intent_train(train, nt, (const char *const *)l->names, l->nnames, &j->p);
	free(train);
	cs_intent_scratch *s = cs_intent_scratch_new();
	for (size_t i = 0; i < l->n; i++)
		if (j->fold[i] == f)
			cs_intent_scores(m, j->ex[i].text, j->ex[i].len, s, j->scores + i * l->nnames);
	cs_intent_scratch_free(s);
	cs_intent_free(m);
}

/* The largest training (every example) is taken first. */
static void fold_worker(void *ctx, int worker)
{
	struct fold_jobs *j = ctx;
	(void)worker;
	for (int job; (job = atomic_fetch_add(&j->next, 1)) < j->jobs;) {
		int f = j->jobs > j->k ? job - 1 : job;
		if (f < 0)
			j->whole = cs_intent_train(j->ex, j->l->n, (const char *const *)j->l->names, j->l->nnames, &j->p);
		else
			held_out(j, f);
	}
}

/* Held-out scores of every example (n rows of nnames) from k-fold
 * training; *whole, when not NULL, gets the model of every example. */
static double *cross_scores(const cs_learn *l, const struct cs_intent_example *ex, int k, cs_intent_model **whole)
{
	int *fold = assign_folds(l, k);
	struct fold_jobs j = {.l = l, .ex = ex, .fold = fold, .k = k, .jobs = k + (whole != NULL), .p = params_of(l)};
	j.scores = cs_malloc((l->n * l->nnames + 1) * sizeof *j.scores);
	atomic_init(&j.next, 0);
	int threads = l->o.threads < 1 ? 1 : l->o.threads, at_once = threads < j.jobs ? threads : j.jobs;
	j.p.threads = threads / at_once;
	cs_pool *pool = cs_pool_new(at_once, fold_worker, &j, NULL);
	cs_pool_run(pool);
	cs_pool_free(pool);
	free(fold);
	if (whole)
		*whole = j.whole;
	return j.scores;
}

/* ---- train ---- */

static int check_examples(const cs_learn *l)
{
	if (l->nnames >= 2)
		return 0;
	cs_error("%zu example%s with %zu label%s: training needs at least two labels", l->n, l->n == 1 ? "" : "s",
		 l->nnames, l->nnames == 1 ? "" : "s");
	cs_exit_raise(CS_EXIT_DATA);
	return -1;
}

/* Stratified folds deal each label's first example to fold 0: when every
 * label has only one, fold 0 holds them all and leaves nothing to train on. */
static int folds_leave_training(const cs_learn *l)
{
	return l->n > l->nnames;
}

static double fit_on_training(const cs_learn *l, const struct cs_intent_example *ex, cs_intent_model *m)
{
	double *scores = cs_malloc((l->n * l->nnames + 1) * sizeof *scores);
	cs_intent_scratch *s = cs_intent_scratch_new();
	for (size_t i = 0; i < l->n; i++)
		cs_intent_scores(m, ex[i].text, ex[i].len, s, scores + i * l->nnames);
	cs_intent_scratch_free(s);
	double t = cs_intent_fit_temperature(scores, l->label, l->n, l->nnames, l->o.threads);
	free(scores);
	return t;
}

static void train_finish(void *ctx, cs_run *run)
{
	cs_learn *l = ctx;
	if (check_examples(l) != 0)
		return;
	struct cs_intent_example *ex = examples(l);
	struct cs_intent_params p = params_of(l);
	double temperature;
	cs_intent_model *m;
	int calibrate = l->o.calibrate_folds >= 2;
	if (calibrate && !folds_leave_training(l)) {
		cs_notice("calibration skipped: every label has one example, which no fold can both train on and "
			  "hold out; the temperature is fitted on the training examples, as with --calibrate 0");
		calibrate = 0;
	}
	if (calibrate) {
		double *scores = cross_scores(l, ex, l->o.calibrate_folds, &m);
		temperature = cs_intent_fit_temperature(scores, l->label, l->n, l->nnames, l->o.threads);
		free(scores);
	} else {
		m = cs_intent_train(ex, l->n, (const char *const *)l->names, l->nnames, &p);
		temperature = fit_on_training(l, ex, m);
	}
	cs_intent_set_temperature(m, temperature);
	cs_buf bytes = CS_BUF_INIT;
	cs_intent_serialize(m, &bytes);
	cs_out_write(cs_run_out(run), bytes.p, bytes.len);
	size_t features = cs_intent_features(m);
	cs_notice("model: %zu examples, %zu intents, %zu features, temperature %.3f", l->n, l->nnames, features,
		  temperature);
	cs_buf_free(&bytes);
	cs_intent_free(m);
	free(ex);
}

/* ---- eval ---- */

/* One example's prediction, in the report's label space (the examples'
 * labels, then the model's others); nnames is "out_of_scope" when there is
 * no out-of-scope label. */
struct pred {
	uint32_t top;                    /* the model's best label */
	double conf, gap;
};

struct tally {
	size_t classes, oos;             /* oos: the out-of-scope class */
	size_t *tp, *fp, *fn, *pair;     /* pair: classes x classes */
};

/* --oos-label, else the first label that names out-of-scope examples as
 * cs-route takes them (cs_intent_is_oos_label), so that eval counts what
 * routing does. */
static size_t oos_class(const cs_learn *l)
{
	for (size_t i = 0; i < l->nnames; i++)
		if (l->o.oos_label ? strcmp(l->names[i], l->o.oos_label) == 0 : cs_intent_is_oos_label(l->names[i]))
			return i;
	return l->nnames;
}

static size_t predicted_class(const struct pred *p, double threshold, double ambiguity, size_t oos)
{
	return p->conf < threshold || p->gap < ambiguity ? oos : p->top;
}

static struct pred pred_of(const double *conf, size_t nl, const uint32_t *to_data)
{
	size_t best = 0, second = SIZE_MAX;
	for (size_t i = 1; i < nl; i++)
		if (conf[i] > conf[best])
			best = i;
	for (size_t i = 0; i < nl; i++)
		if (i != best && (second == SIZE_MAX || conf[i] > conf[second]))
			second = i;
	uint32_t top = to_data ? to_data[best] : (uint32_t)best;
	return (struct pred){top, conf[best], second == SIZE_MAX ? 1 : conf[best] - conf[second]};
}

static struct pred *predict_model(cs_learn *l, const struct cs_intent_example *ex)
{
	cs_buf err = CS_BUF_INIT;
	cs_intent_model *m = cs_intent_load(l->o.model, &err);
	if (!m)
		cs_die(CS_EXIT_CONFIG, "--model %s", err.p);
	size_t nl = cs_intent_labels(m);
	uint32_t *to_data = cs_malloc(nl * sizeof *to_data);
	for (size_t i = 0; i < nl; i++) {   /* a label the examples lack joins the report with support 0 */
		const char *name = cs_intent_label(m, i);
		to_data[i] = label_index(l, name, strlen(name));
	}
	double *conf = cs_malloc(nl * sizeof *conf);
	struct pred *p = cs_malloc((l->n + 1) * sizeof *p);
	cs_intent_scratch *s = cs_intent_scratch_new();
	for (size_t i = 0; i < l->n; i++) {
		cs_intent_scores(m, ex[i].text, ex[i].len, s, conf);
		cs_intent_confidence(m, conf);
		p[i] = pred_of(conf, nl, to_data);
	}
	cs_intent_scratch_free(s);
	free(conf);
	free(to_data);
	cs_intent_free(m);
	cs_buf_free(&err);
	return p;
}

static struct pred *predict_folds(cs_learn *l, const struct cs_intent_example *ex, double *temperature)
{
	double *scores = cross_scores(l, ex, l->o.folds, NULL);
	*temperature = cs_intent_fit_temperature(scores, l->label, l->n, l->nnames, l->o.threads);
	for (size_t i = 0; i < l->n; i++)
		cs_intent_softmax(scores + i * l->nnames, l->nnames, *temperature);
	struct pred *p = cs_malloc((l->n + 1) * sizeof *p);
	for (size_t i = 0; i < l->n; i++)
		p[i] = pred_of(scores + i * l->nnames, l->nnames, NULL);
	free(scores);
	return p;
}

static void tally_of(const cs_learn *l, const struct pred *p, struct tally *t)
{
	t->classes = l->nnames + 1;      /* the labels, then out_of_scope */
	t->oos = oos_class(l);
	t->tp = cs_calloc(t->classes, sizeof *t->tp);
	t->fp = cs_calloc(t->classes, sizeof *t->fp);
	t->fn = cs_calloc(t->classes, sizeof *t->fn);
	t->pair = cs_calloc(t->classes * t->classes, sizeof *t->pair);
	for (size_t i = 0; i < l->n; i++) {
		size_t truth = l->label[i], got = predicted_class(&p[i], l->o.threshold, l->o.ambiguity, t->oos);
		if (got == truth)
			t->tp[truth]++;
		else {
			t->fp[got]++;
			t->fn[truth]++;
			t->pair[truth * t->classes + got]++;
		}
	}
}

static void tally_free(struct tally *t)
{
	free(t->tp);
	free(t->fp);
	free(t->fn);
	free(t->pair);
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0; }

static double f1_of(const struct tally *t, size_t c)
{
	double p = ratio(t->tp[c], t->tp[c] + t->fp[c]), r = ratio(t->tp[c], t->tp[c] + t->fn[c]);
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void put_num(cs_jw *w, const char *key, double v)
{
	cs_jw_key(w, key);
	cs_jw_double(w, round(v * 10000) / 10000);
}

static const char *class_name(const cs_learn *l, size_t c)
{
	return c < l->nnames ? l->names[c] : "out_of_scope";
}

static void write_per_intent(cs_jw *w, const cs_learn *l, const struct tally *t)
{
	cs_jw_key(w, "per_intent");
	cs_jw_array(w);
	for (size_t c = 0; c < l->nnames; c++) {
		cs_jw_object(w);
		cs_jw_key(w, "intent");
		cs_jw_cstr(w, l->names[c]);
		cs_jw_key(w, "support");
		cs_jw_uint(w, t->tp[c] + t->fn[c]);
		put_num(w, "precision", ratio(t->tp[c], t->tp[c] + t->fp[c]));
		put_num(w, "recall", ratio(t->tp[c], t->tp[c] + t->fn[c]));
		put_num(w, "f1", f1_of(t, c));
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

static void write_confused(cs_jw *w, const cs_learn *l, const struct tally *t)
{
	size_t cells = t->classes * t->classes;
	unsigned char *used = cs_calloc(cells + 1, 1);
	cs_jw_key(w, "confused");
	cs_jw_array(w);
	for (int k = 0; k < l->o.top_confused; k++) {
		size_t best = SIZE_MAX;
		for (size_t i = 0; i < cells; i++)   /* most first; the first listed among equals */
			if (!used[i] && t->pair[i] && (best == SIZE_MAX || t->pair[i] > t->pair[best]))
				best = i;
		if (best == SIZE_MAX)
			break;
		used[best] = 1;
		cs_jw_object(w);
		cs_jw_key(w, "intent");
		cs_jw_cstr(w, class_name(l, best / t->classes));
		cs_jw_key(w, "predicted");
		cs_jw_cstr(w, class_name(l, best % t->classes));
		cs_jw_key(w, "count");
		cs_jw_uint(w, t->pair[best]);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
	free(used);
}

/* Expected calibration error of the best label's confidence (before any threshold). */
static double ece_of(const cs_learn *l, const struct pred *p)
{
	double conf[ECE_BINS] = {0}, right[ECE_BINS] = {0};
	size_t count[ECE_BINS] = {0};
	for (size_t i = 0; i < l->n; i++) {
		int b = (int)(p[i].conf * ECE_BINS);
		b = b >= ECE_BINS ? ECE_BINS - 1 : b < 0 ? 0 : b;
		conf[b] += p[i].conf;
		right[b] += p[i].top == l->label[i];
		count[b]++;
	}
	double ece = 0;
	for (int b = 0; b < ECE_BINS; b++)
		if (count[b])
			ece += fabs(conf[b] - right[b]) / (double)l->n;
	return ece;
}

/* In-scope accuracy and out-of-scope recall at a threshold. */
static void scope_scores(const cs_learn *l, const struct pred *p, double threshold, size_t oos, double *in_acc,
			 double *oos_recall)
{
	size_t in = 0, in_right = 0, out = 0, out_right = 0;
	for (size_t i = 0; i < l->n; i++) {
		size_t got = predicted_class(&p[i], threshold, l->o.ambiguity, oos);
		if (l->label[i] == oos) {
			out++;
			out_right += got == oos;
		} else {
			in++;
			in_right += got == l->label[i];
		}
	}
	*in_acc = ratio(in_right, in);
	*oos_recall = ratio(out_right, out);
}

static void write_sweep(cs_jw *w, const cs_learn *l, const struct pred *p, size_t oos)
{
	cs_jw_key(w, "sweep");
	cs_jw_array(w);
	for (int k = 0; k <= 19; k++) {
		double th = k * 0.05, in_acc, oos_recall;
		scope_scores(l, p, th, oos, &in_acc, &oos_recall);
		cs_jw_object(w);
		put_num(w, "threshold", th);
		put_num(w, "in_scope_accuracy", in_acc);
		put_num(w, "oos_recall", oos_recall);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

static void write_eval(cs_learn *l, const struct pred *p, double temperature, cs_buf *out)
{
	struct tally t;
	tally_of(l, p, &t);
	size_t right = 0, in_labels = 0;
	double f1_sum = 0;
	for (size_t c = 0; c < l->nnames; c++) {
		right += t.tp[c];
		if (t.tp[c] + t.fn[c]) {
			f1_sum += f1_of(&t, c);
			in_labels++;
		}
	}
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "intent_eval");
	cs_jw_key(&w, "examples");
	cs_jw_uint(&w, l->n);
	cs_jw_key(&w, "intents");
	cs_jw_uint(&w, l->nnames);
	cs_jw_key(&w, l->o.model ? "model" : "folds");
	if (l->o.model)
		cs_jw_cstr(&w, l->o.model);
	else
		cs_jw_int(&w, l->o.folds);
	put_num(&w, "accuracy", ratio(right, l->n));
	put_num(&w, "macro_f1", in_labels ? f1_sum / (double)in_labels : 0);
	put_num(&w, "threshold", l->o.threshold);
	put_num(&w, "ambiguity", l->o.ambiguity);
	if (t.oos < l->nnames || l->o.threshold > 0 || l->o.ambiguity > 0) {
		/* without an out-of-scope label every example is in scope: what the
		 * thresholds cost is the in-scope accuracy and the share set aside */
		double in_acc, oos_recall;
		scope_scores(l, p, l->o.threshold, t.oos, &in_acc, &oos_recall);
		cs_jw_key(&w, "oos_label");
		cs_jw_cstr(&w, t.oos < l->nnames ? l->names[t.oos] : NULL);
		put_num(&w, "in_scope_accuracy", in_acc);
		if (t.oos < l->nnames)
			put_num(&w, "oos_recall", oos_recall);
		else
			put_num(&w, "set_aside", ratio(t.fp[t.oos], l->n));
	}
	put_num(&w, "ece", ece_of(l, p));
	if (!l->o.model)
		put_num(&w, "temperature", temperature);
	if (l->o.sweep)
		write_sweep(&w, l, p, t.oos);
	write_per_intent(&w, l, &t);
	write_confused(&w, l, &t);
	cs_jw_end_object(&w);
	tally_free(&t);
}

static int check_folds(const cs_learn *l)
{
	if (folds_leave_training(l))
		return 0;
	cs_error("%zu examples, one for each label: cross-validation needs a label with two examples or more "
		 "(one to train on, one to hold out); or evaluate a model with --model", l->n);
	cs_exit_raise(CS_EXIT_DATA);
	return -1;
}

static void eval_finish(void *ctx, cs_run *run)
{
	cs_learn *l = ctx;
	if (!l->o.model && (check_examples(l) != 0 || check_folds(l) != 0))
		return;
	struct cs_intent_example *ex = examples(l);
	double temperature = 0;
	struct pred *p = l->o.model ? predict_model(l, ex) : predict_folds(l, ex, &temperature);
	cs_buf out = CS_BUF_INIT;
	write_eval(l, p, temperature, &out);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&out);
	free(p);
	free(ex);
}

cs_learn *cs_learn_new(const struct cs_common *c, const struct cs_learn_opts *o, int eval, struct cs_engine *engine)
{
	(void)c;
	cs_learn *l = cs_calloc(1, sizeof *l);
	l->o = *o;
	l->eval = eval;
	*engine = (struct cs_engine){.ctx = l, .record = record, .finish = eval ? eval_finish : train_finish};
	return l;
}

void cs_learn_free(cs_learn *l)
{
	if (!l)
		return;
	cs_buf_free(&l->texts);
	free(l->text_at);
	free(l->text_len);
	free(l->label);
	for (size_t i = 0; i < l->nnames; i++)
		free(l->names[i]);
	free(l->names);
	cs_map_free(&l->by_name);
	cs_buf_free(&l->scratch);
	free(l);
}
