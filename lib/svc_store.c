/* svc_store: what the SQLite stores share (see svc_store.h). */
#include "svc_store.h"

sqlite3_int64 cs_store_number(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3_int64 n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	return sqlite3_finalize(st) == SQLITE_OK ? n : -1;
}

int cs_store_text(sqlite3 *db, const char *sql, cs_buf *out)
{
	sqlite3_stmt *st;
	cs_buf_reset(out);
	cs_buf_adds(out, "");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		cs_buf_adds(out, (const char *)sqlite3_column_text(st, 0));
	return sqlite3_finalize(st) == SQLITE_OK ? 0 : -1;
}
