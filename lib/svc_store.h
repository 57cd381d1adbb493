/* svc_store: what the SQLite stores of several programs share: cs-ticket's
 * store, cs-answer's knowledge base, cs-route's and cs-signals' state. */
#ifndef CS_SVC_STORE_H
#define CS_SVC_STORE_H
#include <sqlite3.h>
#include "kit_buf.h"

/* One number a query gives (its first column of its first row), or -1 when
 * the query fails (db's error says why). */
sqlite3_int64 cs_store_number(sqlite3 *db, const char *sql);
/* The text a query gives (its first column of its first row) into out,
 * empty when there is no row or it is NULL: 0, or -1 when the query fails
 * (db's error says why). out->p is a string either way. */
int cs_store_text(sqlite3 *db, const char *sql, cs_buf *out);
#endif
