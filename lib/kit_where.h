/* kit_where: native evaluation of the common jq subset (stub until the evaluator lands). */
#ifndef CS_WHERE_H
#define CS_WHERE_H
#include <stddef.h>
#include "kit_json.h"
typedef struct cs_where cs_where;
cs_where *cs_where_compile(const char *expr);
void cs_where_free(cs_where *w);
enum { CS_WHERE_FALSE = 0, CS_WHERE_TRUE = 1, CS_WHERE_ASK_JQ = 2, CS_WHERE_LIMIT = 3 };
int cs_where_eval(cs_where *w, const char *text, size_t len, const cs_obj *obj, int max_depth);
#endif
