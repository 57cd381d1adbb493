/* eng_answer_search: BM25F, proximity and feedback (see eng_answer_search.h). */
#include "eng_answer_search.h"
#include "kit_jval.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "svc_analyze.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_QTERMS 256
#define MAX_ORIG 64          /* the question's own terms: one bit each in matched */
#define POS_GAP 1000        /* between the strings of one field: never near each other */
#define PROX_WINDOW 8

/* Tuned on the StackFAQ queries split A (bench/answer-eval.sh). */
void kb_params_init(struct kb_params *p)
{
	*p = (struct kb_params){.k1 = 1.0, .b = {0.5, 0.5, 0.75, 0.5}, .w = {1.5, 3.0, 0.5, 0.1}, .proximity = 0.5,
				.synonym = 0.8, .candidates = 20};
}

struct kdoc {
	int64_t n;
	double norm[KB_NFIELDS];  /* BM25F's length normalization of each field, 1 - b + b * len / avg */
	float prior;            /* feedback on the entry over all questions */
	unsigned char valid;    /* inside its effective dates */
};

struct qterm {
	size_t at, len;         /* in qtext */
	double weight, idf;
	int kind;               /* Q_OWN, Q_SYNONYM, Q_GRAM */
};

enum { Q_OWN, Q_SYNONYM, Q_GRAM };

struct kb_searcher {
	sqlite3 *db;
	struct kb_params p;
	cs_analyzer *an;
	cs_synonyms *syn;
	struct kdoc *docs;
	size_t ndocs;
	uint32_t *dense;        /* entry number -> index + 1 */
	int64_t max_n;
	double avg[KB_NFIELDS], N;
	float *acc;
	uint64_t *matched;      /* per entry: the question's own and synonym terms it holds, a bit each */
	float *fuzzy;           /* per entry: the IDF of the question's grams it holds */
	uint32_t *stamp, qid, *touched;
	size_t ntouched;
	sqlite3_stmt *get_post, *get_text, *get_fb;
	struct qterm q[MAX_QTERMS];
	size_t nq, norig;
	cs_buf qtext, tmp;
	/* proximity: positions of each query term in the field being read */
	uint32_t *pos[MAX_QTERMS];
	size_t npos[MAX_QTERMS], poscap[MAX_QTERMS];
	uint32_t pos_base;
};

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, cs_buf *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		cs_buf_printf(err, "%s", sqlite3_errmsg(db));
	return st;
}

static double meta_num(sqlite3 *db, const char *key)
{
	cs_buf v = CS_BUF_INIT;
	const char *s = kb_meta(db, key, &v);
	double x = s ? strtod(s, NULL) : 0;
	cs_buf_free(&v);
	return x;
}

/* Is today inside [from, until]? Dates compare as text (ISO 8601). */
static int in_dates(const unsigned char *from, const unsigned char *until, const char *today)
{
	size_t n = strlen(today);
	if (from && *from && strncmp((const char *)from, today, n) > 0)
		return 0;
	if (until && *until && strncmp((const char *)until, today, n) < 0)
		return 0;
	return 1;
}

static int load_docs(kb_searcher *s, const char *today, cs_buf *err)
{
	sqlite3_stmt *st = prepare(s->db, "SELECT n, len_title, len_question, len_body, len_grams, effective_from,"
					  " effective_until FROM entry ORDER BY n", err);
	if (!st)
		return -1;
	size_t cap = 0;
	while (kb_step(st)) {
		if (s->ndocs == cap) {
			cap = cap ? 2 * cap : 1024;
			s->docs = cs_realloc(s->docs, cap * sizeof *s->docs);
		}
		struct kdoc *d = &s->docs[s->ndocs++];
		d->n = sqlite3_column_int64(st, 0);
		for (int f = 0; f < KB_NFIELDS; f++)   /* the length, till the averages are known (set_norms) */
			d->norm[f] = (float)sqlite3_column_double(st, 1 + f);
		d->prior = 1;
		const unsigned char *from = sqlite3_column_text(st, 1 + KB_NFIELDS);
		d->valid = (unsigned char)in_dates(from, sqlite3_column_text(st, 2 + KB_NFIELDS), today);
		s->max_n = d->n;
	}
	sqlite3_finalize(st);
	s->dense = cs_calloc((size_t)s->max_n + 1, sizeof *s->dense);
	for (size_t i = 0; i < s->ndocs; i++)
		s->dense[s->docs[i].n] = (uint32_t)i + 1;
	return 0;
}

static struct kdoc *doc_of(kb_searcher *s, int64_t n)
{
	if (n < 1 || n > s->max_n || !s->dense[n])
		return NULL;
	return &s->docs[s->dense[n] - 1];
}

/* Entries with more unhelpful than helpful votes, over all questions, rank lower. */
static void load_priors(kb_searcher *s, cs_buf *err)
{
	sqlite3_stmt *st = prepare(s->db, "SELECT e.n, total(f.helpful), total(f.unhelpful) FROM feedback f"
					  " JOIN entry e ON e.id = f.entry_id GROUP BY e.n", err);
	while (st && kb_step(st)) {
		struct kdoc *d = doc_of(s, sqlite3_column_int64(st, 0));
		double net = sqlite3_column_double(st, 2) - sqlite3_column_double(st, 1);
		if (d && net > 0)
			d->prior = (float)(1 / (1 + 0.1 * net));
	}
	sqlite3_finalize(st);
}

static void load_synonyms(kb_searcher *s)
{
	cs_buf text = CS_BUF_INIT, err = CS_BUF_INIT;
	if (kb_meta(s->db, "synonyms", &text))
		s->syn = cs_synonyms_parse(s->an, text.p, text.len, &err);
	cs_buf_free(&text);
	cs_buf_free(&err);
}

/* Each entry's length normalization, worked out once instead of for every
 * posting (the same arithmetic, so the same scores). */
static void set_norms(kb_searcher *s)
{
	for (size_t i = 0; i < s->ndocs; i++)
		for (int f = 0; f < KB_NFIELDS; f++) {
			float len = (float)s->docs[i].norm[f];
			s->docs[i].norm[f] = 1 - s->p.b[f] + s->p.b[f] * len / s->avg[f];
		}
}

kb_searcher *kb_searcher_new(sqlite3 *db, const char *today, const struct kb_params *p, cs_buf *err)
{
	kb_searcher *s = cs_calloc(1, sizeof *s);
	s->db = db;
	s->p = *p;
	s->an = cs_analyzer_new();
	cs_buf_reset(err);
	s->get_post = prepare(db, "SELECT df, postings FROM term WHERE term = ?", err);
	s->get_text = prepare(db, "SELECT title, section, kind, questions, body FROM entry WHERE n = ?", err);
	s->get_fb = prepare(db, "SELECT e.n, f.helpful, f.unhelpful FROM feedback f JOIN entry e ON e.id = f.entry_id"
				" WHERE f.qkey = ?", err);
	if (err->len || load_docs(s, today, err) != 0) {
		kb_searcher_free(s);
		return NULL;
	}
	load_priors(s, err);
	load_synonyms(s);
	s->N = meta_num(db, "entries");
	static const char *const len_keys[] = {"len_title", "len_question", "len_body", "len_grams"};
	for (int f = 0; f < KB_NFIELDS; f++)
		s->avg[f] = s->N > 0 ? fmax(meta_num(db, len_keys[f]) / s->N, 1e-9) : 1;
	set_norms(s);
	size_t nd = s->ndocs ? s->ndocs : 1;
	s->acc = cs_calloc(nd, sizeof *s->acc);
	s->matched = cs_calloc(nd, sizeof *s->matched);
	s->fuzzy = cs_calloc(nd, sizeof *s->fuzzy);
	s->stamp = cs_calloc(nd, sizeof *s->stamp);
	s->touched = cs_malloc(nd * sizeof *s->touched);
	cs_buf_reset(err);
	return s;
}

void kb_searcher_free(kb_searcher *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->get_post);
	sqlite3_finalize(s->get_text);
	sqlite3_finalize(s->get_fb);
	cs_synonyms_free(s->syn);
	cs_analyzer_free(s->an);
	free(s->docs);
	free(s->dense);
	free(s->acc);
	free(s->matched);
	free(s->fuzzy);
	free(s->stamp);
	free(s->touched);
	for (size_t i = 0; i < MAX_QTERMS; i++)
		free(s->pos[i]);
	cs_buf_free(&s->qtext);
	cs_buf_free(&s->tmp);
	free(s);
}

void kb_result_free(struct kb_result *r)
{
	free(r->hits);
	cs_buf_free(&r->qkey);
	*r = (struct kb_result){0};
}

/* ---- the query's terms ---- */

static const char *qterm_text(const kb_searcher *s, size_t i)
{
	return s->qtext.p + s->q[i].at;
}

static long find_qterm(const kb_searcher *s, const char *t, size_t n)
{
	for (size_t i = 0; i < s->nq; i++)
		if (s->q[i].len == n && memcmp(qterm_text(s, i), t, n) == 0)
			return (long)i;
	return -1;
}

static void add_qterm(kb_searcher *s, const char *t, size_t n, double weight, int kind)
{
	if (s->nq == MAX_QTERMS || find_qterm(s, t, n) >= 0)
		return;
	s->q[s->nq] = (struct qterm){s->qtext.len, n, weight, 0, kind};
	cs_buf_add(&s->qtext, t, n);
	cs_buf_addc(&s->qtext, 0);
	s->nq++;
}

static int query_token(const cs_token *t, void *ctx)
{
	kb_searcher *s = ctx;
	if (s->nq < MAX_ORIG)
		add_qterm(s, t->term, t->len, 1, Q_OWN);
	return 0;
}

static void add_gram(const char *gram, size_t n, void *ctx)
{
	kb_searcher *s = ctx;
	add_qterm(s, gram, n, 1, Q_GRAM);
}

/* The grams of the question's own terms, as expansion terms. */
static void add_grams(kb_searcher *s)
{
	if (s->p.w[KB_GRAMS] <= 0)
		return;
	for (size_t i = 0; i < s->norig; i++)
		kb_grams(qterm_text(s, i), s->q[i].len, add_gram, s);
}

static void add_synonym(const char *term, size_t len, void *ctx)
{
	kb_searcher *s = ctx;
	if (s->nq < MAX_ORIG)
		add_qterm(s, term, len, s->p.synonym, Q_SYNONYM);
}

static void expand(kb_searcher *s)
{
	const char *terms[MAX_QTERMS];
	size_t lens[MAX_QTERMS], n = s->nq;
	for (size_t i = 0; i < n; i++) {
		terms[i] = qterm_text(s, i);
		lens[i] = s->q[i].len;
	}
	cs_synonyms_expand(s->syn, terms, lens, n, add_synonym, s);
}

/* The question's terms into s->q, in order of first appearance. The
 * synonyms match on the terms in order (stop words dropped). */
static void read_question(kb_searcher *s, const char *text, size_t len)
{
	s->nq = 0;
	cs_buf_reset(&s->qtext);
	cs_analyze(s->an, text, len, query_token, s);
	s->norig = s->nq;
	expand(s);
	add_grams(s);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void key_of_terms(kb_searcher *s, cs_buf *out)
{
	const char *sorted[MAX_QTERMS];
	for (size_t i = 0; i < s->norig; i++)
		sorted[i] = qterm_text(s, i);
	qsort(sorted, s->norig, sizeof *sorted, cmp_str);
	cs_buf_reset(out);
	for (size_t i = 0; i < s->norig; i++) {
		if (i)
			cs_buf_addc(out, ' ');
		cs_buf_adds(out, sorted[i]);
	}
	cs_buf_addc(out, 0);
	out->len--;
}

void kb_question_key(kb_searcher *s, const char *question, size_t len, cs_buf *out)
{
	read_question(s, question, len);
	key_of_terms(s, out);
}

/* ---- BM25F over the postings ---- */

static double idf_of(const kb_searcher *s, double df)
{
	return log(1 + (s->N - df + 0.5) / (df + 0.5));
}

static double term_freq(const kb_searcher *s, const struct kdoc *d, const uint32_t *tf)
{
	double x = 0;
	for (int f = 0; f < KB_NFIELDS; f++)
		if (tf[f])
			x += s->p.w[f] * tf[f] / d->norm[f];
	return x;
}

static void touch(kb_searcher *s, uint32_t i)
{
	if (s->stamp[i] == s->qid)
		return;
	s->stamp[i] = s->qid;
	s->acc[i] = 0;
	s->matched[i] = 0;
	s->fuzzy[i] = 0;
	s->touched[s->ntouched++] = i;
}

static void score_term(kb_searcher *s, size_t t)
{
	struct qterm *q = &s->q[t];
	sqlite3_bind_text(s->get_post, 1, qterm_text(s, t), (int)q->len, SQLITE_STATIC);
	if (kb_step(s->get_post)) {
		q->idf = idf_of(s, sqlite3_column_double(s->get_post, 0));
		const unsigned char *blob = sqlite3_column_blob(s->get_post, 1);
		size_t len = (size_t)sqlite3_column_bytes(s->get_post, 1), at = 0;
		struct kb_posting p;
		int64_t prev = 0;
		while (kb_posting_next(blob, len, &at, prev, &p) > 0) {
			prev = p.n;
			struct kdoc *d = doc_of(s, p.n);
			if (!d)
				continue;
			uint32_t i = (uint32_t)(d - s->docs);
			double x = term_freq(s, d, p.tf);
			touch(s, i);
			s->acc[i] += (float)(q->weight * q->idf * x / (s->p.k1 + x));
			if (q->kind == Q_GRAM)
				s->fuzzy[i] += (float)q->idf;
			else
				s->matched[i] |= 1ull << t;
		}
	} else {
		q->idf = idf_of(s, 0);
	}
	sqlite3_reset(s->get_post);
}

/* ---- the best candidates ---- */

static void sift_down(uint32_t *heap, size_t n, const float *acc, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && acc[heap[l]] < acc[heap[m]])
			m = l;
		if (l + 1 < n && acc[heap[l + 1]] < acc[heap[m]])
			m = l + 1;
		if (m == i)
			return;
		uint32_t t = heap[i];
		heap[i] = heap[m];
		heap[m] = t;
		i = m;
	}
}

/* The best max touched entries (valid ones) into heap; returns how many. */
static size_t best_candidates(kb_searcher *s, uint32_t *heap, size_t max)
{
	size_t n = 0;
	for (size_t k = 0; k < s->ntouched; k++) {
		uint32_t i = s->touched[k];
		if (!s->docs[i].valid)
			continue;
		if (n < max) {
			heap[n++] = i;
			if (n == max)
				for (size_t j = max / 2 + 1; j-- > 0;)
					sift_down(heap, n, s->acc, j);
		} else if (s->acc[i] > s->acc[heap[0]]) {
			heap[0] = i;
			sift_down(heap, n, s->acc, 0);
		}
	}
	return n;
}

/* ---- proximity ---- */

static int note_pos(const cs_token *t, void *ctx)
{
	kb_searcher *s = ctx;
	long q = find_qterm(s, t->term, t->len);
	if (q < 0 || (size_t)q >= s->norig)
		return 0;
	if (s->npos[q] == s->poscap[q]) {
		s->poscap[q] = s->poscap[q] ? 2 * s->poscap[q] : 16;
		s->pos[q] = cs_realloc(s->pos[q], s->poscap[q] * sizeof *s->pos[q]);
	}
	s->pos[q][s->npos[q]++] = s->pos_base + t->pos;
	return 0;
}

static void positions_of(kb_searcher *s, const unsigned char *text)
{
	if (!text)
		return;
	cs_analyze(s->an, (const char *)text, strlen((const char *)text), note_pos, s);
	s->pos_base += POS_GAP;
}

static int positions_item(cs_jval item, void *ctx)
{
	kb_searcher *s = ctx;
	const char *t = item.t == CS_J_STRING ? cs_jtext(item, &s->tmp) : NULL;
	if (t)
		positions_of(s, (const unsigned char *)t);
	return 0;
}

static uint32_t min_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	uint32_t best = UINT32_MAX;
	size_t i = 0, j = 0;
	while (i < na && j < nb) {
		uint32_t d = a[i] > b[j] ? a[i] - b[j] : b[j] - a[i];
		if (d < best)
			best = d;
		if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return best;
}

/* Pairs of the question's terms close together in the positions read. */
static double pair_score(kb_searcher *s)
{
	double x = 0;
	for (size_t i = 0; i < s->norig; i++)
		for (size_t j = i + 1; j < s->norig && s->npos[i]; j++) {
			if (!s->npos[j])
				continue;
			uint32_t d = min_distance(s->pos[i], s->npos[i], s->pos[j], s->npos[j]);
			if (d <= PROX_WINDOW)
				x += fmin(s->q[i].idf, s->q[j].idf) / d;
		}
	return x;
}

static void clear_positions(kb_searcher *s)
{
	memset(s->npos, 0, sizeof s->npos);
	s->pos_base = 0;
}

/* The proximity of the question's terms in entry n, over its fields. */
static double proximity(kb_searcher *s, int64_t n)
{
	double x = 0;
	sqlite3_bind_int64(s->get_text, 1, n);
	if (kb_step(s->get_text)) {
		const unsigned char *kind = sqlite3_column_text(s->get_text, 2);
		clear_positions(s);
		if (!kind || strcmp((const char *)kind, "faq") != 0)   /* an FAQ's title is its question */
			positions_of(s, sqlite3_column_text(s->get_text, 0));
		positions_of(s, sqlite3_column_text(s->get_text, 1));
		x += s->p.w[KB_TITLE] * pair_score(s);
		clear_positions(s);
		const unsigned char *qs = sqlite3_column_text(s->get_text, 3);
		if (qs)
			cs_jeach(cs_jval_of((const char *)qs, strlen((const char *)qs)), positions_item, s);
		x += s->p.w[KB_QUESTION] * pair_score(s);
		clear_positions(s);
		positions_of(s, sqlite3_column_text(s->get_text, 4));
		x += s->p.w[KB_BODY] * pair_score(s);
	}
	sqlite3_reset(s->get_text);
	return x;
}

/* ---- feedback ---- */

static double feedback_factor(double helpful, double unhelpful)
{
	double net = helpful - unhelpful;
	if (net < 0)
		return pow(0.3, -net);
	return 1 + 0.5 * fmin(net, 4);
}

static void apply_feedback(kb_searcher *s, struct kb_result *r)
{
	if (!r->qkey.len)
		return;
	sqlite3_bind_text(s->get_fb, 1, r->qkey.p, (int)r->qkey.len, SQLITE_STATIC);
	while (kb_step(s->get_fb)) {
		int64_t n = sqlite3_column_int64(s->get_fb, 0);
		for (size_t i = 0; i < r->nhits; i++)
			if (r->hits[i].n == n)
				r->hits[i].feedback *= feedback_factor(sqlite3_column_double(s->get_fb, 1),
									sqlite3_column_double(s->get_fb, 2));
	}
	sqlite3_reset(s->get_fb);
}

/* ---- the search ---- */

static int cmp_hit(const void *a, const void *b)
{
	const struct kb_hit *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (x->n > y->n) - (x->n < y->n);
}

/* The share of the question's IDF an entry holds: its own terms, and the
 * synonyms added for them (one found counts as the term), at most 1. */
static double coverage(const kb_searcher *s, uint64_t matched)
{
	double all = 0, got = 0;
	for (size_t t = 0; t < s->nq; t++) {
		if (s->q[t].kind == Q_OWN)
			all += s->q[t].idf;
		if (s->q[t].kind != Q_GRAM && (matched & (1ull << t)))
			got += s->q[t].idf;
	}
	return all > 0 ? fmin(1, got / all) : 0;
}

/* The same over the grams: how much of the question's spelling it shares. */
static double fuzzy_coverage(const kb_searcher *s, float fuzzy)
{
	double all = 0;
	for (size_t t = 0; t < s->nq; t++)
		if (s->q[t].kind == Q_GRAM)
			all += s->q[t].idf;
	return all > 0 ? fmin(1, fuzzy / all) : 0;
}

static unsigned count_bits(uint64_t bits)
{
	unsigned n = 0;
	for (; bits; bits &= bits - 1)
		n++;
	return n;
}

/* How sure the best answer is: the probability that it is right, from how
 * many of the question's words it holds, the share of the question's
 * character grams it holds and its margin over the next, by a logistic
 * regression fitted by bench/answer-fit.py on StackFAQ split A, with
 * CLINC150's training questions (none of which StackFAQ answers) as wrong
 * answers. The words are what keep a question the knowledge base does not
 * cover from riding on the margin: a lone hit has margin 1, even on a gram
 * of one word ("coin" in "join"). bench/answer-eval.sh measures split B
 * and CLINC150's validation questions. */
#define CONF_BIAS (-8.739)
#define CONF_MARGIN 4.368
#define CONF_FUZZY 4.685
#define CONF_WORDS 4.502
static double confidence_of(const struct kb_result *r)
{
	if (!r->nhits)
		return 0;
	const struct kb_hit *best = &r->hits[0];
	double s1 = best->score, s2 = r->nhits > 1 ? r->hits[1].score : 0;
	double margin = s1 > 0 ? (s1 - s2) / s1 : 0;
	double z = CONF_BIAS + CONF_MARGIN * margin + CONF_FUZZY * best->fuzzy + CONF_WORDS * log1p(best->words);
	return 1 / (1 + exp(-z));
}

static void rerank(kb_searcher *s, struct kb_result *r, const uint32_t *cand, size_t ncand)
{
	r->nhits = 0;
	if (r->cap < ncand) {
		r->cap = ncand;
		r->hits = cs_realloc(r->hits, r->cap * sizeof *r->hits);
	}
	for (size_t k = 0; k < ncand; k++) {
		const struct kdoc *d = &s->docs[cand[k]];
		struct kb_hit *h = &r->hits[r->nhits++];
		*h = (struct kb_hit){.n = d->n, .bm25 = s->acc[cand[k]], .feedback = d->prior,
				     .coverage = coverage(s, s->matched[cand[k]]),
				     .fuzzy = fuzzy_coverage(s, s->fuzzy[cand[k]]),
				     .words = count_bits(s->matched[cand[k]])};
		h->proximity = s->p.proximity > 0 && s->norig > 1 ? s->p.proximity * proximity(s, d->n) : 0;
	}
	apply_feedback(s, r);
	for (size_t k = 0; k < r->nhits; k++)
		r->hits[k].score = (r->hits[k].bm25 + r->hits[k].proximity) * r->hits[k].feedback;
	if (r->nhits)
		qsort(r->hits, r->nhits, sizeof *r->hits, cmp_hit);
}

int kb_search(kb_searcher *s, const char *question, size_t len, size_t k, struct kb_result *r)
{
	read_question(s, question, len);
	key_of_terms(s, &r->qkey);
	r->nterms = s->norig;
	r->nhits = 0;
	r->confidence = 0;
	if (!s->nq || !s->ndocs)
		return 0;
	if (++s->qid == 0) {
		memset(s->stamp, 0, s->ndocs * sizeof *s->stamp);
		s->qid = 1;
	}
	s->ntouched = 0;
	for (size_t t = 0; t < s->nq; t++)
		score_term(s, t);
	size_t want = s->p.candidates > k ? s->p.candidates : k;
	uint32_t *cand = cs_malloc(want * sizeof *cand);
	size_t ncand = best_candidates(s, cand, want);
	rerank(s, r, cand, ncand);
	free(cand);
	r->confidence = confidence_of(r);
	if (r->nhits > k)
		r->nhits = k;
	return 0;
}

/* ---- explaining ---- */

static double term_score_in(kb_searcher *s, size_t t, int64_t n)
{
	double x = 0;
	struct kdoc *d = doc_of(s, n);
	sqlite3_bind_text(s->get_post, 1, qterm_text(s, t), (int)s->q[t].len, SQLITE_STATIC);
	if (d && kb_step(s->get_post)) {
		const unsigned char *blob = sqlite3_column_blob(s->get_post, 1);
		size_t len = (size_t)sqlite3_column_bytes(s->get_post, 1), at = 0;
		struct kb_posting p;
		int64_t prev = 0;
		while (kb_posting_next(blob, len, &at, prev, &p) > 0 && p.n <= n) {
			prev = p.n;
			if (p.n == n) {
				double f = term_freq(s, d, p.tf);
				x = s->q[t].weight * s->q[t].idf * f / (s->p.k1 + f);
			}
		}
	}
	sqlite3_reset(s->get_post);
	return x;
}

size_t kb_explain(kb_searcher *s, const struct kb_hit *hit, struct kb_term_score *terms, size_t max)
{
	size_t n = 0;
	for (size_t t = 0; t < s->nq && n < max; t++)
		if (s->q[t].kind != Q_GRAM)   /* the grams are summed up in the hit's fuzzy coverage */
			terms[n++] = (struct kb_term_score){qterm_text(s, t), s->q[t].idf, term_score_in(s, t, hit->n)};
	return n;
}
