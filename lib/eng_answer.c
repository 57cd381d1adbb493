/* eng_answer: the filter and eval (see eng_answer.h). */
#include "eng_answer.h"
#include "eng_answer_gen.h"
#include "eng_answer_kb.h"
#include "eng_answer_search.h"
#include "kit_time.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "svc_analyze.h"
#include "svc_text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_EXPLAIN 64
#define EVAL_DEPTH 10

void cs_answer_opts_init(struct cs_answer_opts *o)
{
	*o = (struct cs_answer_opts){.top = 10, .min_confidence = 0.5, .generate_timeout = 120};
}

void cs_answer_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* An entry's columns as the answer shows them. */
struct shown {
	cs_buf id, title, source, section, version, body, kind;
};

struct cs_answer {
	struct cs_answer_opts o;
	sqlite3 *db;
	kb_searcher *s;
	struct kb_result res;
	sqlite3_stmt *get_entry, *data_version;
	int64_t version;                 /* the knowledge base's data version the searcher read */
	const char *today;
	char today_buf[11];
	struct shown *shown;
	size_t nshown;
	cs_buf question, tmp, out, prompt, generated, gen_err;
	cs_obj msg;
	uint64_t asked, handed_off, generated_ok, generate_failed;
	/* eval */
	double rr_sum, *latency;
	uint64_t hits1, evaluated, handoff_right, handoff_wrong, right;
	size_t nlat, latcap;
};

/* ---- the question of a record ---- */

/* A customer message of this many letters, digits or CJK characters or
 * fewer ("ok", "好的！", "嗯") is a closing, not a question; but two Han
 * characters make a question too (退款, 发票), so a short one in Han is a
 * closing only when it is an acknowledgement. */
#define CLOSING_CHARS 2

static const char *const han_acknowledgements[] = {
	"好", "好的", "好滴", "好嘞", "好吧", "嗯", "嗯嗯", "恩", "恩恩", "哦", "哦哦", "噢", "喔", "行", "行吧", "可以",
	"谢谢", "多谢", "感谢", "谢了", "收到", "明白", "了解", "懂了", "知道", "没事", "对", "对的", "是", "是的",
	"再见", "拜拜", "哈哈", "呵呵", "嘿嘿", NULL,
};

/* The Han characters of s[0..n), at most out_cap - 1 bytes, into out;
 * 0 when s has a letter or digit of another script. */
static int han_only(const char *s, size_t n, char *out, size_t out_cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t at = i;
		uint32_t cp = cs_utf8_next(s, n, &i);
		if (cs_is_han(cp)) {
			if (o + (i - at) >= out_cap)
				return 0;
			memcpy(out + o, s + at, i - at);
			o += i - at;
		} else if (cs_word_chars(s + at, i - at, 1)) {
			return 0;
		}
	}
	out[o] = 0;
	return o > 0;
}

/* Is the message, of CLOSING_CHARS word characters or fewer, a closing? */
static int is_closing(const char *said, size_t n)
{
	char han[16];
	if (!han_only(said, n, han, sizeof han))
		return 1;
	cs_t2s(han, strlen(han));
	for (size_t i = 0; han_acknowledgements[i]; i++)
		if (strcmp(han, han_acknowledgements[i]) == 0)
			return 1;
	return 0;
}

struct latest {
	cs_answer *a;
	cs_jval text;
};

static int note_customer(cs_jval msg, void *ctx)
{
	struct latest *l = ctx;
	cs_jval role = cs_jget(msg, "role"), text = cs_jget(msg, "text");
	const char *who = role.t == CS_J_STRING ? cs_jtext(role, &l->a->tmp) : NULL;
	if (!who || strcmp(who, "customer") != 0 || text.t != CS_J_STRING)
		return 0;
	const char *said = cs_jtext(text, &l->a->tmp);
	if (cs_word_chars(said, l->a->tmp.len, CLOSING_CHARS + 1) > CLOSING_CHARS || !is_closing(said, l->a->tmp.len))
		l->text = text;
	return 0;
}

/* The question: --field, else "question" (or "query"), else the latest customer message. */
static const char *question_of(cs_answer *a, const cs_rec *rec)
{
	cs_jval whole = cs_jval_of(rec->text, rec->len), v = {0};
	if (a->o.field) {
		v = cs_jpath(whole, a->o.field);
	} else {
		v = cs_jmember(&rec->obj, "question");
		if (v.t != CS_J_STRING)
			v = cs_jmember(&rec->obj, "query");
		if (v.t != CS_J_STRING) {
			struct latest l = {a, {0}};
			cs_jeach(cs_jmember(&rec->obj, "messages"), note_customer, &l);
			v = l.text;
		}
	}
	return v.t == CS_J_STRING ? cs_jtext(v, &a->question) : NULL;
}

/* ---- an entry's columns ---- */

static void col_into(sqlite3_stmt *st, int i, cs_buf *b)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	cs_buf_reset(b);
	if (s)
		cs_buf_adds(b, (const char *)s);
	cs_buf_addc(b, 0);
	b->len--;
}

static void load_shown(cs_answer *a, size_t i, int64_t n)
{
	struct shown *e = &a->shown[i];
	cs_buf *const cols[] = {&e->id, &e->title, &e->source, &e->section, &e->version, &e->body, &e->kind};
	sqlite3_bind_int64(a->get_entry, 1, n);
	int row = kb_step(a->get_entry);
	for (int c = 0; c < 7; c++) {
		if (row)
			col_into(a->get_entry, c, cols[c]);
		else
			cs_buf_reset(cols[c]);
	}
	sqlite3_reset(a->get_entry);
}

static void load_hits(cs_answer *a)
{
	if (a->nshown < a->res.nhits) {
		a->shown = cs_realloc(a->shown, a->res.nhits * sizeof *a->shown);
		memset(a->shown + a->nshown, 0, (a->res.nhits - a->nshown) * sizeof *a->shown);
		a->nshown = a->res.nhits;
	}
	for (size_t i = 0; i < a->res.nhits; i++)
		load_shown(a, i, a->res.hits[i].n);
}

/* ---- writing "answer" ---- */

static void put_opt(cs_jw *w, const char *key, const cs_buf *b)
{
	if (!b->len)
		return;
	cs_jw_key(w, key);
	cs_jw_str(w, b->p, b->len);
}

static double rounded(double x)
{
	return round(x * 10000) / 10000;
}

static void put_explain(cs_answer *a, cs_jw *w, const struct kb_hit *h)
{
	struct kb_term_score terms[MAX_EXPLAIN];
	size_t n = kb_explain(a->s, h, terms, MAX_EXPLAIN);
	cs_jw_key(w, "explain");
	cs_jw_object(w);
	cs_jw_key(w, "bm25");
	cs_jw_double(w, rounded(h->bm25));
	cs_jw_key(w, "proximity");
	cs_jw_double(w, rounded(h->proximity));
	cs_jw_key(w, "feedback");
	cs_jw_double(w, rounded(h->feedback));
	cs_jw_key(w, "coverage");
	cs_jw_double(w, rounded(h->coverage));
	cs_jw_key(w, "fuzzy");
	cs_jw_double(w, rounded(h->fuzzy));
	cs_jw_key(w, "words");
	cs_jw_uint(w, h->words);
	cs_jw_key(w, "terms");
	cs_jw_array(w);
	for (size_t i = 0; i < n; i++) {
		cs_jw_object(w);
		cs_jw_key(w, "term");
		cs_jw_cstr(w, terms[i].term);
		cs_jw_key(w, "idf");
		cs_jw_double(w, rounded(terms[i].idf));
		cs_jw_key(w, "score");
		cs_jw_double(w, rounded(terms[i].score));
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
	cs_jw_end_object(w);
}

static void put_sources(cs_answer *a, cs_jw *w)
{
	cs_jw_key(w, "sources");
	cs_jw_array(w);
	for (size_t i = 0; i < a->res.nhits; i++) {
		const struct shown *e = &a->shown[i];
		cs_jw_object(w);
		cs_jw_key(w, "id");
		cs_jw_str(w, e->id.p, e->id.len);
		put_opt(w, "title", &e->title);
		put_opt(w, "source", &e->source);
		put_opt(w, "section", &e->section);
		put_opt(w, "version", &e->version);
		cs_jw_key(w, "score");
		cs_jw_double(w, rounded(a->res.hits[i].score));
		if (a->o.explain)
			put_explain(a, w, &a->res.hits[i]);
		cs_jw_end_object(w);
	}
	cs_jw_end_array(w);
}

static const char *handoff_reason(const cs_answer *a)
{
	if (!a->res.nterms)
		return "no_terms";
	if (!a->res.nhits)
		return "no_match";
	if (a->res.confidence < a->o.min_confidence)
		return "low_confidence";
	return NULL;
}

static void generate(cs_answer *a, const cs_rec *rec, const char *question, cs_jw *w)
{
	struct gen_passage p[16];
	size_t n = a->res.nhits < 16 ? a->res.nhits : 16;
	for (size_t i = 0; i < n; i++)
		p[i] = (struct gen_passage){a->shown[i].id.p, a->shown[i].title.p, a->shown[i].body.p};
	gen_prompt(question, p, n, &a->prompt);
	cs_jw_key(w, "generated");
	cs_jw_object(w);
	if (gen_run(a->o.generate, a->prompt.p, a->prompt.len, a->o.generate_timeout, &a->generated, &a->gen_err) == 0) {
		cs_jw_key(w, "text");
		cs_jw_str(w, a->generated.p, a->generated.len);
		a->generated_ok++;
	} else {
		cs_notice_at(rec->file, rec->line, "--generate: %s", a->gen_err.p);
		cs_jw_key(w, "error");
		cs_jw_str(w, a->gen_err.p, a->gen_err.len);
		a->generate_failed++;
	}
	cs_jw_end_object(w);
}

static void put_answer(cs_answer *a, const cs_rec *rec, const char *question, cs_buf *out)
{
	const char *reason = handoff_reason(a);
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "question");
	cs_jw_cstr(&w, question);
	cs_jw_key(&w, "text");
	if (reason || !a->res.nhits)
		cs_jw_null(&w);
	else
		cs_jw_str(&w, a->shown[0].body.p, a->shown[0].body.len);
	cs_jw_key(&w, "confidence");
	cs_jw_double(&w, rounded(a->res.confidence));
	cs_jw_key(&w, "handoff");
	cs_jw_bool(&w, reason != NULL);
	if (reason) {
		cs_jw_key(&w, "reason");
		cs_jw_cstr(&w, reason);
	}
	put_sources(a, &w);
	if (a->o.generate && !reason)
		generate(a, rec, question, &w);
	cs_jw_end_object(&w);
	a->handed_off += reason != NULL;
}

static int64_t data_version(cs_answer *a)
{
	int64_t v = -1;
	if (kb_step(a->data_version))
		v = sqlite3_column_int64(a->data_version, 0);
	sqlite3_reset(a->data_version);
	return v;
}

static void open_searcher(cs_answer *a)
{
	cs_buf err = CS_BUF_INIT;
	struct kb_params p;
	kb_params_init(&p);
	kb_searcher_free(a->s);
	a->version = data_version(a);
	a->s = kb_searcher_new(a->db, a->today, &p, &err);
	if (!a->s)
		cs_die(CS_EXIT_IO, "%s: %s", a->o.kb, err.p);
	cs_buf_free(&err);
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_answer *a = ctx;
	const char *q = question_of(a, rec);
	if (!q) {
		cs_run_write_line(run, rec->text, rec->len);
		return CS_REC_OK;
	}
	if (data_version(a) != a->version)   /* a build or feedback run committed: read it again */
		open_searcher(a);
	a->asked++;
	kb_search(a->s, q, strlen(q), a->o.top, &a->res);
	load_hits(a);
	put_answer(a, rec, q, &a->out);
	cs_run_write_field(run, rec, "answer", a->out.p, a->out.len);
	return CS_REC_OK;
}

static void counters(void *ctx, cs_stats *st)
{
	cs_answer *a = ctx;
	cs_stats_add(st, "questions", a->asked);
	cs_stats_add(st, "handed_off", a->handed_off);
	if (a->o.generate) {
		cs_stats_add(st, "generated", a->generated_ok);
		cs_stats_add(st, "generate_failed", a->generate_failed);
	}
}

/* ---- eval ---- */

static double now_ms(void) { return cs_monotonic_s() * 1e3; }

/* The member that names the expected entry: --expect-field, else the
 * first of the usual keys the record has; its key in *key. */
static cs_jval expected_member(const cs_answer *a, const cs_rec *rec, const char **key)
{
	static const char *const keys[] = {"faq_id", "expected", "expected_id", "id", NULL};
	cs_jval v = {0};
	*key = a->o.expect_field;
	if (a->o.expect_field)
		v = cs_jmember(&rec->obj, a->o.expect_field);
	for (size_t i = 0; !a->o.expect_field && keys[i] && v.t == CS_J_NONE; i++)
		v = cs_jmember(&rec->obj, *key = keys[i]);
	return v;
}

static void note_latency(cs_answer *a, double ms)
{
	if (a->nlat == a->latcap) {
		a->latcap = a->latcap ? 2 * a->latcap : 1024;
		a->latency = cs_realloc(a->latency, a->latcap * sizeof *a->latency);
	}
	a->latency[a->nlat++] = ms;
}

static int eval_record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_answer *a = ctx;
	(void)run;
	const char *q = question_of(a, rec);
	if (!q) {
		cs_rec_bad(rec, "no question: give \"question\" or \"query\" (or --field)");
		return CS_REC_BAD;
	}
	const char *key;
	cs_jval expected = expected_member(a, rec, &key);
	if (cs_jholds_nul(expected)) {
		cs_rec_bad(rec, "\"%s\" " CS_ID_NUL, key);
		return CS_REC_BAD;
	}
	const char *text = expected.t == CS_J_STRING || expected.t == CS_J_NUMBER ? cs_jtext(expected, &a->tmp) : NULL;
	char *want = cs_strdup(text ? text : "");
	if (!*want) {
		free(want);
		cs_rec_bad(rec, "no expected entry: give \"faq_id\" or \"expected\" (or --expect-field)");
		return CS_REC_BAD;
	}
	double t0 = now_ms();
	kb_search(a->s, q, strlen(q), EVAL_DEPTH, &a->res);
	load_hits(a);
	note_latency(a, now_ms() - t0);
	size_t rank = 0;
	for (size_t i = 0; i < a->res.nhits && !rank; i++)
		if (strcmp(a->shown[i].id.p, want) == 0)
			rank = i + 1;
	a->evaluated++;
	a->hits1 += rank == 1;
	a->rr_sum += rank ? 1.0 / (double)rank : 0;
	int handoff = handoff_reason(a) != NULL;
	a->handoff_right += handoff && rank == 1;
	a->handoff_wrong += handoff && rank != 1;
	a->right += rank == 1;
	free(want);
	return CS_REC_OK;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

static double percentile(const double *v, size_t n, double p)
{
	if (!n)
		return 0;
	size_t i = (size_t)ceil(p * (double)n) - 1;
	return v[i < n ? i : n - 1];
}

static void put_ratio(cs_jw *w, const char *key, uint64_t num, uint64_t den)
{
	cs_jw_key(w, key);
	cs_jw_double(w, den ? rounded((double)num / (double)den) : 0);
}

static void eval_finish(void *ctx, cs_run *run)
{
	cs_answer *a = ctx;
	cs_buf out = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "answer_eval");
	cs_jw_key(&w, "questions");
	cs_jw_uint(&w, a->evaluated);
	put_ratio(&w, "hit@1", a->hits1, a->evaluated);
	cs_jw_key(&w, "mrr@10");
	cs_jw_double(&w, a->evaluated ? rounded(a->rr_sum / (double)a->evaluated) : 0);
	put_ratio(&w, "handoff", a->handoff_right + a->handoff_wrong, a->evaluated);
	put_ratio(&w, "handoff_when_right", a->handoff_right, a->right);
	put_ratio(&w, "handoff_when_wrong", a->handoff_wrong, a->evaluated - a->right);
	cs_jw_key(&w, "min_confidence");
	cs_jw_double(&w, a->o.min_confidence);
	if (a->o.latency) {
		qsort(a->latency, a->nlat, sizeof *a->latency, cmp_double);
		cs_jw_key(&w, "latency_ms");
		cs_jw_object(&w);
		cs_jw_key(&w, "median");
		cs_jw_double(&w, rounded(percentile(a->latency, a->nlat, 0.5)));
		cs_jw_key(&w, "p99");
		cs_jw_double(&w, rounded(percentile(a->latency, a->nlat, 0.99)));
		cs_jw_end_object(&w);
	}
	cs_jw_end_object(&w);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&out);
}

/* ---- setting up ---- */

cs_answer *cs_answer_new(const struct cs_common *c, const struct cs_answer_opts *o, struct cs_engine *engine)
{
	cs_answer *a = cs_calloc(1, sizeof *a);
	cs_buf err = CS_BUF_INIT;
	int status;
	(void)c;
	a->o = *o;
	a->db = kb_open(o->kb, 0, &err, &status);
	if (!a->db)
		cs_die(status, "%s", err.p);
	kb_check_reading(a->db, o->kb);
	if (!o->today)
		cs_answer_today(a->today_buf);
	a->today = o->today ? o->today : a->today_buf;
	if (sqlite3_prepare_v2(a->db, "SELECT id, title, source, section, version, body, kind FROM entry WHERE n = ?",
			       -1, &a->get_entry, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(a->db, "PRAGMA data_version", -1, &a->data_version, NULL) != SQLITE_OK)
		cs_die(CS_EXIT_IO, "%s: %s", o->kb, sqlite3_errmsg(a->db));
	open_searcher(a);
	cs_buf_free(&err);
	if (o->eval)
		*engine = (struct cs_engine){.ctx = a, .record = eval_record, .finish = eval_finish};
	else
		*engine = (struct cs_engine){.ctx = a, .record = record, .counters = counters};
	return a;
}

void cs_answer_free(cs_answer *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nshown; i++) {
		struct shown *e = &a->shown[i];
		cs_buf *const cols[] = {&e->id, &e->title, &e->source, &e->section, &e->version, &e->body, &e->kind};
		for (int c = 0; c < 7; c++)
			cs_buf_free(cols[c]);
	}
	free(a->shown);
	kb_result_free(&a->res);
	sqlite3_finalize(a->get_entry);
	sqlite3_finalize(a->data_version);
	kb_searcher_free(a->s);
	kb_close(a->db);
	cs_buf *const bufs[] = {&a->question, &a->tmp, &a->out, &a->prompt, &a->generated, &a->gen_err};
	for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
		cs_buf_free(bufs[i]);
	free(a->latency);
	free(a);
}
