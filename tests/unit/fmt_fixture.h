/* fmt_fixture.h: run a document format over a string in memory and collect
 * the records it feeds, one a line, for the fmt_* unit tests. */
#ifndef FMT_FIXTURE_H
#define FMT_FIXTURE_H
#include "fmt.h"
#include "kit_opt.h"
#include <string.h>

struct fmt_out {
	cs_buf lines;   /* the records, each followed by '\n' */
	size_t n, bad;
};

static void fmt_collect(const char *json, size_t n, void *ctx)
{
	struct fmt_out *o = ctx;
	cs_buf_add(&o->lines, json, n);
	cs_buf_addc(&o->lines, '\n');
	o->n++;
}

/* Read text with fmt; the records land in o->lines (NUL-terminated). */
static void fmt_run(const struct cs_doc_format *fmt, const char *text, struct fmt_out *o)
{
	struct cs_common c = {.max_depth = 256, .max_record = (size_t)64 << 20};
	cs_buf_reset(&o->lines);
	o->n = 0;
	o->bad = cs_doc_read_mem(fmt, &c, text, strlen(text), fmt_collect, o);
	cs_buf_addc(&o->lines, '\0');
	o->lines.len--;
}

/* The n-th record (0-based) into out, NUL-terminated; "" when there is none. */
static const char *fmt_record(const struct fmt_out *o, size_t n, cs_buf *out)
{
	const char *p = o->lines.p, *e = p + o->lines.len;
	cs_buf_reset(out);
	for (; p < e && n; n--)
		p = memchr(p, '\n', (size_t)(e - p)) + 1;
	const char *nl = p < e ? memchr(p, '\n', (size_t)(e - p)) : NULL;
	if (nl)
		cs_buf_add(out, p, (size_t)(nl - p));
	cs_buf_addc(out, '\0');
	return out->p;
}

/* 1 if the record holds the text needle (a key and value as written, say). */
static int fmt_has(const char *record, const char *needle) { return strstr(record, needle) != NULL; }
#endif
