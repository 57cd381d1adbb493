/* kit_where: the common subset of jq, evaluated natively on a scanned record
 * (kit_json spans), for --where and --select without a round trip to the jq
 * worker. The subset, parsed with jq 1.6's precedence:
 *   .  .a.b  .a[0]  .["k"]  ."k"  any of them with ?  (expr)  expr | expr
 *   literals: numbers, strings (no interpolation), true, false, null, and
 *   arrays and objects of literals
 *   ==  !=  <  <=  >  >=   and   or   //   not
 *   select(f)  has(k)  length  ascii_downcase  test(re)  test(re; flags)
 *   startswith(s)  endswith(s)  contains(s)  in(xs)  IN(a, b, ...)
 * A regular expression must be a string literal: PCRE2 (UTF, Unicode
 * classes) with match and depth limits, and only the constructs that mean
 * the same in jq 1.6's Oniguruma (flags i, x and g).
 *
 * The verdict is jq's: the first output decides (false, null or none is
 * false). Whenever jq would raise an error, or a value falls outside what is
 * done natively (comparing two different arrays, contains on objects, ...),
 * the record is handed back (CS_WHERE_ASK_JQ), so jq's own semantics and
 * messages decide it. Not thread-safe: one cs_where per thread. */
#ifndef CS_WHERE_H
#define CS_WHERE_H
#include <stddef.h>
#include "kit_json.h"

typedef struct cs_where cs_where;

/* Compile expr if it lies wholly in the subset; NULL if not (the caller then
 * asks jq for every record). */
cs_where *cs_where_compile(const char *expr);
void cs_where_free(cs_where *w);

enum { CS_WHERE_FALSE = 0, CS_WHERE_TRUE = 1, CS_WHERE_ASK_JQ = 2, CS_WHERE_LIMIT = 3 };
/* Evaluate on one record: text[0..len) is the object obj describes (already
 * validated); max_depth bounds the scan of nested values. LIMIT: a regex hit
 * its match limit (the caller reports the record). */
int cs_where_eval(cs_where *w, const char *text, size_t len, const cs_obj *obj, int max_depth);
#endif
