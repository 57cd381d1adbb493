/* kit_filter: one --where or --select expression. The common jq subset is
 * evaluated natively on the scanned record (kit_where); an expression outside
 * it, or a record the native evaluator hands back (a jq error, a value it
 * does not handle), goes to the sandboxed jq worker (kit_jq) in batches. */
#ifndef CS_FILTER_H
#define CS_FILTER_H
#include <stddef.h>
#include "kit_json.h"

typedef struct cs_filter cs_filter;

enum cs_verdict { CS_V_FALSE = 0, CS_V_TRUE = 1, CS_V_ASK_JQ = 2, CS_V_BAD = 3 };

/* option is "where" or "select", for messages. Ends the run with a usage
 * error if expr is rejected (the sandbox's deny-list, a jq syntax error). */
cs_filter *cs_filter_new(const char *option, const char *expr, double timeout_s, int max_depth);
void cs_filter_free(cs_filter *f);
/* 1 if every record is decided natively unless it errors. */
int cs_filter_is_native(const cs_filter *f);
/* The native verdict; CS_V_ASK_JQ sends the record to jq_batch. CS_V_BAD
 * puts the reason in err. */
enum cs_verdict cs_filter_native(cs_filter *f, const char *text, size_t len, const cs_obj *obj,
				 char *err, size_t errlen);
/* Verdicts for n records from the jq worker, one exchange where it can;
 * CS_V_BAD with the reason in err[i] (each errlen bytes). */
void cs_filter_jq(cs_filter *f, const char *const *text, const size_t *len, size_t n,
		  enum cs_verdict *out, char *err, size_t errlen);
#endif
