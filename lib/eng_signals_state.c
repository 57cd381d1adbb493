/* eng_signals_state: alert cooldowns (see the header). */
#include "eng_signals_state.h"
#include "kit_hash.h"
#include "kit_mem.h"
#include "kit_out.h"
#include "svc_store.h"
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cs_sig_state {
	sqlite3 *db;
	sqlite3_stmt *get, *put;
	cs_map last;          /* "who\ttype" -> 1 + its place in times[] */
	int64_t *times;       /* this run's alerts */
	size_t ntimes;
	cs_buf key;
};

#define STATE_FORMAT "cs-signals-state 1"

/* meta came in a later release: a file with the cooldown table alone is an
 * earlier release's, and gets meta at its next run. */
static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS cooldown (who TEXT NOT NULL, type TEXT NOT NULL, last_ms INTEGER NOT NULL,"
	" PRIMARY KEY (who, type)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO meta VALUES ('format', '" STATE_FORMAT "');";

static int fail(cs_sig_state *s, const char *path, cs_buf *err)
{
	int code = s->db ? sqlite3_errcode(s->db) & 0xff : SQLITE_CANTOPEN;
	int busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
	cs_buf_reset(err);
	cs_buf_printf(err, "%s: %s%s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open",
		      busy ? " (another cs-signals holds it)" : "");
	cs_sig_state_close(s);
	return busy ? -2 : code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? -3 : -1;
}

enum ownership { OWN_UNREADABLE = -1, OWN_OTHER, OWN_OURS, OWN_OTHER_FORMAT };

/* Is the file empty, or a state cs-signals wrote: the cooldown table and a
 * meta table with its format and nothing else (an earlier release's has
 * no meta)? Asked before anything is written, so that another program's
 * file (a ticket store, a knowledge base) is left as it is, its journal
 * mode included. format gets the format a state of another version names. */
static enum ownership ownership(sqlite3 *db, cs_buf *format)
{
	sqlite3_int64 objects = cs_store_number(db, "SELECT count(*) FROM sqlite_master");
	if (objects <= 0)
		return objects < 0 ? OWN_UNREADABLE : OWN_OURS;
	sqlite3_int64 others = cs_store_number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND"
						" name NOT IN ('cooldown', 'meta')");
	sqlite3_int64 cooldown = cs_store_number(db, "SELECT count(*) FROM sqlite_master WHERE name = 'cooldown'");
	sqlite3_int64 meta = cs_store_number(db, "SELECT count(*) FROM sqlite_master WHERE name = 'meta'");
	if (others < 0 || cooldown < 0 || meta < 0)
		return OWN_UNREADABLE;
	if (others || !cooldown)
		return OWN_OTHER;
	if (!meta)
		return OWN_OURS;
	sqlite3_int64 other_keys = cs_store_number(db, "SELECT count(*) FROM meta WHERE key <> 'format'");
	if (cs_store_text(db, "SELECT value FROM meta WHERE key = 'format'", format) != 0 || other_keys < 0)
		return OWN_UNREADABLE;
	if (strncmp(format->p, "cs-signals-state ", 17) != 0 || other_keys)
		return OWN_OTHER;
	return strcmp(format->p, STATE_FORMAT) == 0 ? OWN_OURS : OWN_OTHER_FORMAT;
}

/* 0 when the file at s->db may be used; else closes s and returns what
 * cs_sig_state_open does. */
static int check_ours(cs_sig_state *s, const char *path, cs_buf *err)
{
	cs_buf format = CS_BUF_INIT;
	enum ownership own = ownership(s->db, &format);
	if (own == OWN_UNREADABLE) {
		cs_buf_free(&format);
		return fail(s, path, err);
	}
	if (own == OWN_OURS) {
		cs_buf_free(&format);
		return 0;
	}
	cs_buf_reset(err);
	if (own == OWN_OTHER_FORMAT)
		cs_buf_printf(err, "%s: a cs-signals state of format '%s'; this cs-signals reads '%s' (left unchanged)",
			      path, format.p, STATE_FORMAT);
	else
		cs_buf_printf(err, "%s: not a cs-signals state file (left unchanged)", path);
	cs_buf_free(&format);
	cs_sig_state_close(s);
	return -3;
}

int cs_sig_state_open(const char *path, cs_sig_state **out, cs_buf *err)
{
	cs_sig_state *s = cs_calloc(1, sizeof *s);
	*out = NULL;
	if (!path) {
		*out = s;
		return 0;
	}
	if (cs_create_private(path, err) != 0) {
		cs_sig_state_close(s);
		return -1;
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(s->db, 10000) != SQLITE_OK)
		return fail(s, path, err);
	int rc = check_ours(s, path, err);
	if (rc != 0)
		return rc;
	if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT last_ms FROM cooldown WHERE who = ?1 AND type = ?2", -1, &s->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO cooldown (who, type, last_ms) VALUES (?1, ?2, ?3)", -1, &s->put,
			       NULL) != SQLITE_OK)
		return fail(s, path, err);
	*out = s;
	return 0;
}

/* The time of the last alert, from this run or the file: 1 and *ms, or 0. */
static int last_alert(cs_sig_state *s, const char *who, const char *type, int64_t *ms)
{
	uintptr_t at = (uintptr_t)cs_map_get(&s->last, s->key.p, s->key.len);
	if (at) {
		*ms = s->times[at - 1];
		return 1;
	}
	if (!s->db)
		return 0;
	sqlite3_bind_text(s->get, 1, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->get, 2, type, -1, SQLITE_STATIC);
	int found = sqlite3_step(s->get) == SQLITE_ROW;
	if (found)
		*ms = sqlite3_column_int64(s->get, 0);
	sqlite3_reset(s->get);
	return found;
}

static void remember(cs_sig_state *s, const char *who, const char *type, int64_t ts)
{
	uintptr_t at = (uintptr_t)cs_map_get(&s->last, s->key.p, s->key.len);
	if (!at) {
		s->times = cs_realloc(s->times, (s->ntimes + 1) * sizeof *s->times);
		at = ++s->ntimes;
		cs_map_put(&s->last, s->key.p, s->key.len, (void *)at);
	}
	s->times[at - 1] = ts;
	if (!s->db)
		return;
	sqlite3_bind_text(s->put, 1, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->put, 2, type, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->put, 3, ts);
	sqlite3_step(s->put);
	sqlite3_reset(s->put);
}

int cs_sig_state_allow(cs_sig_state *s, const char *who, const char *type, int64_t ts, int64_t cooldown_ms)
{
	cs_buf_reset(&s->key);
	cs_buf_adds(&s->key, who);
	cs_buf_addc(&s->key, '\t');
	cs_buf_adds(&s->key, type);
	int64_t last;
	if (last_alert(s, who, type, &last) && (ts < last || ts - last < cooldown_ms))
		return 0;
	remember(s, who, type, ts);
	return 1;
}

int cs_sig_state_commit(cs_sig_state *s, cs_buf *err)
{
	if (!s->db || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	cs_buf_reset(err);
	cs_buf_printf(err, "the alert state: %s", sqlite3_errmsg(s->db));
	return -1;
}

void cs_sig_state_close(cs_sig_state *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->get);
	sqlite3_finalize(s->put);
	sqlite3_close(s->db);
	free(s->times);
	cs_map_free(&s->last);
	cs_buf_free(&s->key);
	free(s);
}
