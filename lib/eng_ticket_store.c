/* eng_ticket_store: tickets, their state machine and the store (see eng_ticket_store.h). */
#include "eng_ticket_store.h"
#include "kit_json.h"
#include "kit_jval.h"
#include "kit_jw.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_time.h"
#include "svc_store.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TK_FORMAT "1"

/* ---- statuses, priorities, the state machine ---- */

static const char *const status_names[TK_NSTATUS] = {"new", "open", "pending", "on_hold", "solved", "closed"};
static const char *const priority_names[TK_NPRIORITY] = {"low", "normal", "high", "urgent"};
static const char *const role_names[] = {"customer", "agent", "bot"};

/* moves[from]: the bits of the statuses it may go to. */
static const unsigned moves[TK_NSTATUS] = {
	[TK_NEW] = 1u << TK_OPEN | 1u << TK_PENDING | 1u << TK_ON_HOLD | 1u << TK_SOLVED | 1u << TK_CLOSED,
	[TK_OPEN] = 1u << TK_PENDING | 1u << TK_ON_HOLD | 1u << TK_SOLVED | 1u << TK_CLOSED,
	[TK_PENDING] = 1u << TK_OPEN | 1u << TK_ON_HOLD | 1u << TK_SOLVED | 1u << TK_CLOSED,
	[TK_ON_HOLD] = 1u << TK_OPEN | 1u << TK_PENDING | 1u << TK_SOLVED | 1u << TK_CLOSED,
	[TK_SOLVED] = 1u << TK_OPEN | 1u << TK_CLOSED,
	[TK_CLOSED] = 0,
};

const char *tk_status_name(enum tk_status s) { return (unsigned)s < TK_NSTATUS ? status_names[s] : "?"; }
const char *tk_priority_name(enum tk_priority p) { return (unsigned)p < TK_NPRIORITY ? priority_names[p] : "?"; }
const char *tk_role_name(enum tk_role r) { return (unsigned)r <= TK_BOT ? role_names[r] : "?"; }

static int name_index(const char *s, const char *const *names, int n)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int tk_status_of(const char *s, enum tk_status *out)
{
	int i = name_index(s, status_names, TK_NSTATUS);
	if (i < 0)
		return -1;
	*out = (enum tk_status)i;
	return 0;
}

int tk_priority_of(const char *s, enum tk_priority *out)
{
	int i = name_index(s, priority_names, TK_NPRIORITY);
	if (i < 0)
		return -1;
	*out = (enum tk_priority)i;
	return 0;
}

/* A source's own name of a priority: ours in any case, or a helpdesk's
 * common others (Freshdesk's and Jira's medium, critical, highest). */
int tk_priority_from_source(const char *s, enum tk_priority *out)
{
	static const struct {
		const char *name;
		enum tk_priority p;
	} others[] = {{"lowest", TK_LOW}, {"medium", TK_NORMAL}, {"highest", TK_URGENT}, {"critical", TK_URGENT}};
	char lower[16];
	size_t n = s ? strlen(s) : 0;
	if (!s || n >= sizeof lower)
		return -1;
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)tolower((unsigned char)s[i]);
	if (tk_priority_of(lower, out) == 0)
		return 0;
	for (size_t i = 0; i < sizeof others / sizeof *others; i++)
		if (strcmp(lower, others[i].name) == 0) {
			*out = others[i].p;
			return 0;
		}
	return -1;
}

int tk_role_of(const char *s, enum tk_role *out)
{
	int i = name_index(s, role_names, 3);
	if (i < 0)
		return -1;
	*out = (enum tk_role)i;
	return 0;
}

int tk_can_move(enum tk_status from, enum tk_status to)
{
	return (unsigned)from < TK_NSTATUS && (unsigned)to < TK_NSTATUS && (moves[from] >> to & 1u);
}

int tk_status_done(enum tk_status s) { return s == TK_SOLVED || s == TK_CLOSED; }

/* ---- a ticket in memory ---- */

void tk_set_str(char **member, const char *value)
{
	free(*member);
	*member = value && *value ? cs_strdup(value) : NULL;
}

void tk_tags_free(char **tags, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
}

void tk_ticket_clear(struct tk_ticket *t)
{
	free(t->id);
	free(t->conversation_id);
	free(t->group);
	free(t->assignee);
	tk_tags_free(t->tags, t->ntags);
	free(t->channel);
	free(t->customer_id);
	free(t->customer_tier);
	free(t->subject);
	free(t->follow_up_of);
	*t = (struct tk_ticket){.priority = TK_NORMAL};
}

/* Where tag is in the sorted list, or where it would go (*found 0). */
static size_t tag_place(char *const *tags, size_t n, const char *tag, int *found)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(tags[mid], tag);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	return lo;
}

static int tags_insert(char ***tags, size_t *n, const char *tag)
{
	int found;
	size_t at = tag_place(*tags, *n, tag, &found);
	if (found || !*tag)
		return 0;
	*tags = cs_realloc(*tags, (*n + 1) * sizeof **tags);
	memmove(*tags + at + 1, *tags + at, (*n - at) * sizeof **tags);
	(*tags)[at] = cs_strdup(tag);
	(*n)++;
	return 1;
}

int tk_tag_add(struct tk_ticket *t, const char *tag) { return tags_insert(&t->tags, &t->ntags, tag); }

int tk_tag_remove(struct tk_ticket *t, const char *tag)
{
	int found;
	size_t at = tag_place(t->tags, t->ntags, tag, &found);
	if (!found)
		return 0;
	free(t->tags[at]);
	memmove(t->tags + at, t->tags + at + 1, (t->ntags - at - 1) * sizeof *t->tags);
	t->ntags--;
	return 1;
}

void tk_tags_json(char *const *tags, size_t n, cs_buf *out)
{
	cs_buf_addc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			cs_buf_addc(out, ',');
		cs_json_string(out, tags[i], strlen(tags[i]));
	}
	cs_buf_addc(out, ']');
}

struct tag_reading {
	char **tags;
	size_t n;
	cs_buf text;
};

static int read_tag(cs_jval item, void *ctx)
{
	struct tag_reading *r = ctx;
	const char *s = item.t == CS_J_STRING ? cs_jtext(item, &r->text) : NULL;
	if (!s)
		return 1;
	tags_insert(&r->tags, &r->n, s);
	return 0;
}

int tk_tags_parse(const char *json, size_t n, char ***tags, size_t *ntags)
{
	enum cs_jtype type;
	cs_jerr jerr;
	if (cs_json_value(json, n, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0 || type != CS_J_ARRAY)
		return -1;
	struct tag_reading r = {NULL, 0, CS_BUF_INIT};
	int bad = cs_jeach(cs_jval_of(json, n), read_tag, &r);
	cs_buf_free(&r.text);
	if (bad) {
		tk_tags_free(r.tags, r.n);
		return -1;
	}
	*tags = r.tags;
	*ntags = r.n;
	return 0;
}

int64_t tk_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void tk_jw_str(cs_jw *w, const char *key, const char *value)
{
	if (!value)
		return;
	cs_jw_key(w, key);
	cs_jw_cstr(w, value);
}

void tk_jw_time(cs_jw *w, const char *key, int64_t ms)
{
	cs_jw_key(w, key);
	cs_jw_time(w, ms);
}

void tk_jw_tags(cs_jw *w, const struct tk_ticket *t)
{
	if (!t->ntags)
		return;
	cs_jw_key(w, "tags");
	cs_jw_array(w);
	for (size_t i = 0; i < t->ntags; i++)
		cs_jw_cstr(w, t->tags[i]);
	cs_jw_end_array(w);
}

void tk_jw_customer(cs_jw *w, const struct tk_ticket *t)
{
	if (!t->customer_id && !t->customer_tier)
		return;
	cs_jw_key(w, "customer");
	cs_jw_object(w);
	tk_jw_str(w, "id", t->customer_id);
	tk_jw_str(w, "tier", t->customer_tier);
	cs_jw_end_object(w);
}

/* ---- folding events ---- */

static void set_from(char **member, cs_jval v, cs_buf *scratch) { tk_set_str(member, cs_jtext(v, scratch)); }

static void fold_created(struct tk_ticket *t, const struct tk_event *e)
{
	cs_buf scratch = CS_BUF_INIT;
	size_t n = e->data ? strlen(e->data) : 0;
	enum cs_jtype type;
	cs_jerr jerr;
	cs_jval d = {NULL, 0, CS_J_NONE};
	if (n && cs_json_value(e->data, n, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) == 0)
		d = cs_jval_of(e->data, n);
	set_from(&t->conversation_id, cs_jget(d, "conversation_id"), &scratch);
	if (tk_priority_of(cs_jtext(cs_jget(d, "priority"), &scratch), &t->priority) != 0)
		t->priority = TK_NORMAL;
	set_from(&t->group, cs_jget(d, "group"), &scratch);
	set_from(&t->assignee, cs_jget(d, "assignee"), &scratch);
	set_from(&t->channel, cs_jget(d, "channel"), &scratch);
	set_from(&t->subject, cs_jget(d, "subject"), &scratch);
	cs_jval customer = cs_jget(d, "customer");
	set_from(&t->customer_id, cs_jget(customer, "id"), &scratch);
	set_from(&t->customer_tier, cs_jget(customer, "tier"), &scratch);
	cs_jval tags = cs_jget(d, "tags");
	tk_tags_free(t->tags, t->ntags);
	t->tags = NULL;
	t->ntags = 0;
	if (tags.t == CS_J_ARRAY)
		tk_tags_parse(tags.p, tags.n, &t->tags, &t->ntags);
	t->status = TK_NEW;
	t->created = e->ts;
	t->updated = e->ts;
	cs_buf_free(&scratch);
}

static const char *const fields[] = {"status", "priority", "group", "assignee", "tags", "follow_up_of", NULL};

int tk_event_changes_ticket(const struct tk_event *e)
{
	if (strcmp(e->action, "created") == 0 || strcmp(e->action, "message") == 0)
		return 1;
	for (int i = 0; e->field && fields[i]; i++)
		if (strcmp(e->field, fields[i]) == 0)
			return 1;
	return 0;
}

static void fold_change(struct tk_ticket *t, const struct tk_event *e)
{
	const char *f = e->field;
	if (strcmp(f, "status") == 0)
		tk_status_of(e->new_, &t->status);
	else if (strcmp(f, "priority") == 0)
		tk_priority_of(e->new_, &t->priority);
	else if (strcmp(f, "group") == 0)
		tk_set_str(&t->group, e->new_);
	else if (strcmp(f, "assignee") == 0)
		tk_set_str(&t->assignee, e->new_);
	else if (strcmp(f, "follow_up_of") == 0)
		tk_set_str(&t->follow_up_of, e->new_);
	else if (strcmp(f, "tags") == 0) {
		char **tags;
		size_t n;
		if (e->new_ && tk_tags_parse(e->new_, strlen(e->new_), &tags, &n) == 0) {
			tk_tags_free(t->tags, t->ntags);
			t->tags = tags;
			t->ntags = n;
		}
	}
}

void tk_fold(struct tk_ticket *t, const struct tk_event *e)
{
	if (!t->id)
		t->id = cs_strdup(e->ticket);
	if (!tk_event_changes_ticket(e))
		return;
	if (strcmp(e->action, "created") == 0)
		fold_created(t, e);
	else if (e->field)
		fold_change(t, e);
	if (e->ts > t->updated)
		t->updated = e->ts;
}

int tk_event_message(const struct tk_event *e, struct tk_message *m, cs_buf *idbuf, cs_buf *convbuf)
{
	size_t n = e->data ? strlen(e->data) : 0;
	enum cs_jtype type;
	cs_jerr jerr;
	if (strcmp(e->action, "message") != 0 || !n ||
	    cs_json_value(e->data, n, CS_JSON_DEFAULT_MAX_DEPTH, &type, &jerr) < 0)
		return -1;
	cs_jval d = cs_jval_of(e->data, n);
	cs_buf role = CS_BUF_INIT;
	int bad = tk_role_of(cs_jtext(cs_jget(d, "role"), &role), &m->role);
	cs_buf_free(&role);
	m->id = cs_jtext(cs_jget(d, "id"), idbuf);
	m->conversation_id = cs_jtext(cs_jget(d, "conversation_id"), convbuf);
	if (bad || !m->id)
		return -1;
	m->public = cs_jbool(cs_jget(d, "public"), 1);
	m->ts = e->ts;
	return 0;
}

/* ---- the store ---- */

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS event(seq INTEGER PRIMARY KEY, ticket TEXT NOT NULL, ts INTEGER NOT NULL,"
	" actor TEXT, action TEXT NOT NULL, field TEXT, old TEXT, new TEXT, data TEXT);"
	"CREATE INDEX IF NOT EXISTS event_ticket ON event(ticket, seq);"
	"CREATE INDEX IF NOT EXISTS event_message ON event(json_extract(data, '$.conversation_id'),"
	" json_extract(data, '$.id')) WHERE action = 'message';"
	"CREATE TABLE IF NOT EXISTS ticket(id TEXT PRIMARY KEY, conversation_id TEXT, status TEXT NOT NULL,"
	" priority TEXT, grp TEXT, assignee TEXT, tags TEXT, channel TEXT, customer_id TEXT, customer_tier TEXT,"
	" subject TEXT, created INTEGER, updated INTEGER, follow_up_of TEXT);"
	"CREATE INDEX IF NOT EXISTS ticket_status ON ticket(status, id);"
	"CREATE INDEX IF NOT EXISTS ticket_assignee ON ticket(assignee, status);"
	"CREATE INDEX IF NOT EXISTS ticket_follow_up ON ticket(follow_up_of);"
	"CREATE TABLE IF NOT EXISTS turn(grp TEXT PRIMARY KEY, agent TEXT) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO meta VALUES('format', '" TK_FORMAT "');";

enum query {
	Q_GET, Q_PUT, Q_APPEND, Q_HAS_MESSAGE, Q_HAS_CHANGE, Q_FOLLOW_UP, Q_LOAD, Q_TURN, Q_SET_TURN, Q_NUMBER,
	Q_SET_NUMBER, Q_EVENTS, Q_N
};

static const char *const query_sql[Q_N] = {
	[Q_GET] = "SELECT id, conversation_id, status, priority, grp, assignee, tags, channel, customer_id,"
		  " customer_tier, subject, created, updated, follow_up_of FROM ticket WHERE id = ?1",
	[Q_PUT] = "INSERT OR REPLACE INTO ticket VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	[Q_APPEND] = "INSERT INTO event(ticket, ts, actor, action, field, old, new, data)"
		     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[Q_HAS_MESSAGE] = "SELECT 1 FROM event WHERE action = 'message' AND json_extract(data, '$.conversation_id') = ?1"
			  " AND json_extract(data, '$.id') = ?2 LIMIT 1",
	[Q_HAS_CHANGE] = "SELECT 1 FROM event WHERE ticket = ?1 AND ts = ?2 AND action = ?3 AND new IS ?4 LIMIT 1",
	[Q_FOLLOW_UP] = "SELECT id FROM ticket WHERE follow_up_of = ?1 ORDER BY created, id LIMIT 1",
	[Q_LOAD] = "SELECT count(*) FROM ticket WHERE assignee = ?1 AND status IN ('new', 'open', 'pending', 'on_hold')",
	[Q_TURN] = "SELECT agent FROM turn WHERE grp = ?1",
	[Q_SET_TURN] = "INSERT OR REPLACE INTO turn VALUES(?1, ?2)",
	[Q_NUMBER] = "SELECT value FROM meta WHERE key = 'next_id'",
	[Q_SET_NUMBER] = "INSERT OR REPLACE INTO meta VALUES('next_id', ?1)",
	[Q_EVENTS] = "SELECT seq, ticket, ts, actor, action, field, old, new, data FROM event WHERE ticket = ?1 ORDER BY seq",
};

struct tk_store {
	sqlite3 *db;
	char *path;
	int write;
	int in_tx;
	sqlite3_stmt *q[Q_N];
};

static int is_busy(sqlite3 *db)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_OK;
	return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/* The reason the last call on db failed, and the exit code it calls for. */
static int why_failed(sqlite3 *db, const char *path, cs_buf *err)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_CANTOPEN;
	cs_buf_reset(err);
	if (code == SQLITE_NOTADB) {
		cs_buf_printf(err, "%s: not a cs-ticket store", path);
		return CS_EXIT_CONFIG;
	}
	cs_buf_printf(err, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
	if (is_busy(db)) {
		cs_buf_adds(err, " (another process is writing to it; try again later)");
		return CS_EXIT_BUSY;
	}
	return CS_EXIT_IO;
}

static _Noreturn void fail(tk_store *s)
{
	cs_buf err = CS_BUF_INIT;
	int status = why_failed(s->db, s->path, &err);
	cs_die(status, "%s", err.p);
}

static void exec(tk_store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail(s);
}

/* Is the file a store of this format? 0 yes; CS_EXIT_CONFIG with err set
 * when it is not a store (a knowledge base has a meta table with a format
 * too) or is another version's; -1 when it cannot be read (db's error). */
static int check_format(sqlite3 *db, const char *path, cs_buf *err)
{
	sqlite3_int64 tables = cs_store_number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND"
						" name IN ('meta', 'ticket', 'event')");
	if (tables < 0)
		return -1;
	cs_buf format = CS_BUF_INIT;
	cs_buf_adds(&format, "");
	if (tables == 3 && cs_store_text(db, "SELECT value FROM meta WHERE key = 'format'", &format) != 0) {
		cs_buf_free(&format);
		return -1;
	}
	int status = 0;
	cs_buf_reset(err);
	if (!format.len) {
		cs_buf_printf(err, "%s: not a cs-ticket store", path);
		status = CS_EXIT_CONFIG;
	} else if (strcmp(format.p, TK_FORMAT) != 0) {
		cs_buf_printf(err, "%s: a cs-ticket store of format %s; this cs-ticket reads format %s", path, format.p,
			      TK_FORMAT);
		status = CS_EXIT_CONFIG;
	}
	cs_buf_free(&format);
	return status;
}

/* 1 when the file holds no table yet, 0 when it does, -1 on an error. */
static int is_empty(sqlite3 *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static tk_store *open_fail(sqlite3 *db, const char *path, cs_buf *err, int *status)
{
	*status = why_failed(db, path, err);
	sqlite3_close(db);
	return NULL;
}

/* A new store gets its tables under the write lock, so two runs that start
 * together on a missing file make them once; then it turns to WAL. On an
 * error the caller closes db, which rolls back what is left: a ROLLBACK
 * here would replace the error's message (a failed COMMIT has rolled back
 * already, and the ROLLBACK fails with "no transaction is active"). */
static int set_up(sqlite3 *db)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

tk_store *tk_store_open(const char *path, int write, cs_buf *err, int *status)
{
	struct stat sb;
	sqlite3 *db = NULL;
	if (!write && stat(path, &sb) != 0) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s: %s", path, strerror(errno));
		*status = CS_EXIT_IO;
		return NULL;
	}
	if (write && cs_create_private(path, err) != 0) {
		*status = CS_EXIT_IO;
		return NULL;
	}
	/* A large cache: tickets and messages land all over the indexes, and a
	 * small one spills pages to the WAL on every record. */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 10000) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY", NULL, NULL,
			 NULL) != SQLITE_OK)
		return open_fail(db, path, err, status);
	int fresh = is_empty(db);
	if (fresh < 0)
		return open_fail(db, path, err, status);
	/* Tables are made (or added by a later version) only in a file that is
	 * new or already ours. */
	int checked = fresh ? 0 : check_format(db, path, err);
	if (checked < 0 || (write && checked == 0 && set_up(db) != 0))
		return open_fail(db, path, err, status);
	checked = check_format(db, path, err);
	if (checked < 0)
		return open_fail(db, path, err, status);
	if (checked > 0) {
		*status = checked;
		sqlite3_close(db);
		return NULL;
	}
	tk_store *s = cs_calloc(1, sizeof *s);
	s->db = db;
	s->path = cs_strdup(path);
	s->write = write;
	return s;
}

void tk_store_close(tk_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < Q_N; i++)
		sqlite3_finalize(s->q[i]);
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *tk_store_path(const tk_store *s) { return s->path; }

void tk_store_begin(tk_store *s)
{
	if (s->in_tx)
		return;
	exec(s, s->write ? "BEGIN IMMEDIATE" : "BEGIN");
	s->in_tx = 1;
}

void tk_store_commit(tk_store *s)
{
	if (!s->in_tx)
		return;
	exec(s, "COMMIT");
	s->in_tx = 0;
}

int tk_store_in_tx(const tk_store *s) { return s->in_tx; }
void tk_store_mark(tk_store *s) { exec(s, "SAVEPOINT record"); }
void tk_store_undo(tk_store *s) { exec(s, "ROLLBACK TO record; RELEASE record"); }
void tk_store_keep(tk_store *s) { exec(s, "RELEASE record"); }

/* The query, prepared once; reset and unbound after each use. */
static sqlite3_stmt *query(tk_store *s, enum query q)
{
	if (!s->q[q] && sqlite3_prepare_v2(s->db, query_sql[q], -1, &s->q[q], NULL) != SQLITE_OK)
		fail(s);
	return s->q[q];
}

static void done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Step a statement that returns no rows. */
static void run(tk_store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	done(st);
	if (rc != SQLITE_DONE)
		fail(s);
}

/* Step for a row: 1, or 0 at the end; dies on an error. */
static int row(tk_store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		fail(s);
	return 0;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s && *s ? cs_strdup((const char *)s) : NULL;
}

static const char *col_str(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* A row of SELECT id, conversation_id, status, ... follow_up_of into t. */
static void ticket_of_row(sqlite3_stmt *st, struct tk_ticket *t)
{
	tk_ticket_clear(t);
	t->id = col_dup(st, 0);
	t->conversation_id = col_dup(st, 1);
	if (tk_status_of(col_str(st, 2), &t->status) != 0)
		t->status = TK_NEW;
	if (tk_priority_of(col_str(st, 3), &t->priority) != 0)
		t->priority = TK_NORMAL;
	t->group = col_dup(st, 4);
	t->assignee = col_dup(st, 5);
	const char *tags = col_str(st, 6);
	if (tags && tk_tags_parse(tags, strlen(tags), &t->tags, &t->ntags) != 0)
		t->ntags = 0;
	t->channel = col_dup(st, 7);
	t->customer_id = col_dup(st, 8);
	t->customer_tier = col_dup(st, 9);
	t->subject = col_dup(st, 10);
	t->created = sqlite3_column_int64(st, 11);
	t->updated = sqlite3_column_int64(st, 12);
	t->follow_up_of = col_dup(st, 13);
}

int tk_store_get(tk_store *s, const char *id, struct tk_ticket *t)
{
	sqlite3_stmt *st = query(s, Q_GET);
	bind_str(st, 1, id);
	int found = row(s, st);
	if (found)
		ticket_of_row(st, t);
	done(st);
	return found;
}

void tk_store_put(tk_store *s, const struct tk_ticket *t)
{
	sqlite3_stmt *st = query(s, Q_PUT);
	cs_buf tags = CS_BUF_INIT;
	tk_tags_json(t->tags, t->ntags, &tags);
	bind_str(st, 1, t->id);
	bind_str(st, 2, t->conversation_id);
	bind_str(st, 3, tk_status_name(t->status));
	bind_str(st, 4, tk_priority_name(t->priority));
	bind_str(st, 5, t->group);
	bind_str(st, 6, t->assignee);
	bind_str(st, 7, tags.p);
	bind_str(st, 8, t->channel);
	bind_str(st, 9, t->customer_id);
	bind_str(st, 10, t->customer_tier);
	bind_str(st, 11, t->subject);
	sqlite3_bind_int64(st, 12, t->created);
	sqlite3_bind_int64(st, 13, t->updated);
	bind_str(st, 14, t->follow_up_of);
	run(s, st);
	cs_buf_free(&tags);
}

int64_t tk_store_append(tk_store *s, struct tk_ticket *t, struct tk_event *e)
{
	sqlite3_stmt *st = query(s, Q_APPEND);
	bind_str(st, 1, e->ticket);
	sqlite3_bind_int64(st, 2, e->ts);
	bind_str(st, 3, e->actor);
	bind_str(st, 4, e->action);
	bind_str(st, 5, e->field);
	bind_str(st, 6, e->old);
	bind_str(st, 7, e->new_);
	bind_str(st, 8, e->data);
	run(s, st);
	e->seq = sqlite3_last_insert_rowid(s->db);
	tk_fold(t, e);
	return e->seq;
}

/* Does the query, with text parameters a and b, return a row? */
static int exists(tk_store *s, enum query q, const char *a, const char *b)
{
	sqlite3_stmt *st = query(s, q);
	bind_str(st, 1, a);
	bind_str(st, 2, b);
	int found = row(s, st);
	done(st);
	return found;
}

int tk_store_has_message(tk_store *s, const char *conversation_id, const char *message_id)
{
	return exists(s, Q_HAS_MESSAGE, conversation_id, message_id);
}

int tk_store_has_change(tk_store *s, const char *ticket, int64_t ts, const char *action, const char *new_)
{
	sqlite3_stmt *st = query(s, Q_HAS_CHANGE);
	bind_str(st, 1, ticket);
	sqlite3_bind_int64(st, 2, ts);
	bind_str(st, 3, action);
	bind_str(st, 4, new_);
	int found = row(s, st);
	done(st);
	return found;
}

/* The first column of the query's row, with parameter a, into out; or NULL. */
static const char *text_of(tk_store *s, enum query q, const char *a, cs_buf *out)
{
	sqlite3_stmt *st = query(s, q);
	bind_str(st, 1, a);
	const char *v = NULL;
	if (row(s, st) && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		cs_buf_reset(out);
		cs_buf_adds(out, col_str(st, 0));
		v = out->p;
	}
	done(st);
	return v;
}

const char *tk_store_follow_up(tk_store *s, const char *id, cs_buf *out) { return text_of(s, Q_FOLLOW_UP, id, out); }
const char *tk_store_turn(tk_store *s, const char *group, cs_buf *out) { return text_of(s, Q_TURN, group, out); }

void tk_store_set_turn(tk_store *s, const char *group, const char *agent)
{
	sqlite3_stmt *st = query(s, Q_SET_TURN);
	bind_str(st, 1, group);
	bind_str(st, 2, agent);
	run(s, st);
}

int64_t tk_store_load(tk_store *s, const char *agent)
{
	sqlite3_stmt *st = query(s, Q_LOAD);
	bind_str(st, 1, agent);
	int64_t n = row(s, st) ? sqlite3_column_int64(st, 0) : 0;
	done(st);
	return n;
}

int64_t tk_store_next_number(tk_store *s)
{
	sqlite3_stmt *st = query(s, Q_NUMBER);
	int64_t n = row(s, st) ? sqlite3_column_int64(st, 0) : 1;
	done(st);
	n = n < 1 ? 1 : n;
	st = query(s, Q_SET_NUMBER);
	sqlite3_bind_int64(st, 1, n + 1);
	run(s, st);
	return n;
}

/* ---- readers ---- */

static void event_of_row(sqlite3_stmt *st, struct tk_event *e)
{
	*e = (struct tk_event){
		.seq = sqlite3_column_int64(st, 0),
		.ticket = col_str(st, 1),
		.ts = sqlite3_column_int64(st, 2),
		.actor = col_str(st, 3),
		.action = col_str(st, 4),
		.field = col_str(st, 5),
		.old = col_str(st, 6),
		.new_ = col_str(st, 7),
		.data = col_str(st, 8),
	};
	if (!e->action)
		e->action = "";
	if (!e->ticket)
		e->ticket = "";
}

int tk_store_each_event(tk_store *s, const char *ticket, int (*fn)(const struct tk_event *e, void *ctx), void *ctx)
{
	sqlite3_stmt *st = query(s, Q_EVENTS), *own = NULL;
	/* A reader called from inside another's callback gets a statement of its own. */
	if (sqlite3_stmt_busy(st)) {
		if (sqlite3_prepare_v2(s->db, query_sql[Q_EVENTS], -1, &own, NULL) != SQLITE_OK)
			fail(s);
		st = own;
	}
	bind_str(st, 1, ticket);
	int stop = 0;
	struct tk_event e;
	while (!stop && row(s, st)) {
		event_of_row(st, &e);
		stop = fn(&e, ctx);
	}
	done(st);
	sqlite3_finalize(own);
	return stop;
}

static void ticket_sql(const struct tk_query *q, cs_buf *sql)
{
	cs_buf_adds(sql, "SELECT id, conversation_id, status, priority, grp, assignee, tags, channel, customer_id,"
			 " customer_tier, subject, created, updated, follow_up_of FROM ticket WHERE 1");
	if (q->statuses) {
		const char *sep = " AND status IN (";
		for (int i = 0; i < TK_NSTATUS; i++)
			if (q->statuses >> i & 1u) {
				cs_buf_printf(sql, "%s'%s'", sep, status_names[i]);
				sep = ", ";
			}
		cs_buf_addc(sql, ')');
	}
	if (q->group)
		cs_buf_adds(sql, " AND grp = ?1");
	if (q->assignee)
		cs_buf_adds(sql, " AND assignee = ?2");
	cs_buf_adds(sql, " ORDER BY id");
}

int tk_store_each_ticket(tk_store *s, const struct tk_query *q, int (*fn)(const struct tk_ticket *t, void *ctx),
			 void *ctx)
{
	cs_buf sql = CS_BUF_INIT;
	sqlite3_stmt *st;
	ticket_sql(q, &sql);
	if (sqlite3_prepare_v2(s->db, sql.p, -1, &st, NULL) != SQLITE_OK)
		fail(s);
	cs_buf_free(&sql);
	bind_str(st, 1, q->group);
	bind_str(st, 2, q->assignee);
	struct tk_ticket t = {0};
	int stop = 0;
	while (!stop && row(s, st)) {
		ticket_of_row(st, &t);
		stop = fn(&t, ctx);
	}
	tk_ticket_clear(&t);
	sqlite3_finalize(st);
	return stop;
}

void tk_store_recompute(tk_store *s, uint64_t *tickets, uint64_t *events)
{
	sqlite3_stmt *st;
	exec(s, "DELETE FROM ticket");
	if (sqlite3_prepare_v2(s->db, "SELECT seq, ticket, ts, actor, action, field, old, new, data FROM event"
				      " ORDER BY ticket, seq",
			       -1, &st, NULL) != SQLITE_OK)
		fail(s);
	struct tk_ticket t = {0};
	struct tk_event e;
	tk_ticket_clear(&t);
	*tickets = *events = 0;
	while (row(s, st)) {
		event_of_row(st, &e);
		if (t.id && strcmp(t.id, e.ticket) != 0) {
			tk_store_put(s, &t);
			tk_ticket_clear(&t);
			(*tickets)++;
		}
		tk_fold(&t, &e);
		(*events)++;
	}
	if (t.id) {
		tk_store_put(s, &t);
		(*tickets)++;
	}
	tk_ticket_clear(&t);
	sqlite3_finalize(st);
}
