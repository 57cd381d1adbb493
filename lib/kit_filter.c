#include "kit_filter.h"
#include "kit_jq.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_where.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cs_filter {
	const char *option;
	const char *expr;
	double timeout_s;
	int max_depth;
	cs_where *native;     /* NULL: every record goes to jq */
	cs_jq *jq;            /* started on first need */
};

/* kit_jq names its messages after --where; a --select gets its own name. */
static void name_option(const cs_filter *f, const char *jq_err, char *err, size_t errlen)
{
	static const char jq_prefix[] = "--where:";
	if (strncmp(jq_err, jq_prefix, sizeof jq_prefix - 1) == 0)
		snprintf(err, errlen, "--%s:%s", f->option, jq_err + sizeof jq_prefix - 1);
	else
		snprintf(err, errlen, "%s", jq_err);
}

/* The jq worker for f, compiled now; NULL with the reason in err. */
static cs_jq *start_jq(const cs_filter *f, char *err, size_t errlen)
{
	return cs_jq_new(f->expr, f->timeout_s, err, errlen);
}

cs_filter *cs_filter_new(const char *option, const char *expr, double timeout_s, int max_depth)
{
	cs_filter *f = cs_calloc(1, sizeof *f);
	f->option = option;
	f->expr = expr;
	f->timeout_s = timeout_s;
	f->max_depth = max_depth;
	f->native = cs_where_compile(expr);
	if (f->native)
		return f;   /* jq is started only if a record needs it (a jq error to report, say) */
	/* jq's own checks (the sandbox's deny-list, syntax) decide what is accepted. */
	char err[512], named[512];
	if (!(f->jq = start_jq(f, err, sizeof err))) {
		name_option(f, err, named, sizeof named);
		free(f);
		cs_usage_error("%s", named);
	}
	return f;
}

void cs_filter_free(cs_filter *f)
{
	if (!f)
		return;
	cs_where_free(f->native);
	cs_jq_free(f->jq);
	free(f);
}

int cs_filter_is_native(const cs_filter *f) { return f->native != NULL; }

enum cs_verdict cs_filter_native(cs_filter *f, const char *text, size_t len, const cs_obj *obj,
				 char *err, size_t errlen)
{
	if (!f->native)
		return CS_V_ASK_JQ;
	switch (cs_where_eval(f->native, text, len, obj, f->max_depth)) {
	case CS_WHERE_TRUE: return CS_V_TRUE;
	case CS_WHERE_FALSE: return CS_V_FALSE;
	case CS_WHERE_LIMIT:
		snprintf(err, errlen, "--%s: regular expression match limit exceeded", f->option);
		return CS_V_BAD;
	default: return CS_V_ASK_JQ;
	}
}

void cs_filter_jq(cs_filter *f, const char *const *text, const size_t *len, size_t n,
		  enum cs_verdict *out, char *err, size_t errlen)
{
	struct cs_jq_verdict *v = cs_malloc((n ? n : 1) * sizeof *v);
	char why[256];
	if (!f->jq && !(f->jq = start_jq(f, why, sizeof why)))
		for (size_t i = 0; i < n; i++) {
			v[i].result = CS_JQ_ERROR;
			snprintf(v[i].err, sizeof v[i].err, "%.255s", why);
		}
	else
		cs_jq_test_batch(f->jq, text, len, n, v);
	for (size_t i = 0; i < n; i++) {
		out[i] = v[i].result == CS_JQ_TRUE ? CS_V_TRUE : v[i].result == CS_JQ_FALSE ? CS_V_FALSE : CS_V_BAD;
		if (out[i] == CS_V_BAD)
			name_option(f, v[i].err, err + i * errlen, errlen);
	}
	free(v);
}
