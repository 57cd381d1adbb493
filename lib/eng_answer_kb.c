/* eng_answer_kb: the knowledge base file and its index (see eng_answer_kb.h). */
#include "eng_answer_kb.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "svc_store.h"
#include "svc_text.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS entry(n INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT,"
	" title TEXT, source TEXT, section TEXT, version TEXT, effective_from TEXT, effective_until TEXT,"
	" owner TEXT, tags TEXT, questions TEXT, body TEXT, hash TEXT, len_title INTEGER, len_question INTEGER,"
	" len_body INTEGER, len_grams INTEGER);"
	"CREATE TABLE IF NOT EXISTS term(term TEXT PRIMARY KEY, df INTEGER, postings BLOB) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS learned(entry_id TEXT, question TEXT, PRIMARY KEY(entry_id, question))"
	" WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS feedback(qkey TEXT, entry_id TEXT, question TEXT, helpful INTEGER,"
	" unhelpful INTEGER, PRIMARY KEY(qkey, entry_id)) WITHOUT ROWID;";

/* ---- the entry hash ---- */

static uint64_t mix(uint64_t h, const char *s)
{
	static const char absent[] = "\x1e";
	const char *v = s ? s : absent;
	return cs_hash64(v, strlen(v) + 1, h);
}

void kb_entry_hash(const struct kb_entry *e, char out[17])
{
	const char *const parts[] = {e->id, e->kind, e->title, e->source, e->section, e->version, e->valid_from,
				     e->valid_until, e->owner, e->tags, e->questions, e->body};
	uint64_t h = 0x6b62;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		h = mix(h, parts[i]);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- the file ---- */

static int is_busy(sqlite3 *db)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_OK;
	return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

static void not_a_kb(const char *path, int write, cs_buf *err)
{
	cs_buf_reset(err);
	cs_buf_printf(err, "%s: not a cs-answer knowledge base (%s)", path,
		      write ? "left unchanged" : "build one with cs-answer build");
}

/* The last call on db failed: err and *status say why (5 busy, 3 a file
 * that is not a database, 4 any other error, a full disk among them). */
static sqlite3 *open_fail(sqlite3 *db, const char *path, int write, cs_buf *err, int *status)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_CANTOPEN;
	cs_buf_reset(err);
	cs_buf_printf(err, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
	*status = CS_EXIT_IO;
	if (is_busy(db)) {
		cs_buf_adds(err, " (another cs-answer is changing it; try again later)");
		*status = CS_EXIT_BUSY;
	} else if (code == SQLITE_NOTADB) {
		not_a_kb(path, write, err);
		*status = CS_EXIT_CONFIG;
	}
	sqlite3_close(db);
	return NULL;
}

/* check_format's verdict was not 0: its error (> 0), or SQLite's (< 0). */
static sqlite3 *refuse(sqlite3 *db, int checked, const char *path, int write, cs_buf *err, int *status)
{
	if (checked < 0)
		return open_fail(db, path, write, err, status);
	*status = checked;
	sqlite3_close(db);
	return NULL;
}

/* Is the file a knowledge base of this format? 0 yes; CS_EXIT_CONFIG with
 * err set when it is not one (another program's store has a meta table
 * with a format too) or is another version's; -1 when it cannot be read,
 * with db's error. */
static int check_format(sqlite3 *db, const char *path, int write, cs_buf *err)
{
	sqlite3_int64 tables = cs_store_number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND"
						" name IN ('meta', 'entry', 'term')");
	if (tables < 0)
		return -1;
	if (tables != 3) {
		not_a_kb(path, write, err);
		return CS_EXIT_CONFIG;
	}
	cs_buf format = CS_BUF_INIT;
	int status = cs_store_text(db, "SELECT value FROM meta WHERE key = 'format'", &format);
	if (status == 0 && strcmp(format.p, KB_FORMAT) != 0) {
		status = CS_EXIT_CONFIG;
		if (strncmp(format.p, "cs-kb ", 6) != 0) {
			not_a_kb(path, write, err);
		} else {
			cs_buf_reset(err);
			cs_buf_printf(err, "%s: a knowledge base of format '%s'; this cs-answer reads '%s'", path,
				      format.p, KB_FORMAT);
		}
	}
	cs_buf_free(&format);
	return status;
}

static int is_empty(sqlite3 *db)
{
	sqlite3_stmt *st;
	int empty = 1;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		empty = sqlite3_step(st) != SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return empty;
}

/* The error is SQLite's failing to make or open the -wal or -shm file
 * beside the knowledge base (a directory the user cannot write). */
static int cannot_share(sqlite3 *db)
{
	int code = sqlite3_errcode(db) & 0xff;
	return code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
}

/* A -wal file with something in it: changes the file alone does not hold. */
static int has_wal(const char *path)
{
	cs_buf wal = CS_BUF_INIT;
	struct stat sb;
	cs_buf_printf(&wal, "%s-wal", path);
	int has = stat(wal.p, &sb) == 0 && sb.st_size > 0;
	cs_buf_free(&wal);
	return has;
}

/* Open path read-only as a file nothing changes (SQLite's immutable=1):
 * no -wal or -shm file is made or read, and no lock taken. */
static int open_immutable(const char *path, sqlite3 **db)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-~";
	cs_buf uri = CS_BUF_INIT;
	cs_buf_adds(&uri, "file:");
	for (const unsigned char *c = (const unsigned char *)path; *c; c++)
		if (strchr(plain, *c))
			cs_buf_addc(&uri, (char)*c);
		else
			cs_buf_printf(&uri, "%%%02X", *c);
	cs_buf_adds(&uri, "?immutable=1");
	int rc = sqlite3_open_v2(uri.p, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	cs_buf_free(&uri);
	return rc;
}

/* Reading takes no lock but SQLite's WAL index, the -shm file beside the
 * knowledge base: in a directory the user cannot write (a knowledge base
 * shipped read-only) it cannot be made, and a file whose changes are all
 * in it is read as one that does not change. */
static sqlite3 *open_read(const char *path, cs_buf *err, int *status)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 10000) != SQLITE_OK)
		return open_fail(db, path, 0, err, status);
	int checked = check_format(db, path, 0, err);
	if (checked < 0 && cannot_share(db) && !has_wal(path)) {
		sqlite3_close(db);
		db = NULL;
		checked = open_immutable(path, &db) == SQLITE_OK ? check_format(db, path, 0, err) : -1;
	}
	return checked ? refuse(db, checked, path, 0, err, status) : db;
}

/* Take the write lock, after a look at what the file is: another
 * program's file is left as it is, its journal mode included. */
static sqlite3 *open_write(const char *path, cs_buf *err, int *status)
{
	sqlite3 *db = NULL;
	if (cs_create_private(path, err) != 0) {
		*status = CS_EXIT_IO;
		return NULL;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 10000) != SQLITE_OK)
		return open_fail(db, path, 1, err, status);
	int fresh = is_empty(db);
	int checked = fresh ? 0 : check_format(db, path, 1, err);
	if (checked)
		return refuse(db, checked, path, 1, err, status);
	/* A new file is written once, under a rollback journal (there is
	 * nothing to roll back to but emptiness), and turns to WAL when the
	 * build commits; an existing one stays in WAL, so readers go on. */
	const char *setup = fresh ? "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
				  : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
	if (sqlite3_exec(db, setup, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
		return open_fail(db, path, 1, err, status);
	if (fresh)
		kb_set_meta(db, "format", KB_FORMAT);
	/* Looked at again under the lock: another build may have made the file since. */
	checked = check_format(db, path, 1, err);
	return checked ? refuse(db, checked, path, 1, err, status) : db;
}

/* The knowledge bases open, by the name they were opened with, for kb_step's messages. */
#define KB_NAMED 4
static struct kb_name {
	sqlite3 *db;
	char *path;
} kb_names[KB_NAMED];

static void kb_name_set(sqlite3 *db, const char *path)
{
	for (int i = 0; db && i < KB_NAMED; i++)
		if (!kb_names[i].db) {
			kb_names[i] = (struct kb_name){db, cs_strdup(path)};
			return;
		}
}

static const char *kb_name_of(sqlite3 *db)
{
	for (int i = 0; i < KB_NAMED; i++)
		if (kb_names[i].db == db)
			return kb_names[i].path;
	return "knowledge base";
}

static void kb_name_drop(sqlite3 *db)
{
	for (int i = 0; db && i < KB_NAMED; i++)
		if (kb_names[i].db == db) {
			free(kb_names[i].path);
			kb_names[i] = (struct kb_name){0};
		}
}

sqlite3 *kb_open(const char *path, int write, cs_buf *err, int *status)
{
	struct stat sb;
	if (!write && stat(path, &sb) != 0) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s: %s", path, strerror(errno));
		*status = CS_EXIT_IO;
		return NULL;
	}
	sqlite3 *db = write ? open_write(path, err, status) : open_read(path, err, status);
	kb_name_set(db, path);
	return db;
}

int kb_step(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	sqlite3 *db = sqlite3_db_handle(st);
	cs_die(CS_EXIT_IO, "%s: %s", kb_name_of(db), sqlite3_errmsg(db));
}

int kb_commit(sqlite3 *db, cs_buf *err)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		/* A new file turns to WAL now; if a reader holds it, the next run does. */
		sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		return 0;
	}
	cs_buf_reset(err);
	cs_buf_printf(err, "%s", sqlite3_errmsg(db));
	return -1;
}

void kb_close(sqlite3 *db)
{
	if (db && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	kb_name_drop(db);
	sqlite3_close(db);
}

const char *kb_meta(sqlite3 *db, const char *key, cs_buf *out)
{
	sqlite3_stmt *st;
	const char *v = NULL;
	cs_buf_reset(out);
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (kb_step(st) && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		cs_buf_adds(out, (const char *)sqlite3_column_text(st, 0));
		cs_buf_addc(out, 0);
		out->len--;
		v = out->p;
	}
	sqlite3_finalize(st);
	return v;
}

int kb_reading(sqlite3 *db)
{
	cs_buf v = CS_BUF_INIT;
	const char *s = kb_meta(db, "reading", &v);
	int reading = s ? (int)strtol(s, NULL, 10) : 1;
	cs_buf_free(&v);
	return reading;
}

void kb_set_reading(sqlite3 *db)
{
	char num[16];
	snprintf(num, sizeof num, "%d", CS_TEXT_READING);
	kb_set_meta(db, "reading", num);
}

void kb_check_reading(sqlite3 *db, const char *path)
{
	cs_buf v = CS_BUF_INIT;
	const char *entries = kb_meta(db, "entries", &v);
	int reading = kb_reading(db);
	if (entries && strtoll(entries, NULL, 10) > 0 && reading != CS_TEXT_READING)
		cs_notice("%s: indexed when cs read text differently (reading %d, this cs %d): build it again", path,
			  reading, CS_TEXT_READING);
	cs_buf_free(&v);
}

void kb_set_meta(sqlite3 *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_finalize(st);
}

/* ---- postings: (number delta, a byte with a bit for each field the term is
 * in, that field's tf), the numbers and tfs as LEB128 varints ---- */

static int get_varint(const unsigned char *p, size_t len, size_t *at, uint64_t *v)
{
	uint64_t x = 0;
	for (int shift = 0; shift < 64 && *at < len; shift += 7) {
		unsigned char c = p[(*at)++];
		x |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*v = x;
			return 0;
		}
	}
	return -1;
}

int kb_posting_next(const unsigned char *blob, size_t len, size_t *at, int64_t prev, struct kb_posting *p)
{
	uint64_t delta, tf;
	if (*at >= len)
		return 0;
	if (get_varint(blob, len, at, &delta) != 0 || delta == 0 || delta > (uint64_t)(INT64_MAX - prev))
		return -1;
	p->n = prev + (int64_t)delta;
	if (*at >= len)
		return -1;
	unsigned fields = blob[(*at)++];
	if (fields >> KB_NFIELDS)
		return -1;
	for (int f = 0; f < KB_NFIELDS; f++) {
		p->tf[f] = 0;
		if (!(fields & (1u << f)))
			continue;
		if (get_varint(blob, len, at, &tf) != 0 || tf == 0 || tf > UINT32_MAX)
			return -1;
		p->tf[f] = (uint32_t)tf;
	}
	return 1;
}

struct encoder {
	cs_buf *out;
	int64_t last;
	uint32_t count;
};

/* v as a LEB128 varint at at; returns the byte after it. */
static unsigned char *varint_at(unsigned char *at, uint64_t v)
{
	while (v > 0x7f) {
		*at++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*at++ = (unsigned char)v;
	return at;
}

static void encode(struct encoder *e, const struct kb_posting *p)
{
	cs_buf_reserve(e->out, 10 + 1 + 5 * KB_NFIELDS);   /* the number's varint, the field bits, each tf's */
	unsigned char *start = (unsigned char *)e->out->p + e->out->len;
	unsigned char *at = varint_at(start, (uint64_t)(p->n - e->last));
	unsigned char *fields = at++;
	*fields = 0;
	for (int f = 0; f < KB_NFIELDS; f++)
		if (p->tf[f]) {
			*fields |= (unsigned char)(1u << f);
			at = varint_at(at, p->tf[f]);
		}
	e->out->len += (size_t)(at - start);
	e->out->p[e->out->len] = '\0';
	e->last = p->n;
	e->count++;
}

/* ---- the indexer ---- */

/* What a run changes in one term's postings. */
struct tdelta {
	char *term;
	cs_buf add;          /* postings added, encoded from number 0 */
	int64_t add_last;
	uint32_t nadd;       /* how many */
	int64_t *rm;         /* numbers removed */
	size_t nrm, rmcap;
};

/* One entry's terms while it is analyzed: an open-addressing table. */
struct eterm {
	uint64_t hash;
	size_t at, len;      /* in the term buffer */
	uint32_t tf[KB_NFIELDS];
};

/* The entry being analyzed. */
struct kb_analysis {
	cs_analyzer *an;
	struct eterm *slots;
	size_t slot_cap, nused;
	size_t *used;        /* slots in use, in order of first appearance */
	cs_buf eterms;
	int field;
	uint32_t len[KB_NFIELDS];
};

struct kb_indexer {
	sqlite3 *db;
	cs_map by_term;      /* term -> index + 1 in deltas */
	struct tdelta **deltas;
	size_t ndeltas, dcap;
	sqlite3_stmt *ins, *del, *terms_of, *learned, *get_post, *put_post, *del_post, *row_of;
	kb_analysis a;
	struct pending *pending;   /* kb_indexer_add_analyzed()'s terms */
	size_t pending_cap;
};

/* A term of an entry on its way into the postings. */
struct pending {
	const char *term;
	uint32_t len;
	const char *tf;      /* its counts, unaligned */
	uint64_t hash;
	struct tdelta *d;
};

static void analysis_init(kb_analysis *x);
static void analysis_free(kb_analysis *x);

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		cs_die(CS_EXIT_INTERNAL, "knowledge base: %s: %s", sql, sqlite3_errmsg(db));
	return st;
}

kb_indexer *kb_indexer_new(sqlite3 *db)
{
	kb_indexer *x = cs_calloc(1, sizeof *x);
	x->db = db;
	analysis_init(&x->a);
	x->ins = prepare(db, "INSERT INTO entry(id, kind, title, source, section, version, effective_from,"
			     " effective_until, owner, tags, questions, body, hash, len_title, len_question, len_body,"
			     " len_grams) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	x->del = prepare(db, "DELETE FROM entry WHERE n = ?");
	x->terms_of = prepare(db, "SELECT id, title, section, tags, questions, body FROM entry WHERE n = ?");
	x->learned = prepare(db, "SELECT question FROM learned WHERE entry_id = ? ORDER BY question");
	x->get_post = prepare(db, "SELECT postings FROM term WHERE term = ?");
	x->put_post = prepare(db, "INSERT OR REPLACE INTO term(term, df, postings) VALUES(?, ?, ?)");
	x->del_post = prepare(db, "DELETE FROM term WHERE term = ?");
	x->row_of = prepare(db, "SELECT n, id, kind, title, source, section, version, effective_from,"
				" effective_until, owner, tags, questions, body, hash FROM entry WHERE id = ?");
	return x;
}

void kb_indexer_free(kb_indexer *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->ndeltas; i++) {
		free(x->deltas[i]->term);
		cs_buf_free(&x->deltas[i]->add);
		free(x->deltas[i]->rm);
		free(x->deltas[i]);
	}
	free(x->deltas);
	free(x->pending);
	cs_map_free(&x->by_term);
	sqlite3_stmt *const st[] = {x->ins, x->del, x->terms_of, x->learned, x->get_post, x->put_post, x->del_post,
				    x->row_of};
	for (size_t i = 0; i < sizeof st / sizeof *st; i++)
		sqlite3_finalize(st[i]);
	analysis_free(&x->a);
	free(x);
}

static struct tdelta *delta_hashed(kb_indexer *x, const char *term, size_t len, uint64_t hash)
{
	void *v = cs_map_get_hashed(&x->by_term, term, len, hash);
	if (v)
		return x->deltas[(uintptr_t)v - 1];
	if (x->ndeltas == x->dcap) {
		x->dcap = x->dcap ? 2 * x->dcap : 1024;
		x->deltas = cs_realloc(x->deltas, x->dcap * sizeof *x->deltas);
	}
	struct tdelta *d = cs_calloc(1, sizeof *d);
	d->term = cs_strndup(term, len);
	x->deltas[x->ndeltas++] = d;
	cs_map_put(&x->by_term, term, len, (void *)(uintptr_t)x->ndeltas);
	return d;
}

static struct tdelta *delta_of(kb_indexer *x, const char *term, size_t len)
{
	return delta_hashed(x, term, len, cs_map_hash(term, len));
}

/* ---- analyzing one entry ---- */

static void grow_slots(kb_analysis *x)
{
	struct eterm *old = x->slots;
	size_t old_cap = x->slot_cap;
	x->slot_cap *= 2;
	x->slots = cs_calloc(x->slot_cap, sizeof *x->slots);
	x->used = cs_realloc(x->used, x->slot_cap * sizeof *x->used);
	for (size_t k = 0; k < x->nused; k++) {
		struct eterm *t = &old[x->used[k]];
		size_t i = t->hash & (x->slot_cap - 1);
		while (x->slots[i].len)
			i = (i + 1) & (x->slot_cap - 1);
		x->slots[i] = *t;
		x->used[k] = i;
	}
	(void)old_cap;
	free(old);
}

static int count_token(const cs_token *t, void *ctx)
{
	kb_analysis *x = ctx;
	if (2 * (x->nused + 1) > x->slot_cap)
		grow_slots(x);
	uint64_t h = t->hash;
	size_t i = h & (x->slot_cap - 1);
	while (x->slots[i].len &&
	       !(x->slots[i].hash == h && x->slots[i].len == t->len &&
		 memcmp(x->eterms.p + x->slots[i].at, t->term, t->len) == 0))
		i = (i + 1) & (x->slot_cap - 1);
	if (!x->slots[i].len) {
		x->slots[i] = (struct eterm){h, x->eterms.len, t->len, {0}};
		cs_buf_add(&x->eterms, t->term, t->len);
		cs_buf_addc(&x->eterms, 0);
		x->used[x->nused++] = i;
	}
	x->slots[i].tf[x->field]++;
	x->len[x->field]++;
	return 0;
}

static void count_gram(const char *gram, size_t n, void *ctx)
{
	kb_analysis *x = ctx;
	cs_token t = {gram, n, 0, 0, 0, cs_term_hash(gram, n)};
	count_token(&t, x);
}

/* A title or question term also counts its grams. */
static int count_with_grams(const cs_token *t, void *ctx)
{
	kb_analysis *x = ctx;
	count_token(t, x);
	int field = x->field;
	x->field = KB_GRAMS;
	kb_grams(t->term, t->len, count_gram, x);
	x->field = field;
	return 0;
}

/* A Chinese term (a bigram) has its characters as grams. */
static void han_grams(const char *term, size_t len, void (*fn)(const char *gram, size_t n, void *ctx), void *ctx)
{
	char gram[8];
	size_t i = 0;
	while (i < len) {
		size_t start = i;
		if (!cs_is_han(cs_utf8_next(term, len, &i)) || i - start > 4)
			return;
	}
	gram[0] = '#';
	for (i = 0; i < len;) {
		size_t start = i;
		cs_utf8_next(term, len, &i);
		memcpy(gram + 1, term + start, i - start);
		fn(gram, i - start + 1, ctx);
	}
}

void kb_grams(const char *term, size_t len, void (*fn)(const char *gram, size_t n, void *ctx), void *ctx)
{
	char padded[72], gram[KB_GRAM_N + 1];
	if (len + 2 > sizeof padded || len < 2)
		return;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)term[i] >= 0x80) {
			han_grams(term, len, fn, ctx);
			return;
		}
	padded[0] = '^';
	memcpy(padded + 1, term, len);
	padded[len + 1] = '$';
	gram[0] = '#';
	for (size_t i = 0; i + KB_GRAM_N <= len + 2; i++) {
		memcpy(gram + 1, padded + i, KB_GRAM_N);
		fn(gram, KB_GRAM_N + 1, ctx);
	}
}

static void analyze_field(kb_analysis *x, int field, const char *text)
{
	if (!text || !*text)
		return;
	x->field = field;
	cs_analyze(x->an, text, strlen(text), field == KB_BODY ? count_token : count_with_grams, x);
}

struct strings_ctx {
	kb_analysis *x;
	int field;
	cs_buf text;
};

static int analyze_one(cs_jval item, void *ctx)
{
	struct strings_ctx *c = ctx;
	const char *s = cs_jtext(item, &c->text);
	if (s && item.t == CS_J_STRING)
		analyze_field(c->x, c->field, s);
	return 0;
}

/* A JSON array of strings, each analyzed into field. */
static void analyze_strings(kb_analysis *x, int field, const char *json)
{
	if (!json)
		return;
	struct strings_ctx c = {x, field, CS_BUF_INIT};
	cs_jeach(cs_jval_of(json, strlen(json)), analyze_one, &c);
	cs_buf_free(&c.text);
}

static void analyze_learned(kb_indexer *x, const char *id)
{
	sqlite3_bind_text(x->learned, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(x->learned) == SQLITE_ROW)
		analyze_field(&x->a, KB_QUESTION, (const char *)sqlite3_column_text(x->learned, 0));
	sqlite3_reset(x->learned);
}

/* Has the entry with this id learned phrasings? */
static int has_learned(kb_indexer *x, const char *id)
{
	sqlite3_bind_text(x->learned, 1, id, -1, SQLITE_STATIC);
	int has = sqlite3_step(x->learned) == SQLITE_ROW;
	sqlite3_reset(x->learned);
	return has;
}

static int take_first(cs_jval item, void *ctx)
{
	*(cs_jval *)ctx = item;
	return 1;
}

/* Is title the same text as the first question (an FAQ titled by it)? */
static int title_is_question(const char *title, const char *questions)
{
	if (!title || !questions)
		return 0;
	cs_jval first = {0};
	cs_jeach(cs_jval_of(questions, strlen(questions)), take_first, &first);
	cs_buf t = CS_BUF_INIT;
	const char *q = first.t == CS_J_STRING ? cs_jtext(first, &t) : NULL;
	int same = q && strcmp(q, title) == 0;
	cs_buf_free(&t);
	return same;
}

static void analysis_init(kb_analysis *x)
{
	x->an = cs_analyzer_new();
	x->slot_cap = 1024;
	x->slots = cs_calloc(x->slot_cap, sizeof *x->slots);
	x->used = cs_malloc(x->slot_cap * sizeof *x->used);
}

static void analysis_free(kb_analysis *x)
{
	free(x->slots);
	free(x->used);
	cs_buf_free(&x->eterms);
	cs_analyzer_free(x->an);
}

static void begin_entry(kb_analysis *x)
{
	for (size_t k = 0; k < x->nused; k++)
		x->slots[x->used[k]] = (struct eterm){0};
	x->nused = 0;
	cs_buf_reset(&x->eterms);
	memset(x->len, 0, sizeof x->len);
}

/* The fields of an entry analyzed before its learned phrasings, and after. */
static void analyze_head(kb_analysis *x, const struct kb_entry *e)
{
	begin_entry(x);
	if (!title_is_question(e->title, e->questions))
		analyze_field(x, KB_TITLE, e->title);
	analyze_field(x, KB_TITLE, e->section);
	analyze_strings(x, KB_TITLE, e->tags);
	analyze_strings(x, KB_QUESTION, e->questions);
}

static void analyze_entry(kb_indexer *x, const struct kb_entry *e)
{
	analyze_head(&x->a, e);
	analyze_learned(x, e->id);
	analyze_field(&x->a, KB_BODY, e->body);
}

kb_analysis *kb_analysis_new(void)
{
	kb_analysis *x = cs_calloc(1, sizeof *x);
	analysis_init(x);
	return x;
}

void kb_analysis_free(kb_analysis *x)
{
	if (!x)
		return;
	analysis_free(x);
	free(x);
}

/* Each term as its length, its bytes and its count in each field. */
void kb_analyze_into(kb_analysis *x, const struct kb_entry *e, cs_buf *out, uint32_t len[KB_NFIELDS])
{
	analyze_head(x, e);
	analyze_field(x, KB_BODY, e->body);
	for (size_t k = 0; k < x->nused; k++) {
		const struct eterm *t = &x->slots[x->used[k]];
		uint32_t n = (uint32_t)t->len;
		cs_buf_add(out, &n, sizeof n);
		cs_buf_add(out, x->eterms.p + t->at, t->len);
		cs_buf_add(out, t->tf, sizeof t->tf);
	}
	memcpy(len, x->len, sizeof x->len);
}

static void note_removed(struct tdelta *d, int64_t n)
{
	if (d->nrm == d->rmcap) {
		d->rmcap = d->rmcap ? 2 * d->rmcap : 8;
		d->rm = cs_realloc(d->rm, d->rmcap * sizeof *d->rm);
	}
	d->rm[d->nrm++] = n;
}

static const char *column(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* An entry's terms are found again by analyzing its text, rather than kept
 * beside it (a third of the file). */
int kb_indexer_remove(kb_indexer *x, int64_t n)
{
	sqlite3_bind_int64(x->terms_of, 1, n);
	if (sqlite3_step(x->terms_of) == SQLITE_ROW) {
		struct kb_entry e = {.id = column(x->terms_of, 0), .title = column(x->terms_of, 1)};
		e.section = column(x->terms_of, 2);
		e.tags = column(x->terms_of, 3);
		e.questions = column(x->terms_of, 4);
		e.body = column(x->terms_of, 5);
		analyze_entry(x, &e);
		for (size_t k = 0; k < x->a.nused; k++) {
			const struct eterm *t = &x->a.slots[x->a.used[k]];
			note_removed(delta_of(x, x->a.eterms.p + t->at, t->len), n);
		}
	}
	sqlite3_reset(x->terms_of);
	sqlite3_bind_int64(x->del, 1, n);
	int rc = sqlite3_step(x->del);
	sqlite3_reset(x->del);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int64_t insert_entry(kb_indexer *x, const struct kb_entry *e, const char *hash, const uint32_t len[KB_NFIELDS])
{
	const char *const cols[] = {e->id, e->kind, e->title, e->source, e->section, e->version, e->valid_from,
				    e->valid_until, e->owner, e->tags, e->questions, e->body, hash};
	int i = 1;
	for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
		bind_opt(x->ins, i++, cols[k]);
	for (int f = 0; f < KB_NFIELDS; f++)
		sqlite3_bind_int64(x->ins, i++, len[f]);
	int rc = sqlite3_step(x->ins);
	sqlite3_reset(x->ins);
	sqlite3_clear_bindings(x->ins);
	return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(x->db) : -1;
}

/* Entry n's posting of the term d is for. */
static void add_posting(struct tdelta *d, int64_t n, const uint32_t tf[KB_NFIELDS])
{
	struct kb_posting p = {.n = n};
	memcpy(p.tf, tf, sizeof p.tf);
	struct encoder enc = {&d->add, d->add_last, 0};
	encode(&enc, &p);
	d->add_last = n;
	d->nadd++;
}

int64_t kb_indexer_add(kb_indexer *x, const struct kb_entry *e, const char *hash)
{
	analyze_entry(x, e);
	int64_t n = insert_entry(x, e, hash, x->a.len);
	if (n < 0)
		return -1;
	for (size_t k = 0; k < x->a.nused; k++) {
		const struct eterm *t = &x->a.slots[x->a.used[k]];
		add_posting(delta_of(x, x->a.eterms.p + t->at, t->len), n, t->tf);
	}
	return n;
}

int64_t kb_indexer_add_analyzed(kb_indexer *x, const struct kb_entry *e, const char *hash, const char *terms,
				size_t nbytes, const uint32_t len[KB_NFIELDS])
{
	if (has_learned(x, e->id))
		return kb_indexer_add(x, e, hash);   /* its phrasings go between its questions and its body */
	int64_t n = insert_entry(x, e, hash, len);
	if (n < 0)
		return -1;
	/* The terms' postings lie all over memory: each step asks for what the
	 * next needs for every term before any waits for it. */
	size_t np = 0;
	for (const char *at = terms, *end = terms + nbytes; at < end; np++) {
		if (np == x->pending_cap) {
			x->pending_cap = x->pending_cap ? x->pending_cap * 2 : 256;
			x->pending = cs_realloc(x->pending, x->pending_cap * sizeof *x->pending);
		}
		struct pending *p = &x->pending[np];
		memcpy(&p->len, at, sizeof p->len);
		p->term = at + sizeof p->len;
		p->tf = p->term + p->len;
		p->hash = cs_map_hash(p->term, p->len);
		cs_map_prefetch(&x->by_term, p->hash);
		at = p->tf + KB_NFIELDS * sizeof(uint32_t);
	}
	for (size_t k = 0; k < np; k++) {
		x->pending[k].d = delta_hashed(x, x->pending[k].term, x->pending[k].len, x->pending[k].hash);
		__builtin_prefetch(x->pending[k].d);
	}
	for (size_t k = 0; k < np; k++)
		__builtin_prefetch(x->pending[k].d->add.p + x->pending[k].d->add.len);
	for (size_t k = 0; k < np; k++) {
		uint32_t tf[KB_NFIELDS];
		memcpy(tf, x->pending[k].tf, sizeof tf);
		add_posting(x->pending[k].d, n, tf);
	}
	return n;
}

/* ---- writing the postings ---- */

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int is_removed(const struct tdelta *d, int64_t n)
{
	return d->nrm && bsearch(&n, d->rm, d->nrm, sizeof *d->rm, cmp_i64) != NULL;
}

/* Copy postings blob[0..len) into enc, leaving out the removed ones. */
static int merge_kept(struct encoder *enc, const struct tdelta *d, const unsigned char *blob, size_t len)
{
	struct kb_posting p;
	size_t at = 0;
	int64_t prev = 0;
	int more;
	while ((more = kb_posting_next(blob, len, &at, prev, &p)) > 0) {
		prev = p.n;
		if (!is_removed(d, p.n))
			encode(enc, &p);
	}
	return more;
}

static int write_term(kb_indexer *x, struct tdelta *d, cs_buf *out)
{
	struct encoder enc = {out, 0, 0};
	cs_buf_reset(out);
	if (d->nrm)
		qsort(d->rm, d->nrm, sizeof *d->rm, cmp_i64);
	sqlite3_bind_text(x->get_post, 1, d->term, -1, SQLITE_STATIC);
	int rc = 0, had = sqlite3_step(x->get_post) == SQLITE_ROW;
	if (had)
		rc = merge_kept(&enc, d, sqlite3_column_blob(x->get_post, 0),
				(size_t)sqlite3_column_bytes(x->get_post, 0));
	sqlite3_reset(x->get_post);
	if (!had && !d->nrm) {   /* a new term: the postings added are the term's, as encoded */
		cs_buf_add(out, d->add.p ? d->add.p : "", d->add.len);
		enc.count = d->nadd;
	} else if (rc < 0 || merge_kept(&enc, d, (const unsigned char *)d->add.p, d->add.len) < 0) {
		return -1;
	}
	sqlite3_stmt *st = enc.count ? x->put_post : x->del_post;
	sqlite3_bind_text(st, 1, d->term, -1, SQLITE_STATIC);
	if (enc.count) {
		sqlite3_bind_int64(st, 2, enc.count);
		sqlite3_bind_blob(st, 3, out->p ? out->p : "", (int)out->len, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void set_meta_num(sqlite3 *db, const char *key, double v)
{
	char num[40];
	snprintf(num, sizeof num, "%.17g", v);
	kb_set_meta(db, key, num);
}

static int write_lengths(kb_indexer *x)
{
	sqlite3_stmt *st = prepare(x->db, "SELECT count(*), total(len_title), total(len_question), total(len_body),"
					  " total(len_grams) FROM entry");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		static const char *const keys[] = {"entries", "len_title", "len_question", "len_body", "len_grams"};
		for (int i = 0; i < 5; i++)
			set_meta_num(x->db, keys[i], sqlite3_column_double(st, i));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int kb_indexer_finish(kb_indexer *x, cs_buf *err)
{
	cs_buf out = CS_BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < x->ndeltas && rc == 0; i++)
		if (write_term(x, x->deltas[i], &out) != 0) {
			cs_buf_reset(err);
			cs_buf_printf(err, "the postings of '%s': %s", x->deltas[i]->term,
				      sqlite3_errcode(x->db) == SQLITE_OK ? "damaged" : sqlite3_errmsg(x->db));
			rc = -1;
		}
	cs_buf_free(&out);
	if (rc == 0 && write_lengths(x) != 0) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s", sqlite3_errmsg(x->db));
		rc = -1;
	}
	return rc;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? cs_strdup((const char *)s) : NULL;
}

int kb_indexer_refresh(kb_indexer *x, const char *id)
{
	enum { NCOLS = 13 };
	char *col[NCOLS] = {0};
	int64_t n = -1;
	sqlite3_bind_text(x->row_of, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(x->row_of) == SQLITE_ROW) {
		n = sqlite3_column_int64(x->row_of, 0);
		for (int i = 0; i < NCOLS; i++)
			col[i] = col_dup(x->row_of, i + 1);
	}
	sqlite3_reset(x->row_of);
	int rc = -1;
	if (n >= 0 && kb_indexer_remove(x, n) == 0) {
		struct kb_entry e = {.id = col[0], .kind = col[1], .title = col[2], .source = col[3]};
		e.section = col[4];
		e.version = col[5];
		e.valid_from = col[6];
		e.valid_until = col[7];
		e.owner = col[8];
		e.tags = col[9];
		e.questions = col[10];
		e.body = col[11];
		rc = kb_indexer_add(x, &e, col[12]) < 0 ? -1 : 0;
	}
	for (int i = 0; i < NCOLS; i++)
		free(col[i]);
	return rc;
}
