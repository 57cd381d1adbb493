/* eng_signals_fit: cs-signals fit and eval (see eng_signals_fit.h). */
#include "eng_signals_fit.h"
#include "eng_signals_risk.h"
#include "kit_csv.h"
#include "kit_in.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_time.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define STAYED ((void *)(uintptr_t)1)
#define CHURNED ((void *)(uintptr_t)2)
#define STEP_TOLERANCE 1e-9

void cs_risk_fit_opts_init(struct cs_risk_fit_opts *o)
{
	*o = (struct cs_risk_fit_opts){.l2 = 1.0, .half_life_days = 14, .now_ms = CS_RISK_NOW_JOURNEY, .holdout = 0.2,
				       .max_iter = 100};
}

/* ---- labels ---- */

struct labels_read {
	const char *name;
	cs_map *labels;
	cs_buf *err;
	size_t id_col, label_col;    /* SIZE_MAX until the header is read */
	cs_buf scratch;
};

/* 1 churned, 0 stayed, -1 neither. */
static int churned_of(const char *s, size_t n)
{
	static const char *const yes[] = {"1", "true", "yes", "churned", NULL}, *const no[] = {"0", "false", "no", NULL};
	for (size_t i = 0; yes[i]; i++)
		if (n == strlen(yes[i]) && strncasecmp(s, yes[i], n) == 0)
			return 1;
	for (size_t i = 0; no[i]; i++)
		if (n == strlen(no[i]) && strncasecmp(s, no[i], n) == 0)
			return 0;
	return -1;
}

static int put_label(struct labels_read *r, uint64_t line, const char *id, size_t n, int churned)
{
	void *was = cs_map_get(r->labels, id, n), *now = churned ? CHURNED : STAYED;
	if (was && was != now) {
		cs_buf_printf(r->err, "%s:%llu: customer \"%.*s\" is labelled both churned and not", r->name,
			      (unsigned long long)line, (int)(n > 60 ? 60 : n), id);
		return -1;
	}
	cs_map_put(r->labels, id, n, now);
	return 0;
}

static int label_bad(struct labels_read *r, uint64_t line, const char *why)
{
	cs_buf_printf(r->err, "%s:%llu: %s", r->name, (unsigned long long)line, why);
	return -1;
}

static size_t column_named(const cs_csv_row *row, const char *const *names)
{
	for (size_t k = 0; names[k]; k++)
		for (size_t i = 0; i < row->n; i++)
			if (strcasecmp(row->cell[i], names[k]) == 0)
				return i;
	return SIZE_MAX;
}

static int csv_row(const cs_csv_row *row, void *ctx)
{
	struct labels_read *r = ctx;
	static const char *const id_names[] = {"customer", "customer_id", "id", NULL};
	static const char *const label_names[] = {"churned", "churn", "label", NULL};
	if (r->id_col == SIZE_MAX) {
		r->id_col = column_named(row, id_names);
		r->label_col = column_named(row, label_names);
		if (r->id_col == SIZE_MAX || r->label_col == SIZE_MAX)
			return label_bad(r, row->line, "the header must name a customer column (customer, customer_id or id) "
						       "and a label column (churned, churn or label)");
		return 0;
	}
	if (r->id_col >= row->n || r->label_col >= row->n || row->len[r->id_col] == 0)
		return label_bad(r, row->line, "no customer or no label in this row");
	int churned = churned_of(row->cell[r->label_col], row->len[r->label_col]);
	if (churned < 0)
		return label_bad(r, row->line, "the label must be 1/0, true/false or yes/no");
	return put_label(r, row->line, row->cell[r->id_col], row->len[r->id_col], churned);
}

struct mem_reader {
	const char *p;
	size_t n, off;
};

static long mem_read(void *ctx, char *dst, size_t n)
{
	struct mem_reader *m = ctx;
	size_t k = m->n - m->off < n ? m->n - m->off : n;
	memcpy(dst, m->p + m->off, k);
	m->off += k;
	return (long)k;
}

static int read_csv_labels(struct labels_read *r, const char *text, size_t n)
{
	struct mem_reader m = {text, n, 0};
	char why[256] = "";
	uint64_t line = 0;
	struct cs_csv_opts o = {.delim = ',', .check_utf8 = 1, .err = why, .errlen = sizeof why, .err_line = &line};
	int rc = cs_csv_read_opts(mem_read, &m, r->name, &o, csv_row, r);
	if (rc == CS_CSV_SYNTAX)
		return label_bad(r, line, why);
	if (rc == CS_CSV_END && r->id_col == SIZE_MAX)
		return label_bad(r, 1, "no header row");
	return rc == CS_CSV_END ? 0 : -1;
}

static cs_jval customer_of(cs_jval rec)
{
	cs_jval c = cs_jget(rec, "customer");
	if (c.t == CS_J_OBJECT)
		return cs_jget(c, "id");
	return c.t != CS_J_NONE ? c : cs_jget(rec, "customer_id");
}

static int ndjson_label(struct labels_read *r, const char *line, size_t n, uint64_t lineno)
{
	enum cs_jtype type;
	cs_jerr jerr;
	if (cs_json_value(line, n, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0 || type != CS_J_OBJECT)
		return label_bad(r, lineno, "not a JSON object");
	cs_jval rec = cs_jval_of(line, n), id = customer_of(rec), label = cs_jget(rec, "churned");
	if (id.t != CS_J_STRING && id.t != CS_J_NUMBER)
		return label_bad(r, lineno, "no \"customer\" (a string, or an object with \"id\")");
	int churned = label.t == CS_J_TRUE ? 1 : label.t == CS_J_FALSE ? 0 : -1;
	if (label.t == CS_J_STRING || label.t == CS_J_NUMBER) {
		const char *s = cs_jtext(label, &r->scratch);
		churned = churned_of(s, r->scratch.len);
	}
	if (churned < 0)
		return label_bad(r, lineno, "\"churned\" must be true/false, 1/0 or \"yes\"/\"no\"");
	const char *idtext = cs_jtext(id, &r->scratch);
	return put_label(r, lineno, idtext, r->scratch.len, churned);
}

static int read_ndjson_labels(struct labels_read *r, const char *text, size_t n)
{
	uint64_t lineno = 0;
	for (size_t at = 0; at < n;) {
		const char *nl = memchr(text + at, '\n', n - at);
		size_t end = nl ? (size_t)(nl - text) : n, len = end - at;
		lineno++;
		size_t lead = 0;
		while (lead < len && strchr(" \t\r", text[at + lead]))
			lead++;
		if (lead < len && ndjson_label(r, text + at, len, lineno) != 0)
			return -1;
		at = end + 1;
	}
	return 0;
}

int cs_risk_labels_parse(const char *name, const char *text, size_t n, cs_map *labels, cs_buf *err)
{
	struct labels_read r = {.name = name, .labels = labels, .err = err, .id_col = SIZE_MAX, .label_col = SIZE_MAX};
	size_t lead = 0;
	while (lead < n && strchr(" \t\r\n", text[lead]))
		lead++;
	int rc = lead < n && text[lead] == '{' ? read_ndjson_labels(&r, text, n) : read_csv_labels(&r, text, n);
	cs_buf_free(&r.scratch);
	return rc;
}

static void load_labels(const char *path, cs_map *labels)
{
	char *files[1] = {(char *)path};
	cs_in *in = cs_in_new(files, 1, &(struct cs_in_opts){0, 0, 1, NULL});
	cs_buf text = CS_BUF_INIT, err = CS_BUF_INIT;
	char chunk[65536];
	long got;
	while ((got = cs_in_read(in, chunk, sizeof chunk)) > 0)
		cs_buf_add(&text, chunk, (size_t)got);
	cs_in_free(in);
	if (got < 0)
		cs_die(CS_EXIT_IO, "--labels %s: cannot read it", path);
	if (cs_risk_labels_parse(path, text.p ? text.p : "", text.len, labels, &err) != 0)
		cs_die(CS_EXIT_DATA, "--labels %s", err.p);
	cs_buf_free(&text);
	cs_buf_free(&err);
}

/* ---- logistic regression ---- */

static double log1pexp(double z) { return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z)); }

static double logit_of(const double *row, const double *theta, size_t k)
{
	double z = theta[k];
	for (size_t j = 0; j < k; j++)
		z += theta[j] * row[j];
	return z;
}

/* The penalised loss at theta (weights, then the bias). */
static double objective(const double *x, const unsigned char *y, size_t n, size_t k, double l2, const double *theta)
{
	double loss = 0;
	for (size_t i = 0; i < n; i++) {
		double z = logit_of(x + i * k, theta, k);
		loss += log1pexp(z) - (y[i] ? z : 0);
	}
	for (size_t j = 0; j < k; j++)
		loss += l2 / 2 * theta[j] * theta[j];
	return loss;
}

/* Solve a x = b in place (b becomes x) for symmetric a (d x d, overwritten):
 * 0, or -1 when a is not positive definite. */
static int cholesky_solve(double *a, double *b, size_t d)
{
	for (size_t j = 0; j < d; j++) {
		double s = a[j * d + j];
		for (size_t q = 0; q < j; q++)
			s -= a[j * d + q] * a[j * d + q];
		if (!(s > 0))
			return -1;
		a[j * d + j] = sqrt(s);
		for (size_t i = j + 1; i < d; i++) {
			double t = a[i * d + j];
			for (size_t q = 0; q < j; q++)
				t -= a[i * d + q] * a[j * d + q];
			a[i * d + j] = t / a[j * d + j];
		}
	}
	for (size_t i = 0; i < d; i++) {
		for (size_t q = 0; q < i; q++)
			b[i] -= a[i * d + q] * b[q];
		b[i] /= a[i * d + i];
	}
	for (size_t i = d; i-- > 0;) {
		for (size_t q = i + 1; q < d; q++)
			b[i] -= a[q * d + i] * b[q];
		b[i] /= a[i * d + i];
	}
	return 0;
}

/* Gradient g and Hessian h (d = k + 1, the bias last) of the penalised loss. */
static void derivatives(const double *x, const unsigned char *y, size_t n, size_t k, double l2, const double *theta,
			double *g, double *h)
{
	size_t d = k + 1;
	memset(g, 0, d * sizeof *g);
	memset(h, 0, d * d * sizeof *h);
	for (size_t i = 0; i < n; i++) {
		const double *row = x + i * k;
		double p = cs_risk_sigmoid(logit_of(row, theta, k)), r = p - y[i], s = p * (1 - p);
		for (size_t a = 0; a < d; a++) {
			double xa = a < k ? row[a] : 1;
			g[a] += r * xa;
			for (size_t b = 0; b <= a; b++)
				h[a * d + b] += s * xa * (b < k ? row[b] : 1);
		}
	}
	for (size_t a = 0; a < d; a++) {
		if (a < k) {
			g[a] += l2 * theta[a];
			h[a * d + a] += l2;
		}
		for (size_t b = 0; b < a; b++)
			h[b * d + a] = h[a * d + b];
	}
}

/* The Newton step into g (overwritten), with a small ridge added until the
 * Hessian factors (the bias is not penalised, and a type nobody has makes
 * an empty row when l2 is 0). */
static void newton_step(double *g, double *h, size_t d)
{
	double *a = cs_malloc(d * d * sizeof *a), *b = cs_malloc(d * sizeof *b);
	for (double ridge = 1e-10;; ridge *= 100) {
		memcpy(a, h, d * d * sizeof *a);
		memcpy(b, g, d * sizeof *b);
		for (size_t j = 0; j < d; j++)
			a[j * d + j] += ridge;
		if (cholesky_solve(a, b, d) == 0 || ridge > 1e6)
			break;
	}
	memcpy(g, b, d * sizeof *g);
	free(a);
	free(b);
}

void cs_risk_logistic(const double *x, const unsigned char *y, size_t n, size_t k, double l2, int max_iter,
		      double *w, double *bias, struct cs_logit_info *info)
{
	size_t d = k + 1;
	double *theta = cs_calloc(d, sizeof *theta), *next = cs_malloc(d * sizeof *next);
	double *g = cs_malloc(d * sizeof *g), *h = cs_malloc(d * d * sizeof *h);
	*info = (struct cs_logit_info){0};
	double loss = objective(x, y, n, k, l2, theta);
	while (info->iterations < max_iter) {
		info->iterations++;
		derivatives(x, y, n, k, l2, theta, g, h);
		newton_step(g, h, d);
		double t = 1, next_loss = loss, moved = 0;
		for (int halvings = 0; halvings < 50; halvings++, t /= 2) {
			for (size_t j = 0; j < d; j++)
				next[j] = theta[j] - t * g[j];
			next_loss = objective(x, y, n, k, l2, next);
			if (next_loss <= loss + 1e-12 * (1 + fabs(loss)))
				break;
		}
		for (size_t j = 0; j < d; j++)
			moved = fmax(moved, fabs(next[j] - theta[j]));
		memcpy(theta, next, d * sizeof *theta);
		loss = next_loss;
		if (moved < STEP_TOLERANCE) {
			info->converged = 1;
			break;
		}
	}
	memcpy(w, theta, k * sizeof *w);
	*bias = theta[k];
	double penalty = 0;
	for (size_t j = 0; j < k; j++)
		penalty += l2 / 2 * w[j] * w[j];
	info->loss = n ? (loss - penalty) / (double)n : 0;
	free(theta);
	free(next);
	free(g);
	free(h);
}

/* ---- measures ---- */

struct scored {
	double s;
	unsigned char y;
};

static int by_score_up(const void *a, const void *b)
{
	double x = ((const struct scored *)a)->s, z = ((const struct scored *)b)->s;
	return x < z ? -1 : x > z;
}

static struct scored *sorted_up(const double *score, const unsigned char *y, size_t n)
{
	struct scored *v = cs_malloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct scored){score[i], y[i]};
	qsort(v, n, sizeof *v, by_score_up);
	return v;
}

/* The end of the run of equal scores starting at i. */
static size_t tie_end(const struct scored *v, size_t i, size_t n)
{
	size_t j = i + 1;
	while (j < n && v[j].s == v[i].s)
		j++;
	return j;
}

double cs_risk_auc(const double *score, const unsigned char *y, size_t n)
{
	struct scored *v = sorted_up(score, y, n);
	double pos = 0, rank_sum = 0;
	for (size_t i = 0; i < n;) {
		size_t j = tie_end(v, i, n), p = 0;
		for (size_t q = i; q < j; q++)
			p += v[q].y != 0;
		rank_sum += (double)p * ((double)(i + 1) + (double)j) / 2;   /* ranks i+1..j, averaged */
		pos += (double)p;
		i = j;
	}
	free(v);
	double neg = (double)n - pos;
	if (pos == 0 || neg == 0)
		return NAN;
	return (rank_sum - pos * (pos + 1) / 2) / (pos * neg);
}

double cs_risk_precision_top(const double *score, const unsigned char *y, size_t n, double share, size_t *k)
{
	size_t want = (size_t)ceil(share * (double)n - 1e-9);
	want = want < 1 ? 1 : want > n ? n : want;
	*k = n ? want : 0;
	if (!n)
		return NAN;
	struct scored *v = sorted_up(score, y, n);
	double hits = 0;
	size_t taken = 0;
	for (size_t i = n; i > 0 && taken < want;) {   /* from the top, a run of equal scores at a time */
		size_t lo = i - 1;
		while (lo > 0 && v[lo - 1].s == v[i - 1].s)
			lo--;
		size_t run = i - lo, p = 0, take = want - taken < run ? want - taken : run;
		for (size_t q = lo; q < i; q++)
			p += v[q].y != 0;
		hits += (double)p * (double)take / (double)run;
		taken += take;
		i = lo;
	}
	free(v);
	return hits / (double)want;
}

int cs_risk_held_out(const char *id, size_t n, uint64_t seed, double holdout)
{
	uint64_t h = cs_hash64(id, n, seed ^ 0x72697368ull);
	return (double)(h >> 11) * 0x1p-53 < holdout;
}

/* ---- the engines ---- */

struct customer {
	char *id;
	int64_t now_ms;              /* the latest journey "to" */
	cs_risk_features f;
};

struct cs_risk_fit {
	struct cs_risk_fit_opts o;
	int eval;
	cs_map labels, index;        /* id -> STAYED/CHURNED; id -> customer index + 1 */
	size_t nlabels;
	struct customer *c;
	size_t n, cap;
	cs_risk_features pending;    /* one journey's signals, until it reads well */
	cs_risk_model *model;        /* eval --model */
	cs_buf scratch;
	uint64_t journeys, other_records, signals, bad_types, unlabelled, labels_unused;
};

struct step_read {
	cs_risk_fit *f;
	const cs_rec *rec;
	int64_t latest;
	int bad;
};

static int add_step(cs_jval step, void *ctx)
{
	struct step_read *r = ctx;
	cs_risk_fit *f = r->f;
	cs_jval kind = cs_jget(step, "step"), type = cs_jget(step, "type");
	int64_t ts;
	if (cs_jtime(cs_jget(step, "ts"), &ts) != 0) {
		cs_rec_bad(r->rec, "a step without a readable \"ts\"");
		return r->bad = 1;
	}
	r->latest = ts > r->latest ? ts : r->latest;
	if (kind.t != CS_J_STRING || !cs_jtext(kind, &f->scratch) || strcmp(f->scratch.p, "signal") != 0)
		return 0;
	const char *name = type.t == CS_J_STRING ? cs_jtext(type, &f->scratch) : NULL;
	if (!name) {
		cs_rec_bad(r->rec, "a signal step without a \"type\"");
		return r->bad = 1;
	}
	if (!cs_risk_type_ok(name, f->scratch.len)) {
		f->bad_types++;
		return 0;
	}
	cs_risk_features_add(&f->pending, name, f->scratch.len, ts);
	return 0;
}

static struct customer *customer_named(cs_risk_fit *f, const char *id, size_t n)
{
	void *at = cs_map_get(&f->index, id, n);
	if (at)
		return &f->c[(uintptr_t)at - 1];
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->c = cs_realloc(f->c, f->cap * sizeof *f->c);
	}
	f->c[f->n] = (struct customer){.id = cs_strndup(id, n), .now_ms = INT64_MIN};
	cs_map_put(&f->index, id, n, (void *)(uintptr_t)(f->n + 1));
	return &f->c[f->n++];
}

static void take_pending(cs_risk_fit *f, struct customer *c)
{
	for (size_t i = 0; i < f->pending.n; i++) {
		const cs_risk_feature *k = &f->pending.f[i];
		for (size_t q = 0; q < k->nts; q++)
			cs_risk_features_add(&c->f, k->type, strlen(k->type), k->ts[q]);
		f->signals += k->nts;
	}
	cs_risk_features_clear(&f->pending);
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_risk_fit *f = ctx;
	(void)run;
	cs_jval kind = cs_jmember(&rec->obj, "kind");
	if (kind.t != CS_J_STRING || !cs_jtext(kind, &f->scratch) || strcmp(f->scratch.p, "journey") != 0) {
		f->other_records++;
		return CS_REC_OK;
	}
	cs_jval id = cs_jget(cs_jmember(&rec->obj, "customer"), "id"), to = cs_jmember(&rec->obj, "to");
	if (id.t != CS_J_STRING || id.n <= 2) {
		cs_rec_bad(rec, "a journey needs \"customer\":{\"id\":...}");
		return CS_REC_BAD;
	}
	struct step_read r = {f, rec, INT64_MIN, 0};
	cs_risk_features_clear(&f->pending);
	cs_jeach(cs_jmember(&rec->obj, "steps"), add_step, &r);
	if (r.bad)
		return CS_REC_BAD;
	int64_t to_ms = r.latest;
	if (cs_jis(to) && cs_jtime(to, &to_ms) != 0) {
		cs_rec_bad(rec, "\"to\" is not a time");
		return CS_REC_BAD;
	}
	const char *s = cs_jtext(id, &f->scratch);
	struct customer *c = customer_named(f, s, f->scratch.len);
	c->now_ms = to_ms > c->now_ms ? to_ms : c->now_ms;
	take_pending(f, c);
	f->journeys++;
	return CS_REC_OK;
}

/* ---- the data set ---- */

struct dataset {
	struct customer **c;         /* labelled customers with a journey */
	unsigned char *y;
	size_t n;
	char **types;                /* the columns */
	size_t k;
};

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int listed(char **types, size_t n, const char *type)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(types[i], type) == 0)
			return 1;
	return 0;
}

/* The types the customers (of the training set: train 1, held out 0) have:
 * the known ones in their order, then the others by name. */
static void columns_of(struct dataset *d, const unsigned char *train)
{
	size_t cap = cs_risk_nknown + 8, first_other;
	d->types = cs_malloc(cap * sizeof *d->types);
	d->k = 0;
	for (size_t i = 0; i < cs_risk_nknown; i++)
		for (size_t q = 0; q < d->n; q++)
			if ((!train || train[q]) && cs_risk_features_x(&d->c[q]->f, cs_risk_known_types[i]) > 0) {
				d->types[d->k++] = (char *)cs_risk_known_types[i];
				break;
			}
	first_other = d->k;
	for (size_t q = 0; q < d->n; q++)
		for (size_t j = 0; j < d->c[q]->f.n && (!train || train[q]); j++) {
			const cs_risk_feature *k = &d->c[q]->f.f[j];
			if (k->x <= 0 || listed(d->types, d->k, k->type))
				continue;
			if (d->k == cap)
				d->types = cs_realloc(d->types, (cap *= 2) * sizeof *d->types);
			d->types[d->k++] = k->type;
		}
	qsort(d->types + first_other, d->k - first_other, sizeof *d->types, by_name);
}

static void dataset_of(cs_risk_fit *f, struct dataset *d)
{
	d->c = cs_malloc((f->n + 1) * sizeof *d->c);
	d->y = cs_malloc(f->n + 1);
	d->n = 0;
	d->types = NULL;
	d->k = 0;
	for (size_t i = 0; i < f->n; i++) {
		void *label = cs_map_get(&f->labels, f->c[i].id, strlen(f->c[i].id));
		if (!label) {
			f->unlabelled++;
			continue;
		}
		d->c[d->n] = &f->c[i];
		d->y[d->n++] = label == CHURNED;
	}
	f->labels_unused = f->nlabels - d->n;
}

static int64_t now_of(const cs_risk_fit *f, const struct customer *c)
{
	return f->o.now_ms != CS_RISK_NOW_JOURNEY ? f->o.now_ms : c->now_ms;
}

static void compute_all(cs_risk_fit *f, struct dataset *d, const cs_risk_model *m)
{
	for (size_t i = 0; i < d->n; i++)
		cs_risk_features_compute(&d->c[i]->f, now_of(f, d->c[i]), m);
}

static void dataset_free(struct dataset *d)
{
	free(d->c);
	free(d->y);
	free(d->types);
}

static void count_classes(const unsigned char *y, const unsigned char *use, size_t n, size_t *pos, size_t *neg)
{
	*pos = *neg = 0;
	for (size_t i = 0; i < n; i++)
		if (!use || use[i]) {
			*pos += y[i] != 0;
			*neg += y[i] == 0;
		}
}

static _Noreturn void one_class(size_t pos, size_t neg, const char *what)
{
	cs_die(CS_EXIT_DATA, "%zu %s customer%s, %zu churned and %zu stayed: fitting needs both", pos + neg, what,
	       pos + neg == 1 ? "" : "s", pos, neg);
}

static double rounded(double v) { return round(v * 1e4) / 1e4; }

/* Fit on the customers use[] marks (NULL: all); returns the model. */
static cs_risk_model *fit_model(cs_risk_fit *f, struct dataset *d, const unsigned char *use, struct cs_logit_info *info)
{
	cs_risk_model *m = cs_risk_model_new();
	m->half_life_days = f->o.half_life_days;
	compute_all(f, d, m);
	free(d->types);
	columns_of(d, use);
	size_t rows = 0;
	double *x = cs_malloc((d->n * d->k + 1) * sizeof *x), *w = cs_malloc((d->k + 1) * sizeof *w);
	unsigned char *y = cs_malloc(d->n + 1);
	for (size_t i = 0; i < d->n; i++) {
		if (use && !use[i])
			continue;
		for (size_t j = 0; j < d->k; j++)
			x[rows * d->k + j] = cs_risk_features_x(&d->c[i]->f, d->types[j]);
		y[rows++] = d->y[i];
	}
	cs_risk_logistic(x, y, rows, d->k, f->o.l2, f->o.max_iter, w, &m->bias, info);
	m->bias = rounded(m->bias);
	for (size_t j = 0; j < d->k; j++)
		cs_risk_model_set(m, d->types[j], rounded(w[j]));
	free(x);
	free(w);
	free(y);
	return m;
}

static void notice_counts(const cs_risk_fit *f)
{
	if (f->unlabelled)
		cs_notice("%llu customer%s with a journey but no label left out", (unsigned long long)f->unlabelled,
			  f->unlabelled == 1 ? "" : "s");
	if (f->labels_unused)
		cs_notice("%llu label%s without a journey left out", (unsigned long long)f->labels_unused,
			  f->labels_unused == 1 ? "" : "s");
}

static void fit_extra(const cs_risk_fit *f, size_t n, size_t churned, const struct cs_logit_info *info, cs_buf *out)
{
	cs_buf_printf(out, "\"customers\": %zu, \"churned\": %zu, \"l2\": ", n, churned);
	cs_json_double(out, f->o.l2);
	cs_buf_printf(out, ", \"iterations\": %d, \"converged\": %s, \"log_loss\": ", info->iterations,
		      info->converged ? "true" : "false");
	cs_json_double(out, rounded(info->loss));
	cs_buf_adds(out, ", \"now\": ");
	if (f->o.now_ms == CS_RISK_NOW_JOURNEY) {
		cs_buf_adds(out, "\"journey\"");
	} else {
		char ts[40];
		size_t len = cs_time_format((cs_time){.ms = f->o.now_ms}, ts);
		cs_json_string(out, ts, len);
	}
}

static void fit_finish(void *ctx, cs_run *run)
{
	cs_risk_fit *f = ctx;
	struct dataset d;
	dataset_of(f, &d);
	notice_counts(f);
	size_t pos, neg;
	count_classes(d.y, NULL, d.n, &pos, &neg);
	if (!pos || !neg)
		one_class(pos, neg, "labelled");
	struct cs_logit_info info;
	cs_risk_model *m = fit_model(f, &d, NULL, &info);
	if (!info.converged)
		cs_notice("the fit did not converge in %d iterations (--max-iter)", info.iterations);
	cs_buf extra = CS_BUF_INIT, out = CS_BUF_INIT;
	fit_extra(f, d.n, pos, &info, &extra);
	cs_risk_model_write(m, extra.p, &out);
	cs_out_write(cs_run_out(run), out.p, out.len);
	cs_buf_free(&extra);
	cs_buf_free(&out);
	cs_risk_model_free(m);
	dataset_free(&d);
}

/* ---- eval ---- */

static void put_measure(cs_jw *w, const char *key, double v)
{
	cs_jw_key(w, key);
	if (isnan(v))
		cs_jw_null(w);
	else
		cs_jw_double(w, rounded(v));
}

static void write_eval(const cs_risk_fit *f, const cs_risk_model *m, size_t customers, size_t train,
		       const double *score, const unsigned char *y, size_t held, cs_buf *out)
{
	size_t pos, neg, top;
	count_classes(y, NULL, held, &pos, &neg);
	if (!held)
		cs_notice("no AUC: no customer held out (more customers, or a larger --holdout)");
	else if (!pos || !neg)
		cs_notice("no AUC: %s of the %zu held-out customer%s churned", pos ? "every one" : "none", held,
			  held == 1 ? "" : "s");
	double precision = cs_risk_precision_top(score, y, held, 0.1, &top);
	cs_jw w;
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "risk_eval");
	cs_jw_key(&w, "customers");
	cs_jw_uint(&w, customers);
	cs_jw_key(&w, "train");
	cs_jw_uint(&w, train);
	cs_jw_key(&w, "held_out");
	cs_jw_uint(&w, held);
	cs_jw_key(&w, "churned_held_out");
	cs_jw_uint(&w, pos);
	put_measure(&w, "base_rate", held ? (double)pos / (double)held : NAN);
	put_measure(&w, "auc", cs_risk_auc(score, y, held));
	put_measure(&w, "precision_top_decile", precision);
	cs_jw_key(&w, "top_decile");
	cs_jw_uint(&w, top);
	put_measure(&w, "holdout", f->o.holdout);
	cs_jw_key(&w, "seed");
	cs_jw_uint(&w, f->o.seed);
	if (f->o.model) {
		cs_jw_key(&w, "model_file");
		cs_jw_cstr(&w, f->o.model);
	}
	cs_buf model = CS_BUF_INIT;
	cs_risk_model_json(m, &model);
	cs_jw_key(&w, "model");
	cs_jw_raw(&w, model.p, model.len);
	cs_buf_free(&model);
	cs_jw_end_object(&w);
}

static void eval_finish(void *ctx, cs_run *run)
{
	cs_risk_fit *f = ctx;
	struct dataset d;
	dataset_of(f, &d);
	notice_counts(f);
	unsigned char *train = cs_malloc(d.n + 1);
	size_t ntrain = 0, pos, neg;
	for (size_t i = 0; i < d.n; i++) {
		train[i] = !cs_risk_held_out(d.c[i]->id, strlen(d.c[i]->id), f->o.seed, f->o.holdout);
		ntrain += train[i];
	}
	cs_risk_model *m = f->model;
	if (!m) {
		count_classes(d.y, train, d.n, &pos, &neg);
		if (!pos || !neg)
			one_class(pos, neg, "training");
		struct cs_logit_info info;
		m = fit_model(f, &d, train, &info);
	}
	compute_all(f, &d, m);
	double *score = cs_malloc((d.n + 1) * sizeof *score);
	unsigned char *y = cs_malloc(d.n + 1);
	size_t held = 0;
	for (size_t i = 0; i < d.n; i++) {
		if (train[i])
			continue;
		struct cs_risk_result r;
		cs_risk_score(m, &d.c[i]->f, &r);
		score[held] = r.probability;
		y[held++] = d.y[i];
	}
	cs_buf out = CS_BUF_INIT;
	write_eval(f, m, d.n, f->model ? 0 : ntrain, score, y, held, &out);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&out);
	if (m != f->model)
		cs_risk_model_free(m);
	free(score);
	free(y);
	free(train);
	dataset_free(&d);
}

static void counters(void *ctx, cs_stats *st)
{
	cs_risk_fit *f = ctx;
	cs_stats_add(st, "journeys", f->journeys);
	cs_stats_add(st, "customers", f->n);
	cs_stats_add(st, "signals", f->signals);
	cs_stats_add(st, "unlabelled", f->unlabelled);
	cs_stats_add(st, "labels_unused", f->labels_unused);
	cs_stats_add(st, "other_records", f->other_records);
	cs_stats_add(st, "bad_signal_types", f->bad_types);
}

cs_risk_fit *cs_risk_fit_new(const struct cs_common *c, const struct cs_risk_fit_opts *o, int eval,
			     struct cs_engine *engine)
{
	(void)c;
	if (!o->labels)
		cs_usage_error("--labels FILE is required: who churned and who stayed");
	cs_risk_fit *f = cs_calloc(1, sizeof *f);
	f->o = *o;
	f->eval = eval;
	if (eval && o->model) {
		cs_buf err = CS_BUF_INIT;
		f->model = cs_risk_model_open(o->model, &err);
		if (!f->model)
			cs_die(CS_EXIT_CONFIG, "--model %s", err.p);
		cs_buf_free(&err);
	}
	load_labels(o->labels, &f->labels);
	f->nlabels = f->labels.n;
	*engine = (struct cs_engine){.ctx = f, .record = record, .finish = eval ? eval_finish : fit_finish,
				     .counters = counters};
	return f;
}

void cs_risk_fit_free(cs_risk_fit *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->c[i].id);
		cs_risk_features_free(&f->c[i].f);
	}
	free(f->c);
	cs_map_free(&f->labels);
	cs_map_free(&f->index);
	cs_risk_features_free(&f->pending);
	cs_risk_model_free(f->model);
	cs_buf_free(&f->scratch);
	free(f);
}
