/* eng_answer_fb: feedback and review (see eng_answer_fb.h). */
#include "eng_answer_fb.h"
#include "eng_answer.h"
#include "eng_answer_kb.h"
#include "eng_answer_search.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct cs_feedback {
	struct cs_feedback_opts o;
	sqlite3 *db;
	kb_searcher *s;
	kb_indexer *ix;
	sqlite3_stmt *has_entry, *vote, *learn;
	char **refresh;              /* ids whose learned phrasings changed */
	size_t nrefresh;
	cs_map to_refresh;
	cs_buf question, id, qkey;
	uint64_t helpful, unhelpful, learned;
};

/* 1 helpful, 0 not, -1 no vote: "helpful": true/false, or "vote": "up"/"down". */
static int vote_of(const cs_rec *rec, cs_buf *tmp)
{
	cs_jval h = cs_jmember(&rec->obj, "helpful");
	if (h.t == CS_J_TRUE || h.t == CS_J_FALSE)
		return h.t == CS_J_TRUE;
	const char *v = cs_jtext(cs_jmember(&rec->obj, "vote"), tmp);
	if (v && strcmp(v, "up") == 0)
		return 1;
	if (v && strcmp(v, "down") == 0)
		return 0;
	return -1;
}

static int entry_exists(cs_feedback *f, const char *id)
{
	sqlite3_bind_text(f->has_entry, 1, id, -1, SQLITE_STATIC);
	int found = sqlite3_step(f->has_entry) == SQLITE_ROW;
	sqlite3_reset(f->has_entry);
	return found;
}

static void db_check(cs_feedback *f, int rc)
{
	if (rc != SQLITE_DONE)
		cs_die(CS_EXIT_IO, "%s: %s", f->o.kb, sqlite3_errmsg(f->db));
}

static void note_refresh(cs_feedback *f, const char *id)
{
	if (cs_map_get(&f->to_refresh, id, strlen(id)))
		return;
	cs_map_put(&f->to_refresh, id, strlen(id), (void *)1);
	f->refresh = cs_realloc(f->refresh, (f->nrefresh + 1) * sizeof *f->refresh);
	f->refresh[f->nrefresh++] = cs_strdup(id);
}

static void store_vote(cs_feedback *f, const char *id, const char *question, int helpful)
{
	sqlite3_bind_text(f->vote, 1, f->qkey.p, (int)f->qkey.len, SQLITE_STATIC);
	sqlite3_bind_text(f->vote, 2, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->vote, 3, question, -1, SQLITE_STATIC);
	sqlite3_bind_int(f->vote, 4, helpful);
	sqlite3_bind_int(f->vote, 5, !helpful);
	int rc = sqlite3_step(f->vote);
	sqlite3_reset(f->vote);
	db_check(f, rc);
	if (!helpful)
		return;
	sqlite3_bind_text(f->learn, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(f->learn, 2, question, -1, SQLITE_STATIC);
	rc = sqlite3_step(f->learn);
	sqlite3_reset(f->learn);
	db_check(f, rc);
	if (sqlite3_changes(f->db) > 0) {
		f->learned++;
		note_refresh(f, id);
	}
}

static const char *const question_keys[] = {"question", "query", NULL};
static const char *const id_keys[] = {"id", "entry_id", "source", "faq_id", NULL};

static int feedback_record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_feedback *f = ctx;
	(void)run;
	if (cs_rec_ids_check(rec, id_keys) != CS_REC_OK)
		return CS_REC_BAD;
	const char *q = cs_jtext(cs_jfirst(&rec->obj, question_keys), &f->question);
	const char *id = cs_jtext(cs_jfirst(&rec->obj, id_keys), &f->id);
	int helpful = vote_of(rec, &f->qkey);
	if (!q || !*q || !id || !*id || helpful < 0) {
		cs_rec_bad(rec, "a vote needs \"question\", \"id\" (the entry) and \"helpful\" (true or false)");
		return CS_REC_BAD;
	}
	if (!entry_exists(f, id)) {
		cs_rec_bad(rec, "no entry '%s' in %s", id, f->o.kb);
		return CS_REC_BAD;
	}
	kb_question_key(f->s, q, strlen(q), &f->qkey);
	if (!f->qkey.len) {
		cs_rec_bad(rec, "the question has no words to search by");
		return CS_REC_BAD;
	}
	store_vote(f, id, q, helpful);
	if (helpful)
		f->helpful++;
	else
		f->unhelpful++;
	return CS_REC_OK;
}

static void feedback_finish(void *ctx, cs_run *run)
{
	cs_feedback *f = ctx;
	cs_buf err = CS_BUF_INIT, out = CS_BUF_INIT;
	for (size_t i = 0; i < f->nrefresh; i++)
		if (kb_indexer_refresh(f->ix, f->refresh[i]) != 0)
			cs_die(CS_EXIT_IO, "%s: %s", f->o.kb, sqlite3_errmsg(f->db));
	if (kb_indexer_finish(f->ix, &err) != 0)
		cs_die(CS_EXIT_IO, "%s: %s", f->o.kb, err.p);
	cs_jw w;
	cs_jw_init(&w, &out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "kb_feedback");
	cs_jw_key(&w, "kb");
	cs_jw_cstr(&w, f->o.kb);
	cs_jw_key(&w, "helpful");
	cs_jw_uint(&w, f->helpful);
	cs_jw_key(&w, "unhelpful");
	cs_jw_uint(&w, f->unhelpful);
	cs_jw_key(&w, "phrasings_learned");
	cs_jw_uint(&w, f->learned);
	cs_jw_end_object(&w);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&err);
	cs_buf_free(&out);
}

/* After the kb_feedback record is out: a write error keeps no vote, so the
 * retry it calls for does not count them twice. */
static void feedback_commit(void *ctx, cs_run *run)
{
	cs_feedback *f = ctx;
	cs_buf err = CS_BUF_INIT;
	(void)run;
	if (kb_commit(f->db, &err) != 0)
		cs_die(CS_EXIT_IO, "%s: %s", f->o.kb, err.p);
	cs_buf_free(&err);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		cs_die(CS_EXIT_IO, "knowledge base: %s", sqlite3_errmsg(db));
	return st;
}

cs_feedback *cs_feedback_new(const struct cs_common *c, const struct cs_feedback_opts *o, struct cs_engine *engine)
{
	cs_feedback *f = cs_calloc(1, sizeof *f);
	cs_buf err = CS_BUF_INIT;
	int status;
	struct kb_params p;
	(void)c;
	f->o = *o;
	f->db = kb_open(o->kb, 1, &err, &status);
	if (!f->db)
		cs_die(status, "%s", err.p);
	kb_params_init(&p);
	f->s = kb_searcher_new(f->db, "9999-12-31", &p, &err);
	if (!f->s)
		cs_die(CS_EXIT_IO, "%s: %s", o->kb, err.p);
	cs_buf_free(&err);
	f->ix = kb_indexer_new(f->db);
	f->has_entry = prepare(f->db, "SELECT 1 FROM entry WHERE id = ?");
	f->vote = prepare(f->db, "INSERT INTO feedback(qkey, entry_id, question, helpful, unhelpful) VALUES(?,?,?,?,?)"
				 " ON CONFLICT(qkey, entry_id) DO UPDATE SET helpful = helpful + excluded.helpful,"
				 " unhelpful = unhelpful + excluded.unhelpful,"
				 /* the phrasing kept is the least, so votes from shards give the same in any order */
				 " question = min(question, excluded.question)");
	f->learn = prepare(f->db, "INSERT OR IGNORE INTO learned(entry_id, question) VALUES(?, ?)");
	*engine = (struct cs_engine){.ctx = f, .record = feedback_record, .finish = feedback_finish,
				     .commit = feedback_commit};
	return f;
}

void cs_feedback_free(cs_feedback *f)
{
	if (!f)
		return;
	sqlite3_finalize(f->has_entry);
	sqlite3_finalize(f->vote);
	sqlite3_finalize(f->learn);
	kb_indexer_free(f->ix);
	kb_searcher_free(f->s);
	kb_close(f->db);
	for (size_t i = 0; i < f->nrefresh; i++)
		free(f->refresh[i]);
	free(f->refresh);
	cs_map_free(&f->to_refresh);
	cs_buf_free(&f->question);
	cs_buf_free(&f->id);
	cs_buf_free(&f->qkey);
	free(f);
}

/* ---- review ---- */

void cs_review_opts_init(struct cs_review_opts *o)
{
	*o = (struct cs_review_opts){.min_votes = 3, .max_unhelpful = 0.5, .expiring_days = 30};
}

/* date + days, both YYYY-MM-DD. */
static void add_days(const char *date, int days, char out[11])
{
	struct tm tm = {0};
	if (sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) {
		snprintf(out, 11, "%s", date);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm) + (time_t)days * 86400;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : NULL;
}

static void put_reason(cs_jw *w, const char *reason, size_t *n)
{
	if (!*n) {
		cs_jw_key(w, "reasons");
		cs_jw_array(w);
	}
	cs_jw_cstr(w, reason);
	(*n)++;
}

/* The review record of the row, into out; 0 when the entry needs no look. */
static size_t review_row(sqlite3_stmt *st, const struct cs_review_opts *o, const char *today, const char *soon,
			 cs_buf *out)
{
	const char *from = col(st, 4), *until = col(st, 5);
	double helpful = sqlite3_column_double(st, 6), unhelpful = sqlite3_column_double(st, 7);
	double votes = helpful + unhelpful;
	size_t n = 0;
	cs_jw w;
	cs_buf_reset(out);
	cs_jw_init(&w, out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "review");
	static const char *const keys[] = {"id", "title", "source", "owner", "effective_from", "effective_until"};
	for (int i = 0; i < 6; i++)
		if (col(st, i)) {
			cs_jw_key(&w, keys[i]);
			cs_jw_cstr(&w, col(st, i));
		}
	cs_jw_key(&w, "helpful");
	cs_jw_int(&w, (int64_t)helpful);
	cs_jw_key(&w, "unhelpful");
	cs_jw_int(&w, (int64_t)unhelpful);
	if (votes >= o->min_votes && votes > 0 && unhelpful / votes >= o->max_unhelpful)
		put_reason(&w, "mostly_unhelpful", &n);
	if (until && strncmp(until, today, 10) < 0)
		put_reason(&w, "expired", &n);
	else if (until && strncmp(until, soon, 10) <= 0)
		put_reason(&w, "expiring", &n);
	if (from && strncmp(from, today, 10) > 0)
		put_reason(&w, "not_yet_effective", &n);
	if (n)
		cs_jw_end_array(&w);
	cs_jw_end_object(&w);
	return n;
}

int cs_review_run(const struct cs_common *c, const struct cs_review_opts *o)
{
	cs_buf err = CS_BUF_INIT, line = CS_BUF_INIT;
	int status;
	char today[11], soon[11];
	sqlite3 *db = kb_open(o->kb, 0, &err, &status);
	if (!db)
		cs_die(status, "%s", err.p);
	if (o->today)
		snprintf(today, sizeof today, "%s", o->today);
	else
		cs_answer_today(today);
	add_days(today, o->expiring_days, soon);
	sqlite3_stmt *st = prepare(db, "SELECT e.id, e.title, e.source, e.owner, e.effective_from, e.effective_until,"
				       " total(f.helpful), total(f.unhelpful) FROM entry e"
				       " LEFT JOIN feedback f ON f.entry_id = e.id GROUP BY e.n ORDER BY e.id");
	cs_out *out = cs_out_open(c->output);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (review_row(st, o, today, soon, &line)) {
			cs_buf_addc(&line, '\n');
			cs_out_write(out, line.p, line.len);
		}
	sqlite3_finalize(st);
	cs_out_close(out);
	kb_close(db);
	cs_buf_free(&err);
	cs_buf_free(&line);
	return cs_exit_status();
}
