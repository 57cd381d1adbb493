/* eng_answer_build: cs-answer build (see eng_answer_build.h). */
#include "eng_answer_build.h"
#include "eng_answer_kb.h"
#include "kit_batch.h"
#include "kit_hash.h"
#include "kit_conf.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_pool.h"
#include "kit_time.h"
#include "svc_analyze.h"
#include "svc_text.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An entry already in the knowledge base. */
struct known {
	int64_t n;
	char hash[17];
	int seen;
};

enum { F_ID, F_KIND, F_TITLE, F_SOURCE, F_SECTION, F_VERSION, F_FROM, F_UNTIL, F_OWNER, F_TAGS, F_QUESTIONS,
       F_BODY, F_NFIELDS };

/* A record read as an entry's texts. */
struct entry_text {
	cs_buf field[F_NFIELDS];
	int has[F_NFIELDS];
	cs_buf tmp, first;
	cs_buf why;   /* a bad record's reason, when it names a value */
};

#define MAX_THREADS CS_RELAY_MAX_WORKERS

/* A helper's own: the record it reads and the analysis of its terms. */
struct build_worker {
	struct entry_text text;
	kb_analysis *analysis;
};

/* What the helpers made of a batched record. */
struct item {
	int worker;               /* whose terms buffer holds its terms */
	int status;               /* of reading it */
	const char *why;          /* a bad record: why */
	int analyzed;             /* terms, len: it was new or changed */
	size_t terms_at, terms_bytes;
	uint32_t len[KB_NFIELDS];
};

struct cs_build {
	struct cs_build_opts o;
	sqlite3 *db;
	kb_indexer *ix;
	cs_map known;            /* id -> struct known *; read by the helpers, so not changed while they work */
	int stale;               /* indexed with another reading (CS_TEXT_READING): every entry again */
	struct known **all;
	size_t nall;
	cs_map given;            /* ids given in this run -> where (its offset in given_at) + 1 */
	cs_buf given_at;         /* "file:line" of each id given, NUL-terminated */
	struct entry_text text;  /* the record being added */
	cs_buf synonyms;
	uint64_t added, updated, unchanged, removed, bytes, bad;
	const char *path;
	/* records are read and analyzed on a pool of threads, and added in input order */
	int nworkers;
	struct build_worker workers[MAX_THREADS];
	cs_relay relay;          /* each entry's terms in its outs */
	cs_obj obj;
	cs_pool *pool;
};

/* ---- reading a record into an entry ---- */

static void set_field(struct entry_text *t, int f, const char *s, size_t n)
{
	cs_buf_reset(&t->field[f]);
	cs_buf_add(&t->field[f], s, n);
	cs_buf_addc(&t->field[f], 0);
	t->has[f] = 1;
}

/* A string or a number as text. */
static void set_text(struct entry_text *t, int f, cs_jval v)
{
	const char *s = (v.t == CS_J_STRING || v.t == CS_J_NUMBER) ? cs_jtext(v, &t->tmp) : NULL;
	if (s && *s)
		set_field(t, f, s, strlen(s));
}

struct list_ctx {
	cs_jw *w;
	cs_buf *tmp;
	cs_buf *first;   /* the first item's text */
	size_t count;
};

static void list_add(struct list_ctx *c, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (!n)
		return;
	cs_jw_str(c->w, s, n);
	if (!c->count++) {
		cs_buf_reset(c->first);
		cs_buf_add(c->first, s, n);
		cs_buf_addc(c->first, 0);
	}
}

/* A string cut at any of seps, each piece added. */
static void list_split(struct list_ctx *c, const char *s, const char *seps)
{
	while (*s) {
		size_t n = strcspn(s, seps);
		list_add(c, s, n);
		s += n + (s[n] != 0);
	}
}

static int list_item(cs_jval item, void *ctx)
{
	struct list_ctx *c = ctx;
	const char *s = item.t == CS_J_STRING || item.t == CS_J_NUMBER ? cs_jtext(item, c->tmp) : NULL;
	if (s)
		list_add(c, s, strlen(s));
	return 0;
}

/* Values (arrays of strings, or strings cut at seps) as one JSON array in field f. */
/* first_whole: the first value is one item even when it holds a separator. */
static void set_list(struct entry_text *t, int f, const cs_jval *vals, size_t nvals, const char *seps, int first_whole)
{
	cs_buf out = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &out);
	cs_jw_array(&w);
	struct list_ctx c = {&w, &t->tmp, &t->first, 0};
	for (size_t i = 0; i < nvals; i++) {
		const char *text = vals[i].t == CS_J_STRING ? cs_jtext(vals[i], &t->tmp) : NULL;
		if (vals[i].t == CS_J_ARRAY)
			cs_jeach(vals[i], list_item, &c);
		else if (text)
			list_split(&c, text, i == 0 && first_whole ? "" : seps);
	}
	cs_jw_end_array(&w);
	if (c.count)
		set_field(t, f, out.p, out.len);
	cs_buf_free(&out);
}

struct join_ctx {
	cs_buf *out, *tmp;
};

static int join_item(cs_jval item, void *ctx)
{
	struct join_ctx *c = ctx;
	const char *s = item.t == CS_J_STRING ? cs_jtext(item, c->tmp) : NULL;
	if (s && *s) {
		if (c->out->len)
			cs_buf_adds(c->out, "\n\n");
		cs_buf_adds(c->out, s);
	}
	return 0;
}

/* The answer or body: a string, or an array of strings joined by blank lines. */
static void set_body(struct entry_text *t, cs_jval v)
{
	if (v.t != CS_J_ARRAY) {
		set_text(t, F_BODY, v);
		return;
	}
	cs_buf out = CS_BUF_INIT;
	struct join_ctx c = {&out, &t->tmp};
	cs_jeach(v, join_item, &c);
	if (out.len)
		set_field(t, F_BODY, out.p, out.len);
	cs_buf_free(&out);
}

static const char *const id_keys[] = {"id", "faq_id", "entry_id", NULL};
static const char *const title_keys[] = {"title", "name", NULL};
static const char *const body_keys[] = {"answer", "answers", "body", "text", "content", NULL};
static const char *const from_keys[] = {"effective_from", "valid_from", NULL};
static const char *const until_keys[] = {"effective_until", "valid_until", "expires", NULL};

/* An effective date, from the first of keys the record has. Returns 0, or
 * -1 with t->why set when it is not a day of the calendar as YYYY-MM-DD
 * (dates are compared as text, so 2026-9-1 would sort after 2026-10-01). */
static int read_date(struct entry_text *t, int f, const cs_rec *rec, const char *const *keys)
{
	for (; *keys; keys++) {
		cs_jval v = cs_jmember(&rec->obj, *keys);
		if (!cs_jis(v))
			continue;
		set_text(t, f, v);
		if (!t->has[f] || cs_date_valid(t->field[f].p, t->field[f].len - 1))
			return 0;
		cs_buf_reset(&t->why);
		cs_buf_printf(&t->why, "%s: '%s' is not a date (YYYY-MM-DD)", *keys, t->field[f].p);
		return -1;
	}
	return 0;
}

static void read_questions(struct entry_text *t, const cs_rec *rec)
{
	cs_jval q[4] = {cs_jmember(&rec->obj, "question"), cs_jmember(&rec->obj, "alternates"), cs_jmember(&rec->obj, "alternate_questions"),
			cs_jmember(&rec->obj, "questions")};
	set_list(t, F_QUESTIONS, q, 4, "|\n", 1);
}

static void read_source(struct entry_text *t, const cs_rec *rec)
{
	cs_jval src = cs_jmember(&rec->obj, "source");
	if (src.t == CS_J_OBJECT)
		src = cs_jget(src, "file");
	if (src.t == CS_J_STRING)
		set_text(t, F_SOURCE, src);
	if (!t->has[F_SOURCE])
		set_field(t, F_SOURCE, rec->file, strlen(rec->file));
}

/* An FAQ without an id: named by its question, so it keeps its id when rows move. */
static void id_from_question(struct entry_text *t)
{
	char id[24];
	const char *q = t->field[F_QUESTIONS].p;
	snprintf(id, sizeof id, "faq-%016llx", (unsigned long long)cs_hash64(q, strlen(q), 0x66));
	set_field(t, F_ID, id, strlen(id));
}

/* CS_REC_OK, or CS_REC_BAD with why (not reported: this may run on a helper thread). */
static int read_entry(struct entry_text *t, const cs_rec *rec, const char **why)
{
	memset(t->has, 0, sizeof t->has);
	if (cs_jids_nul(&rec->obj, id_keys, &t->why)) {
		*why = t->why.p;
		return CS_REC_BAD;
	}
	set_text(t, F_ID, cs_jfirst(&rec->obj, id_keys));
	set_text(t, F_TITLE, cs_jfirst(&rec->obj, title_keys));
	set_text(t, F_SECTION, cs_jmember(&rec->obj, "section"));
	set_text(t, F_VERSION, cs_jmember(&rec->obj, "version"));
	if (read_date(t, F_FROM, rec, from_keys) < 0 || read_date(t, F_UNTIL, rec, until_keys) < 0) {
		*why = t->why.p;
		return CS_REC_BAD;
	}
	set_text(t, F_OWNER, cs_jmember(&rec->obj, "owner"));
	cs_jval tags = cs_jmember(&rec->obj, "tags");
	set_list(t, F_TAGS, &tags, 1, ";,", 0);
	read_questions(t, rec);
	set_body(t, cs_jfirst(&rec->obj, body_keys));
	read_source(t, rec);
	if (!t->has[F_QUESTIONS] && !t->has[F_BODY]) {
		*why = "no text: an entry needs a question, an answer or a body";
		return CS_REC_BAD;
	}
	const char *kind = t->has[F_QUESTIONS] ? "faq" : cs_jmember(&rec->obj, "section").t != CS_J_NONE ? "doc" : "record";
	set_field(t, F_KIND, kind, strlen(kind));
	if (!t->has[F_ID] && t->has[F_QUESTIONS])
		id_from_question(t);
	if (!t->has[F_ID]) {
		*why = "no id: a knowledge record needs an \"id\"";
		return CS_REC_BAD;
	}
	if (!t->has[F_TITLE] && t->has[F_QUESTIONS])
		set_field(t, F_TITLE, t->first.p, strlen(t->first.p));
	return CS_REC_OK;
}

/* ---- the run ---- */

static const char *field_or_null(const struct entry_text *t, int f)
{
	return t->has[f] ? t->field[f].p : NULL;
}

static struct kb_entry entry_of(const struct entry_text *t)
{
	struct kb_entry e;
	e.id = field_or_null(t, F_ID);
	e.kind = field_or_null(t, F_KIND);
	e.title = field_or_null(t, F_TITLE);
	e.source = field_or_null(t, F_SOURCE);
	e.section = field_or_null(t, F_SECTION);
	e.version = field_or_null(t, F_VERSION);
	e.valid_from = field_or_null(t, F_FROM);
	e.valid_until = field_or_null(t, F_UNTIL);
	e.owner = field_or_null(t, F_OWNER);
	e.tags = field_or_null(t, F_TAGS);
	e.questions = field_or_null(t, F_QUESTIONS);
	e.body = field_or_null(t, F_BODY);
	return e;
}

static uint64_t text_bytes(const struct kb_entry *e)
{
	const char *const parts[] = {e->title, e->section, e->tags, e->questions, e->body};
	uint64_t n = 0;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		n += parts[i] ? strlen(parts[i]) : 0;
	return n;
}

static int is_busy_code(sqlite3 *db)
{
	int code = sqlite3_errcode(db) & 0xff;
	return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

static void db_fail(cs_build *b, const char *what)
{
	cs_die(is_busy_code(b->db) ? CS_EXIT_BUSY : CS_EXIT_IO, "%s: %s: %s", b->o.kb, what, sqlite3_errmsg(b->db));
}

/* ---- the records: read and analyzed on the pool, added in order ---- */

static void text_free(struct entry_text *t)
{
	for (int f = 0; f < F_NFIELDS; f++)
		cs_buf_free(&t->field[f]);
	cs_buf_free(&t->tmp);
	cs_buf_free(&t->first);
	cs_buf_free(&t->why);
}

/* The entry already in the knowledge base under e's id with the same hash. */
static int is_unchanged(const cs_build *b, const struct kb_entry *e, const char *hash)
{
	const struct known *k = cs_map_get(&b->known, e->id, strlen(e->id));
	return k && strcmp(k->hash, hash) == 0;
}

/* A helper's share of the batch: each record read, and its terms found
 * unless the knowledge base has it unchanged (most of a rebuild). */
static void analyze_items(void *ctx, int w)
{
	cs_build *b = ctx;
	struct build_worker *k = &b->workers[w];
	cs_batch *batch = cs_relay_working(&b->relay);
	cs_buf *terms = cs_relay_out(&b->relay, b->relay.working, w);
	cs_obj obj = {0};
	size_t i;
	while ((i = cs_batch_take(batch)) != SIZE_MAX) {
		struct item *it = cs_batch_extra(batch, i);
		cs_rec rec;
		cs_batch_rec_at(batch, i, &obj, &rec);
		it->worker = w;
		it->status = read_entry(&k->text, &rec, &it->why);
		if (it->status != CS_REC_OK)
			continue;
		struct kb_entry e = entry_of(&k->text);
		char hash[17];
		kb_entry_hash(&e, hash);
		if (is_unchanged(b, &e, hash))
			continue;
		it->analyzed = 1;
		it->terms_at = terms->len;
		kb_analyze_into(k->analysis, &e, terms, it->len);
		it->terms_bytes = terms->len - it->terms_at;
	}
	cs_obj_free(&obj);
}

/* One record into the knowledge base, in input order. */
static int add_record(cs_build *b, const cs_rec *rec, const struct item *it, int side)
{
	const char *why;
	if (read_entry(&b->text, rec, &why) != CS_REC_OK) {
		cs_rec_bad(rec, "%s", why);
		return CS_REC_BAD;
	}
	struct kb_entry e = entry_of(&b->text);
	const char *id = e.id;
	uintptr_t before = (uintptr_t)cs_map_get(&b->given, id, strlen(id));
	if (before) {
		cs_rec_bad(rec, "the id '%s' is given twice (first at %s)", id, b->given_at.p + before - 1);
		return CS_REC_BAD;
	}
	cs_map_put(&b->given, id, strlen(id), (void *)(uintptr_t)(b->given_at.len + 1));
	cs_buf_printf(&b->given_at, "%s:%llu", rec->file, (unsigned long long)rec->line);
	cs_buf_addc(&b->given_at, '\0');
	char hash[17];
	kb_entry_hash(&e, hash);
	struct known *k = cs_map_get(&b->known, id, strlen(id));
	if (k && strcmp(k->hash, hash) == 0) {
		k->seen = 1;
		b->unchanged++;
		return CS_REC_OK;
	}
	if (k) {
		k->seen = 1;
		if (kb_indexer_remove(b->ix, k->n) != 0)
			db_fail(b, "removing an entry");
		b->updated++;
	} else {
		b->added++;
	}
	const cs_buf *terms = cs_relay_out(&b->relay, side, it->worker);
	int64_t n = it->analyzed ? kb_indexer_add_analyzed(b->ix, &e, hash, terms->p + it->terms_at, it->terms_bytes, it->len)
				 : kb_indexer_add(b->ix, &e, hash);
	if (n < 0)
		db_fail(b, "adding an entry");
	b->bytes += text_bytes(&e);
	return CS_REC_OK;
}

static void write_batch(void *ctx, cs_run *run, int side)
{
	cs_build *b = ctx;
	cs_batch *batch = &b->relay.batch[side];
	for (size_t i = 0; i < batch->n && !cs_run_stopped(run); i++) {
		cs_rec rec;
		cs_batch_rec_at(batch, i, &b->obj, &rec);
		if (add_record(b, &rec, cs_batch_extra(batch, i), side) != CS_REC_OK)
			cs_run_record_bad(run);
	}
	cs_batch_clear(batch);
}

static void flush(void *ctx, cs_run *run)
{
	cs_build *b = ctx;
	cs_relay_flush(&b->relay, run);
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_build *b = ctx;
	cs_relay_add(&b->relay, rec, run);
	return CS_REC_OK;
}

static uint64_t remove_unseen(cs_build *b, cs_run *run)
{
	uint64_t kept = 0;
	int skipped_bad = cs_exit_status() >= CS_EXIT_DATA;
	for (size_t i = 0; i < b->nall; i++) {
		if (b->all[i]->seen)
			continue;
		if (skipped_bad) {
			kept++;
			continue;
		}
		if (kb_indexer_remove(b->ix, b->all[i]->n) != 0)
			db_fail(b, "removing an entry");
		b->removed++;
	}
	if (!kept || cs_run_common(run)->quiet)
		return kept;
	int bad = cs_run_rejected(run) > 0, unread = cs_run_inputs_failed(run) > 0;
	const char *why = bad && unread ? "some records were bad and an input could not be read"
			  : unread      ? "an input could not be read"
					: "some records were bad";
	cs_notice("%s: %llu entries no source gave were kept, not removed: %s", b->o.kb, (unsigned long long)kept,
		  why);
	return kept;
}

/* Check the synonyms file now, before any source is read; keep its text for the commit. */
static void read_synonyms(cs_build *b)
{
	if (!b->o.synonyms)
		return;
	cs_buf err = CS_BUF_INIT;
	if (cs_conf_slurp(b->o.synonyms, &b->synonyms, &err) != 0)
		cs_die(CS_EXIT_CONFIG, "%s", err.p);
	cs_analyzer *an = cs_analyzer_new();
	cs_synonyms *syn = cs_synonyms_parse(an, b->synonyms.p, b->synonyms.len, &err);
	if (!syn)
		cs_die(CS_EXIT_CONFIG, "%s:%s", b->o.synonyms, err.p);
	cs_buf_addc(&b->synonyms, 0);
	cs_synonyms_free(syn);
	cs_analyzer_free(an);
	cs_buf_free(&err);
}

static void store_synonyms(cs_build *b)
{
	if (b->o.clear_synonyms)
		kb_set_meta(b->db, "synonyms", NULL);
	if (b->o.synonyms)
		kb_set_meta(b->db, "synonyms", b->synonyms.p);
}

static void write_summary(cs_build *b, cs_run *run)
{
	cs_buf meta = CS_BUF_INIT, out = CS_BUF_INIT;
	cs_jw w;
	cs_jw_init(&w, &out);
	cs_jw_object(&w);
	cs_jw_key(&w, "kind");
	cs_jw_cstr(&w, "kb_build");
	cs_jw_key(&w, "kb");
	cs_jw_cstr(&w, b->o.kb);
	const char *entries = kb_meta(b->db, "entries", &meta);
	cs_jw_key(&w, "entries");
	cs_jw_int(&w, entries ? strtoll(entries, NULL, 10) : 0);
	const char *const names[] = {"added", "updated", "removed", "unchanged", "bytes_indexed"};
	const uint64_t vals[] = {b->added, b->updated, b->removed, b->unchanged, b->bytes};
	for (size_t i = 0; i < 5; i++) {
		cs_jw_key(&w, names[i]);
		cs_jw_uint(&w, vals[i]);
	}
	cs_jw_end_object(&w);
	cs_run_write_line(run, out.p, out.len);
	cs_buf_free(&meta);
	cs_buf_free(&out);
}

static void finish(void *ctx, cs_run *run)
{
	cs_build *b = ctx;
	flush(b, run);
	if (cs_run_stopped(run))
		return;   /* a bad record: nothing is committed */
	cs_buf err = CS_BUF_INIT;
	/* entries kept as they were indexed keep the knowledge base's old reading */
	if (remove_unseen(b, run) == 0 || !b->stale)
		kb_set_reading(b->db);
	store_synonyms(b);
	if (kb_indexer_finish(b->ix, &err) != 0)
		cs_die(CS_EXIT_IO, "%s: %s", b->o.kb, err.p);
	write_summary(b, run);
	cs_buf_free(&err);
}

/* After the summary record is out, as every store change follows its output. */
static void commit(void *ctx, cs_run *run)
{
	cs_build *b = ctx;
	cs_buf err = CS_BUF_INIT;
	(void)run;
	if (kb_commit(b->db, &err) != 0)
		cs_die(CS_EXIT_IO, "%s: %s", b->o.kb, err.p);
	cs_buf_free(&err);
}

static void load_known(cs_build *b)
{
	b->stale = kb_reading(b->db) != CS_TEXT_READING;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(b->db, "SELECT n, id, hash FROM entry", -1, &st, NULL) != SQLITE_OK)
		db_fail(b, "reading the entries");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct known *k = cs_calloc(1, sizeof *k);
		const char *id = (const char *)sqlite3_column_text(st, 1);
		const char *hash = (const char *)sqlite3_column_text(st, 2);
		k->n = sqlite3_column_int64(st, 0);
		snprintf(k->hash, sizeof k->hash, "%s", b->stale || !hash ? "" : hash);   /* stale: indexed again */
		cs_map_put(&b->known, id, strlen(id), k);
		b->all = cs_realloc(b->all, (b->nall + 1) * sizeof *b->all);
		b->all[b->nall++] = k;
	}
	sqlite3_finalize(st);
}

cs_build *cs_build_new(const struct cs_common *c, const struct cs_build_opts *o, struct cs_engine *engine)
{
	cs_build *b = cs_calloc(1, sizeof *b);
	cs_buf err = CS_BUF_INIT;
	int status;
	(void)c;
	b->o = *o;
	read_synonyms(b);   /* before the store: a bad file leaves no empty one behind */
	b->db = kb_open(o->kb, 1, &err, &status);
	if (!b->db)
		cs_die(status, "%s", err.p);
	cs_buf_free(&err);
	b->ix = kb_indexer_new(b->db);
	load_known(b);
	b->pool = cs_pool_new(cs_pool_threads(o->threads, MAX_THREADS), analyze_items, b, NULL);
	b->nworkers = cs_pool_size(b->pool);
	cs_relay_init(&b->relay, sizeof(struct item), b->pool, (cs_relay_calls){b, write_batch});
	for (int w = 0; w < b->nworkers; w++)
		b->workers[w].analysis = kb_analysis_new();
	*engine = (struct cs_engine){.ctx = b, .record = record, .finish = finish, .commit = commit,
				     .flush = flush};
	return b;
}

void cs_build_free(cs_build *b)
{
	if (!b)
		return;
	cs_pool_free(b->pool);
	for (int w = 0; w < b->nworkers; w++) {
		text_free(&b->workers[w].text);
		kb_analysis_free(b->workers[w].analysis);
	}
	cs_relay_free(&b->relay);
	cs_obj_free(&b->obj);
	kb_indexer_free(b->ix);
	kb_close(b->db);
	for (size_t i = 0; i < b->nall; i++)
		free(b->all[i]);
	free(b->all);
	cs_map_free(&b->known);
	cs_map_free(&b->given);
	cs_buf_free(&b->given_at);
	text_free(&b->text);
	cs_buf_free(&b->synonyms);
	free(b);
}

/* ---- the sources under a directory ---- */

static int source_name(const char *name)
{
	static const char *const exts[] = {".md", ".markdown", ".mdown", ".txt", ".text", ".csv", ".tsv",
					   ".ndjson", ".jsonl", ".json"};
	char base[4096];
	snprintf(base, sizeof base, "%s", name);
	size_t n = strlen(base);
	if (n > 4 && (strcmp(base + n - 4, ".zst") == 0))
		base[n - 4] = 0;
	else if (n > 3 && strcmp(base + n - 3, ".gz") == 0)
		base[n - 3] = 0;
	const char *dot = strrchr(base, '.');
	int compressed = strlen(base) != n;
	for (size_t i = 0; dot && i < sizeof exts / sizeof *exts; i++)
		if (strcmp(dot, exts[i]) == 0)
			return !compressed || i >= 5;   /* documents are known by their name: never compressed */
	return 0;
}

struct file_list {
	char **f;
	size_t n;
};

static void list_add_file(struct file_list *l, const char *path)
{
	l->f = cs_realloc(l->f, (l->n + 2) * sizeof *l->f);
	l->f[l->n++] = cs_strdup(path);
	l->f[l->n] = NULL;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directories read so far, by device and inode: a symbolic link back
 * to one (a "latest -> .." in a docs tree) is read once, not until the
 * kernel's limit on links, or without end when two such links meet. */
struct dir_seen {
	dev_t dev;
	ino_t ino;
	char *path;
};

struct walker {
	struct file_list files;
	struct dir_seen *seen;
	size_t nseen;
};

static int dir_first_visit(struct walker *w, const char *dir, const struct stat *sb)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i].dev == sb->st_dev && w->seen[i].ino == sb->st_ino) {
			cs_notice("%s: the same directory as %s, already read: skipped", dir, w->seen[i].path);
			return 0;
		}
	w->seen = cs_realloc(w->seen, (w->nseen + 1) * sizeof *w->seen);
	w->seen[w->nseen++] = (struct dir_seen){sb->st_dev, sb->st_ino, cs_strdup(dir)};
	return 1;
}

static void walk(struct walker *w, const char *dir, const struct stat *dir_sb)
{
	if (!dir_first_visit(w, dir, dir_sb))
		return;
	DIR *d = opendir(dir);
	if (!d) {
		list_add_file(&w->files, dir);   /* reported when it is read */
		return;
	}
	struct file_list here = {0};
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(de->d_name) + 2;
		char *path = cs_malloc(n);
		snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		list_add_file(&here, path);
		free(path);
	}
	closedir(d);
	if (here.n)
		qsort(here.f, here.n, sizeof *here.f, cmp_name);
	for (size_t i = 0; i < here.n; i++) {
		struct stat sb;
		if (stat(here.f[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			walk(w, here.f[i], &sb);
		else if (source_name(here.f[i]))
			list_add_file(&w->files, here.f[i]);
		free(here.f[i]);
	}
	free(here.f);
}

char **cs_build_expand(char **paths, int n, int *count)
{
	struct walker w = {0};
	for (int i = 0; i < n; i++) {
		struct stat sb;
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			walk(&w, paths[i], &sb);
		else
			list_add_file(&w.files, paths[i]);
	}
	for (size_t i = 0; i < w.nseen; i++)
		free(w.seen[i].path);
	free(w.seen);
	if (!w.files.f)
		w.files.f = cs_calloc(1, sizeof *w.files.f);
	*count = (int)w.files.n;
	return w.files.f;
}

void cs_build_expand_free(char **files)
{
	for (size_t i = 0; files && files[i]; i++)
		free(files[i]);
	free(files);
}
