#include "kit_libver.h"
#include <sqlite3.h>
const char *cs_libver_sqlite(void) { return sqlite3_libversion(); }
