/* fuzz_synonyms: cs-answer's synonyms file (cs_synonyms_parse), then the
 * query-time expansion of the input's own terms, and the analyzer itself. */
#include "svc_analyze.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct terms {
	char *t[32];
	size_t len[32], n;
};

static int keep(const cs_token *t, void *ctx)
{
	struct terms *q = ctx;
	if (q->n == 32)
		return 1;
	q->t[q->n] = malloc(t->len + 1);
	memcpy(q->t[q->n], t->term, t->len);
	q->len[q->n++] = t->len;
	return 0;
}

static void count(const char *term, size_t len, void *ctx)
{
	(void)term;
	*(size_t *)ctx += len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cs_analyzer *a;
	if (!a)
		a = cs_analyzer_new();
	cs_buf err = CS_BUF_INIT;
	cs_synonyms *s = cs_synonyms_parse(a, (const char *)data, size, &err);
	struct terms q = {{0}, {0}, 0};
	cs_analyze(a, (const char *)data, size, keep, &q);
	size_t total = 0;
	cs_synonyms_expand(s, (const char *const *)q.t, q.len, q.n, count, &total);
	for (size_t i = 0; i < q.n; i++)
		free(q.t[i]);
	cs_synonyms_free(s);
	cs_buf_free(&err);
	return 0;
}
