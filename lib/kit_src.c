/* kit_src: record sources (see kit_src.h). */
#include "kit_src.h"
#include "kit_ahead.h"
#include "kit_csv.h"
#include "kit_in.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

/* ---- NDJSON ---- */

static uint64_t ahead_bytes(void *a) { return cs_ahead_bytes(a); }
static uint64_t ahead_replaced(void *a) { return cs_ahead_replaced(a); }
static void run_idle(void *r) { cs_run_idle(r); }

static void report_json_error(const struct cs_ahead_rec *ar)
{
	if (ar->err.code == CS_JERR_NOT_OBJECT)
		cs_error_at(ar->file, ar->line, "not a JSON object");
	else
		cs_error("%s:%llu:%zu: invalid JSON: %s", ar->file, (unsigned long long)ar->line, ar->err.off + 1,
			 ar->err.what);
	cs_exit_raise(CS_EXIT_DATA);
}

static cs_rec line_rec(const struct cs_ahead_rec *ar)
{
	return (cs_rec){.text = ar->obj.whole.p, .len = ar->obj.whole.n, .obj = ar->obj, .file = ar->file,
			.line = ar->line, .prepared = ar->prepared, .columns = ar->columns, .early = ar->early};
}

/* The engine's early() on the reading thread, with a prepare_fork() context. */
struct early_job {
	const struct cs_engine *e;
	void *forked;
};

static void early_line(void *ctx, const struct cs_ahead_rec *ar, void *out)
{
	struct early_job *j = ctx;
	cs_rec rec = line_rec(ar);
	j->e->early(j->forked, &rec, out);
}

static void early_job_free(void *ctx)
{
	struct early_job *j = ctx;
	j->e->prepare_fork_free(j->forked);
	free(j);
}

static void start_early(cs_run *r, cs_ahead *a)
{
	const struct cs_engine *e = cs_run_engine(r);
	if (!e->early || !e->prepare_fork || !e->prepare_fork_free)
		return;
	struct early_job *j = cs_malloc(sizeof *j);
	*j = (struct early_job){e, e->prepare_fork(e->ctx)};
	cs_ahead_set_early(a, e->early_size, early_line, j, early_job_free);
}

/* Feed one line the reading thread checked; returns 1 to stop. */
static int feed_line(cs_run *r, const struct cs_ahead_rec *ar)
{
	cs_rec rec;
	switch (ar->status) {
	case CS_AHEAD_OK:
		rec = line_rec(ar);
		return cs_run_feed(r, &rec);
	case CS_AHEAD_JSON:
		if (ar->err.code == CS_JERR_EMPTY) {
			cs_run_feed_blank(r);
			return 0;
		}
		report_json_error(ar);
		return cs_run_feed_bad(r);
	case CS_AHEAD_BAD:
		return cs_run_feed_bad(r);   /* kit_in reported it */
	case CS_AHEAD_FATAL:
		cs_run_input_failed(r);      /* kit_in reported it; it goes on with the next file */
		return 0;
	}
	return 0;
}

static void ndjson_loop(cs_run *r, cs_ahead *a)
{
	const struct cs_ahead_rec *ar;
	cs_ahead_set_idle(a, run_idle, r);
	start_early(r, a);
	cs_run_set_meter(r, ahead_bytes, ahead_replaced, a);
	while ((ar = cs_ahead_next(a)))
		if (feed_line(r, ar))
			break;
	cs_run_set_meter(r, NULL, NULL, NULL);
	cs_ahead_stop(a);
}

static struct cs_in_opts ndjson_opts(const struct cs_common *c)
{
	return (struct cs_in_opts){.max_record = c->max_record, .replace_invalid = c->replace_invalid,
				   .check_utf8 = 1, .encoding = c->encoding};
}

static void read_ndjson(const struct cs_common *c, cs_run *r, char **files, int nfiles)
{
	struct cs_in_opts io = ndjson_opts(c);
	ndjson_loop(r, cs_ahead_start(files, nfiles, &io, c->max_depth));
}

/* ---- CSV ---- */

struct csv_src {
	const struct cs_common *c;
	cs_run *r;
	cs_ahead *ahead;       /* records go here, read on the worker thread */
	cs_in *in;
	const char *file;
	char delim;
	int header_done;
	int header_bad;        /* the header row was too long or not UTF-8: the file is not read */
	cs_buf *keys;          /* per column: the field name as a JSON string literal */
	unsigned char *key_escaped;   /* per column: its literal holds an escape */
	unsigned char *key_repeated;  /* per column: a later column has its name, and wins */
	size_t ncol;
	cs_buf rec, cell;
	cs_obj obj;
	uint64_t replaced;
	cs_buf source_prefix;  /* {"format":"csv","file":"...","line":  for this file */
	int has_source_column; /* a column is named source: it is the row's source */
	/* The engine's prepare() context of its own (prepare_fork): rows are
	 * prepared on the reading thread (NULL: on the main thread, as cs_run
	 * does), but for the main thread's share of them (cs_ahead_main_share). */
	const struct cs_engine *e;
	void *prep;
	unsigned rows;
};

static void free_keys(struct csv_src *s)
{
	for (size_t i = 0; i < s->ncol; i++)
		cs_buf_free(&s->keys[i]);
	free(s->keys);
	free(s->key_escaped);
	free(s->key_repeated);
	s->keys = NULL;
	s->key_escaped = NULL;
	s->key_repeated = NULL;
	s->ncol = 0;
}

/* A name given to several columns is the last one's: the ones before are
 * marked to be left out of records, and a notice says so. */
static void mark_repeated_names(struct csv_src *s, uint64_t line)
{
	for (size_t i = 0; i < s->ncol; i++) {
		int told = 0;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(s->keys[i].p, s->keys[j].p) != 0)
				continue;
			s->key_repeated[j] = 1;
			if (!told++)
				cs_notice_at(s->file, line, "column %zu repeats the name of column %zu: the last one wins",
					     i + 1, j + 1);
		}
	}
}

/* A row holding text --encoding could not convert is bad: 1 once that is
 * reported. With --invalid-utf8=replace its mark becomes U+FFFD instead, as
 * invalid UTF-8 does. */
static int row_unconverted(struct csv_src *s, const cs_csv_row *row)
{
	if (s->c->replace_invalid || !cs_in_converted(s->in))
		return 0;
	for (size_t i = 0; i < row->n; i++)
		if (memchr(row->cell[i], CS_IN_UNCONVERTED, row->len[i]))
			return cs_in_report_unconverted(s->in, row->line);
	return 0;
}

/* A header cell as a JSON string; what is not UTF-8 in it (kept for
 * --invalid-utf8=replace, or not converted) becomes U+FFFD. */
static void add_key(struct csv_src *s, cs_buf *key, const char *p, size_t n)
{
	size_t bad;
	if (!cs_utf8_valid(p, n, &bad)) {
		cs_buf_reset(&s->cell);
		cs_utf8_replace(p, n, bad, &s->cell);
		p = s->cell.p;
		n = s->cell.len;
	}
	cs_buf_add_jstr(key, p, n);
}

static void take_header(struct csv_src *s, const cs_csv_row *row)
{
	free_keys(s);
	s->ncol = row->n;
	s->has_source_column = 0;
	s->keys = cs_calloc(row->n ? row->n : 1, sizeof *s->keys);
	s->key_escaped = cs_calloc(row->n ? row->n : 1, 1);
	s->key_repeated = cs_calloc(row->n ? row->n : 1, 1);
	if (!s->c->csv_no_header)
		row_unconverted(s, row);   /* reported; the names are read all the same */
	for (size_t i = 0; i < row->n; i++) {
		if (s->c->csv_no_header) {
			char num[24];
			snprintf(num, sizeof num, "%zu", i + 1);
			cs_buf_add_jstr(&s->keys[i], num, strlen(num));
		} else {
			add_key(s, &s->keys[i], row->cell[i], row->len[i]);
			s->has_source_column |= row->len[i] == 6 && memcmp(row->cell[i], "source", 6) == 0;
		}
		s->key_escaped[i] = memchr(s->keys[i].p, '\\', s->keys[i].len) != NULL;
	}
	s->header_done = 1;
	if (s->c->csv_no_header)
		return;
	mark_repeated_names(s, row->line);
	const struct cs_engine *e = cs_run_engine(s->r);
	if (e->header)
		e->header(e->ctx, s->file, row->line, row->cell, row->n);
}

/* A cell as a JSON string, invalid UTF-8 replaced when the source does not check it. */
static void add_cell(struct csv_src *s, const char *p, size_t n)
{
	size_t bad;
	if (s->c->replace_invalid && !cs_utf8_valid(p, n, &bad)) {
		cs_buf_reset(&s->cell);
		s->replaced += cs_utf8_replace(p, n, bad, &s->cell);
		p = s->cell.p;
		n = s->cell.len;
	}
	cs_buf_add_jstr(&s->rec, p, n);
}

/* Where the row came from, as the last member: "source":{"format":"csv",
 * "file":...,"line":N} (the prefix is made once a file). */
static void add_source(struct csv_src *s, uint64_t line, int first)
{
	cs_obj *o = &s->obj;
	if (!first)
		cs_buf_addc(&s->rec, ',');
	cs_member *m = &o->m[o->n++];
	m->key.p = (const char *)(uintptr_t)(s->rec.len + 1);
	m->key.n = 6;
	m->key_escaped = 0;
	m->val_plain = 0;
	cs_buf_adds(&s->rec, "\"source\":");
	m->val.p = (const char *)(uintptr_t)s->rec.len;
	cs_buf_add(&s->rec, s->source_prefix.p, s->source_prefix.len);
	cs_buf_add_u64(&s->rec, line);
	cs_buf_addc(&s->rec, '}');
	m->val.n = s->rec.len - (size_t)(uintptr_t)m->val.p;
	m->type = CS_J_OBJECT;
}

/* The row as a JSON object in s->rec, and its members in s->obj as the
 * scanner would have found them (the text is built valid, so it is not
 * scanned again). */
static void build_record(struct csv_src *s, const cs_csv_row *row)
{
	int first = 1;
	cs_obj *o = &s->obj;
	if (o->cap < row->n + 1) {
		o->cap = row->n + 1;
		o->m = cs_realloc(o->m, o->cap * sizeof *o->m);
	}
	o->n = 0;
	cs_buf_reset(&s->rec);
	cs_buf_addc(&s->rec, '{');
	for (size_t i = 0; i < row->n; i++) {
		if (row->len[i] == 0 || s->key_repeated[i])
			continue;
		if (!first)
			cs_buf_addc(&s->rec, ',');
		first = 0;
		cs_member *m = &o->m[o->n++];
		/* offsets for now: the buffer may move until the row is built */
		m->key.p = (const char *)(uintptr_t)(s->rec.len + 1);
		m->key.n = s->keys[i].len - 2;
		m->key_escaped = s->key_escaped[i];
		m->val_plain = 0;
		cs_buf_add(&s->rec, s->keys[i].p, s->keys[i].len);
		cs_buf_addc(&s->rec, ':');
		size_t at = s->rec.len;
		add_cell(s, row->cell[i], row->len[i]);
		m->val.p = (const char *)(uintptr_t)at;
		m->val.n = s->rec.len - at;
		m->type = CS_J_STRING;
	}
	if (!s->has_source_column)
		add_source(s, row->line, first);
	cs_buf_addc(&s->rec, '}');
	for (size_t k = 0; k < o->n; k++) {
		o->m[k].key.p = s->rec.p + (uintptr_t)o->m[k].key.p;
		o->m[k].val.p = s->rec.p + (uintptr_t)o->m[k].val.p;
	}
	o->whole = (cs_span){s->rec.p, s->rec.len};
}

/* A row rejected (and reported) at line. Returns 1 to stop. */
static int csv_bad(struct csv_src *s, uint64_t line)
{
	if (s->ahead)
		return cs_ahead_put(s->ahead, CS_AHEAD_BAD, s->file, line, NULL, 0);
	return cs_run_feed_bad(s->r);
}

/* The row prepared here, on the reading thread; its errors are reported
 * there and replayed in order on the main thread. Returns 1 to stop. */
static int put_prepared(struct csv_src *s, uint64_t line)
{
	cs_rec rec = {.text = s->rec.p, .len = s->rec.len, .obj = s->obj, .file = s->file, .line = line, .columns = 1};
	if (s->e->prepare(s->prep, &rec) != CS_REC_OK)
		return cs_ahead_put(s->ahead, CS_AHEAD_BAD, s->file, line, NULL, 0);
	return cs_ahead_put_prepared(s->ahead, s->file, line, rec.text, rec.len, &rec.obj);
}

static int csv_row(const cs_csv_row *row, void *ctx)
{
	struct csv_src *s = ctx;
	if (!s->header_done) {
		take_header(s, row);
		if (!s->c->csv_no_header)
			return 0;
	}
	if (row_unconverted(s, row))
		return csv_bad(s, row->line);
	if (row->n != s->ncol) {
		cs_error_at(s->file, row->line, "row has %zu fields but the %s has %zu", row->n,
			    s->c->csv_no_header ? "first row" : "header", s->ncol);
		cs_exit_raise(CS_EXIT_DATA);
		return csv_bad(s, row->line);
	}
	build_record(s, row);
	if (s->ahead) {
		cs_ahead_progress(s->ahead, cs_in_bytes(s->in), s->replaced);
		if (s->prep && (int)(s->rows++ % 16) >= cs_ahead_main_share(s->ahead))
			return put_prepared(s, row->line);
		return cs_ahead_put_object(s->ahead, s->file, row->line, s->rec.p, s->rec.len, &s->obj, 1);
	}
	cs_rec rec = {.text = s->rec.p, .len = s->rec.len, .obj = s->obj, .file = s->file, .line = row->line,
		      .columns = 1};
	return cs_run_feed(s->r, &rec);
}

/* A row too long or not UTF-8 (reported): one bad record, but for a header,
 * without which the file cannot be read. Returns non-zero to stop. */
static int csv_bad_row(uint64_t line, void *ctx)
{
	struct csv_src *s = ctx;
	if (!s->header_done && !s->c->csv_no_header) {
		s->header_bad = 1;
		return CS_CSV_SYNTAX;
	}
	return csv_bad(s, line);
}

static long csv_read_in(void *in, char *dst, size_t n) { return cs_in_read(in, dst, n); }

/* The delimiter of a CSV whose --delimiter was not given: of ',', ';', tab
 * and '|', the one found (outside quotes) the same number of times, and at
 * least once, on each of the first lines; ',' when none is. */
char cs_csv_sniff_delimiter(const char *head, size_t n)
{
	static const char cand[] = {',', ';', '\t', '|'};
	enum { LINES = 5 };
	size_t count[sizeof cand][LINES] = {{0}};
	int lines = 0, quoted = 0;
	for (size_t i = 0; i < n && lines < LINES; i++) {
		char ch = head[i];
		if (ch == '"')
			quoted = !quoted;
		else if (ch == '\n' && !quoted)
			lines++;
		else if (!quoted)
			for (size_t k = 0; k < sizeof cand; k++)
				count[k][lines] += ch == cand[k];
	}
	if (lines == 0)
		lines = 1;   /* one line, perhaps without its newline */
	else if (lines < LINES && n > 0 && head[n - 1] != '\n')
		lines++;     /* the last line read counts if it ended the input */
	for (size_t k = 0; k < sizeof cand; k++) {
		int same = count[k][0] > 0;
		for (int l = 1; l < lines && same; l++)
			same = count[k][l] == count[k][0];
		if (same)
			return cand[k];
	}
	for (size_t k = 0; k < sizeof cand; k++)
		if (count[k][0] > 0)
			return cand[k];
	return ',';
}

/* The delimiter in effect for a file that starts with head[0..n):
 * --delimiter, tab for -f tsv, else sniffed. */
static char csv_delimiter(const struct cs_common *c, const char *head, size_t n)
{
	if (c->csv_delimiter)
		return c->csv_delimiter;
	if (c->format && strcmp(c->format, "tsv") == 0)
		return '\t';
	return n ? cs_csv_sniff_delimiter(head, n) : ',';
}

/* The current file could not be opened or read (reported). Returns 1 to stop. */
static int csv_input_failed(struct csv_src *s)
{
	if (s->ahead)
		return cs_ahead_put(s->ahead, CS_AHEAD_FATAL, s->file, 0, NULL, 0);
	cs_run_input_failed(s->r);
	return 0;
}

/* Returns 1 to stop. */
static int read_csv_file(struct csv_src *s, cs_in *in)
{
	const struct cs_common *c = s->c;
	const char *head;
	size_t n;
	s->header_done = s->header_bad = 0;
	s->file = cs_in_name(in);
	if (cs_in_peek(in, 16384, 0, &head, &n) < 0)   /* opened here, to know whether it is converted */
		return csv_input_failed(s);
	s->delim = csv_delimiter(c, head, n);
	cs_buf_reset(&s->source_prefix);
	cs_buf_adds(&s->source_prefix, "{\"format\":\"csv\",\"file\":");
	cs_buf_add_jstr(&s->source_prefix, s->file, strlen(s->file));
	cs_buf_adds(&s->source_prefix, ",\"line\":");
	uint64_t unread = 0;
	struct cs_csv_opts o = {.delim = s->delim, .max_row = c->max_record, .check_utf8 = !c->replace_invalid,
				.lenient_quotes = c->csv_lenient_quotes, .unread_lines = &unread,
				.pass_unconverted = cs_in_converted(in), .bad_row = csv_bad_row};
	int res = cs_csv_read_opts(csv_read_in, in, s->file, &o, csv_row, s);
	if (res == CS_CSV_READ_ERROR)
		return csv_input_failed(s);
	if (res == CS_CSV_SYNTAX) {
		if (unread)
			cs_notice("%s: the %llu line%s after that error %s not read%s", s->file, (unsigned long long)unread,
				  unread == 1 ? "" : "s", unread == 1 ? "is" : "are",
				  c->csv_lenient_quotes || s->header_bad ? ""
									 : " (--csv-quotes lenient reads a stray quote as text)");
		return csv_bad(s, 0);
	}
	return res != CS_CSV_END;
}

/* On the worker thread: every file of s->in, row by row. */
static int produce_csv(cs_ahead *a, void *ctx)
{
	struct csv_src *s = ctx;
	s->ahead = a;
	cs_in_set_wait_hook(s->in, cs_ahead_input_waits, a);
	while (!read_csv_file(s, s->in) && cs_in_next_file(s->in))
		;
	cs_ahead_progress(a, cs_in_bytes(s->in), s->replaced);
	return 0;
}

static void csv_src_free(void *ctx)
{
	struct csv_src *s = ctx;
	cs_in_free(s->in);
	free_keys(s);
	cs_buf_free(&s->rec);
	cs_buf_free(&s->cell);
	cs_buf_free(&s->source_prefix);
	cs_obj_free(&s->obj);
	if (s->prep)
		s->e->prepare_fork_free(s->prep);
	free(s);
}

/* CSV rows are read, checked and turned into records on a second thread,
 * as NDJSON lines are (kit_ahead), while the main thread works on them. */
static void read_csv_in(const struct cs_common *c, cs_run *r, cs_in *in)
{
	struct csv_src *s = cs_calloc(1, sizeof *s);
	s->c = c;
	s->r = r;
	s->in = in;
	s->e = cs_run_engine(r);
	if (s->e->prepare && s->e->prepare_fork && s->e->prepare_fork_free)
		s->prep = s->e->prepare_fork(s->e->ctx);
	ndjson_loop(r, cs_ahead_start_producer(produce_csv, csv_src_free, s, c->max_depth));
}

static struct cs_in_opts csv_opts(const struct cs_common *c)
{
	return (struct cs_in_opts){.max_record = c->max_record, .replace_invalid = c->replace_invalid,
				   .encoding = c->encoding};
}

static void read_csv(const struct cs_common *c, cs_run *r, char **files, int nfiles)
{
	struct cs_in_opts io = csv_opts(c);
	read_csv_in(c, r, cs_in_new(files, nfiles, &io));
}

/* ---- documents: formats read one whole input at a time ---- */

struct cs_doc {
	const struct cs_common *c;
	cs_run *r;
	const struct cs_doc_format *fmt;
	const char *path;
	const char *data;
	size_t n;
	const char *line_at;     /* cs_doc_line()'s cursor: line_no is the line of line_at */
	uint64_t line_no;
	cs_buf compact, fixed;
	cs_obj obj;
	/* cs_doc_read_mem(): records go here instead of a run */
	void (*mem_fn)(const char *json, size_t n, void *ctx);
	void *mem_ctx;
	size_t mem_bad;
	/* in a run: records go to the main thread through this */
	cs_ahead *ahead;
	cs_in *in;               /* the input, for text it could not convert */
	uint64_t bytes_before;   /* input bytes of the files before this one */
	uint64_t *replaced;      /* the job's count of invalid UTF-8 replaced */
};

const struct cs_common *cs_doc_common(const cs_doc *d) { return d->c; }
const char *cs_doc_path(const cs_doc *d) { return d->path; }
const char *cs_doc_format(const cs_doc *d) { return d->fmt->name; }
int cs_doc_converted(const cs_doc *d) { return d->in && cs_in_converted(d->in); }

uint64_t cs_doc_line(cs_doc *d, const char *p)
{
	if (p < d->data || p > d->data + d->n)
		return 0;
	if (p < d->line_at) {
		d->line_at = d->data;
		d->line_no = 1;
	}
	for (const char *q = d->line_at; (q = memchr(q, '\n', (size_t)(p - q))); q++)
		d->line_no++;
	d->line_at = p;
	return d->line_no;
}

static int has_line_break(const char *p, size_t n) { return memchr(p, '\n', n) || memchr(p, '\r', n); }

int cs_doc_feed(cs_doc *d, const char *json, size_t n, uint64_t line)
{
	cs_jerr je;
	size_t bad_at;
	if (!cs_utf8_valid(json, n, &bad_at)) {
		if (!d->c->replace_invalid && d->in && cs_in_report_unconverted(d->in, line))
			return cs_ahead_put(d->ahead, CS_AHEAD_BAD, d->path, line, NULL, 0);
		if (!d->c->replace_invalid)
			return cs_doc_bad(d, line, "invalid UTF-8 (byte 0x%02X)", (unsigned char)json[bad_at]);
		cs_buf_reset(&d->fixed);
		size_t k = cs_utf8_replace(json, n, bad_at, &d->fixed);
		if (d->replaced)
			*d->replaced += k;
		json = d->fixed.p;
		n = d->fixed.len;
	}
	if (has_line_break(json, n)) {
		cs_buf_reset(&d->compact);
		cs_json_compact(json, n, &d->compact);
		json = d->compact.p;
		n = d->compact.len;
	}
	if (d->ahead) {   /* scanned on its way to the main thread */
		cs_ahead_progress(d->ahead, d->bytes_before + (uint64_t)(d->line_at - d->data), *d->replaced);
		return cs_ahead_put(d->ahead, CS_AHEAD_OK, d->path, line, json, n);
	}
	if (cs_json_object(json, n, d->c->max_depth, &d->obj, &je) < 0) {
		if (je.code == CS_JERR_DEPTH)
			return cs_doc_bad(d, line, "nesting too deep (--max-depth %d)", d->c->max_depth);
		if (je.code == CS_JERR_NOT_OBJECT)
			return cs_doc_bad(d, line, "a record is not a JSON object");
		return cs_doc_bad(d, line, "invalid JSON: %s", je.what);
	}
	d->mem_fn(d->obj.whole.p, d->obj.whole.n, d->mem_ctx);
	return 0;
}

int cs_doc_bad(cs_doc *d, uint64_t line, const char *fmt, ...)
{
	char why[1024];
	va_list ap;
	if (!d->ahead) {
		d->mem_bad++;
		return 0;
	}
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (line)
		cs_error_at(d->path, line, "%s", why);
	else
		cs_error("%s: %s", d->path, why);
	cs_exit_raise(CS_EXIT_DATA);
	return cs_ahead_put(d->ahead, CS_AHEAD_BAD, d->path, line, NULL, 0);
}

/* The whole current file of in into buf; 0, or -1 (reported) when it
 * could not be read or is over --max-record. */
static int slurp(const struct cs_common *c, cs_in *in, cs_buf *buf)
{
	size_t limit = c->max_record ? c->max_record : CS_IN_DEFAULT_MAX_RECORD;
	cs_buf_reset(buf);
	for (;;) {
		cs_buf_reserve(buf, (size_t)1 << 16);
		long got = cs_in_read(in, buf->p + buf->len, (size_t)1 << 16);
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		buf->len += (size_t)got;
		if (buf->len > limit) {
			cs_error("%s: longer than %zu bytes, and %s reads it whole: raise --max-record", cs_in_name(in),
				 limit, "this format");
			cs_exit_raise(CS_EXIT_IO);   /* an input lost, as one that cannot be read */
			return -1;
		}
	}
	cs_buf_reserve(buf, 1);
	buf->p[buf->len] = '\0';
	return 0;
}

/* Documents are read and turned into records on a second thread, as NDJSON
 * lines are (kit_ahead), while the main thread works on them. */
struct doc_job {
	const struct cs_common *c;
	cs_in *in;
	const struct cs_doc_format *fmt;
	uint64_t replaced;
};

/* Read the current file whole and hand it to the format. Returns 1 to stop. */
static int read_doc_file(struct doc_job *j, cs_ahead *a)
{
	cs_buf data = CS_BUF_INIT;
	int stop;
	uint64_t before = cs_in_bytes(j->in);
	if (slurp(j->c, j->in, &data) < 0) {
		stop = cs_ahead_put(a, CS_AHEAD_FATAL, cs_in_name(j->in), 0, NULL, 0);
	} else {
		cs_doc d = {.c = j->c, .fmt = j->fmt, .path = cs_in_name(j->in), .data = data.p, .n = data.len,
			    .line_at = data.p, .line_no = 1, .ahead = a, .in = j->in, .bytes_before = before, .replaced = &j->replaced};
		stop = j->fmt->read(&d, data.p, data.len);
		if (!stop)
			cs_in_report_unconverted_rest(j->in);
		cs_ahead_progress(a, cs_in_bytes(j->in), j->replaced);
		cs_buf_free(&d.compact);
		cs_buf_free(&d.fixed);
		cs_obj_free(&d.obj);
	}
	cs_buf_free(&data);
	return stop;
}

static int produce_docs(cs_ahead *a, void *ctx)
{
	struct doc_job *j = ctx;
	cs_in_set_wait_hook(j->in, cs_ahead_input_waits, a);
	while (!read_doc_file(j, a) && cs_in_next_file(j->in))
		;
	return 0;
}

static void doc_job_free(void *ctx)
{
	struct doc_job *j = ctx;
	cs_in_free(j->in);
	free(j);
}

/* Every file of in (which the reader owns from now on) in format fmt. */
static void read_docs_in(const struct cs_common *c, cs_run *r, cs_in *in, const struct cs_doc_format *fmt)
{
	struct doc_job *j = cs_calloc(1, sizeof *j);
	j->c = c;
	j->in = in;
	j->fmt = fmt;
	ndjson_loop(r, cs_ahead_start_producer(produce_docs, doc_job_free, j, c->max_depth));
}

size_t cs_doc_read_mem(const struct cs_doc_format *fmt, const struct cs_common *c, const char *data, size_t n,
		       void (*fn)(const char *json, size_t n, void *ctx), void *ctx)
{
	cs_buf copy = CS_BUF_INIT;
	cs_buf_add(&copy, data, n);
	cs_buf_reserve(&copy, 1);
	copy.p[copy.len] = '\0';
	cs_doc d = {.c = c, .fmt = fmt, .path = "<memory>", .data = copy.p, .n = n, .line_at = copy.p, .line_no = 1,
		    .mem_fn = fn, .mem_ctx = ctx};
	fmt->read(&d, copy.p, n);
	cs_buf_free(&d.compact);
	cs_buf_free(&d.fixed);
	cs_obj_free(&d.obj);
	cs_buf_free(&copy);
	return d.mem_bad;
}

/* ---- the generic JSON document: records in an array, or one after another ---- */

static const char *skip_space(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

struct each_value {
	cs_doc *d;
	int (*fn)(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx);
	void *ctx;
	const char *base;
	int stop;
};

static int each_element(cs_span item, enum cs_jtype type, void *ctx)
{
	struct each_value *ev = ctx;
	ev->stop = ev->fn(ev->d, item.p, item.n, type, cs_doc_line(ev->d, item.p), ev->ctx);
	return ev->stop;
}

/* The end of the JSON value at p, or NULL (err set, its offset from p).
 * cs_json_value wants exactly one value: a value a line ends at its line's
 * end; else the value runs on over lines, to the input's end or to where
 * the next value starts. Each try reads ahead once, so the whole input is
 * read in linear time, pretty-printed or not. */
static const char *value_end(const char *p, const char *e, int max_depth, enum cs_jtype *type, cs_jerr *err)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	if (cs_json_value(p, (size_t)((nl ? nl : e) - p), max_depth, type, err) == 0)
		return nl ? nl : e;
	if (err->code == CS_JERR_DEPTH || !nl)
		return NULL;
	if (cs_json_value(p, (size_t)(e - p), max_depth, type, err) == 0)
		return e;
	size_t off = err->off;
	if (err->code != CS_JERR_TRAILING || cs_json_value(p, off, max_depth, type, err) != 0)
		return NULL;
	return p + off;
}

int cs_doc_each_value(cs_doc *d, const char *data, size_t n, int unwrap_arrays,
		      int (*fn)(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx), void *ctx)
{
	const char *p = data, *e = data + n;
	while ((p = skip_space(p, e)) < e) {
		enum cs_jtype type;
		cs_jerr err = {0};
		uint64_t line = cs_doc_line(d, p);
		const char *end = value_end(p, e, d->c->max_depth, &type, &err);
		if (!end) {
			if (err.code == CS_JERR_DEPTH)
				return cs_doc_bad(d, line, "nesting too deep (--max-depth %d)", d->c->max_depth);
			const char *nl = memchr(p, '\n', (size_t)(e - p));
			const char *at = p + (err.off < (size_t)(e - p) ? err.off : (size_t)(e - p));
			if (nl && at <= nl) {
				/* one broken line of NDJSON: the next line is read */
				if (cs_doc_bad(d, line, "invalid JSON: %s", err.what))
					return 1;
				p = nl + 1;
				continue;
			}
			return cs_doc_bad(d, cs_doc_line(d, at), "invalid JSON: %s (the rest of the file is not read)",
					  err.what);
		}
		while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
			end--;   /* the value alone, as cs_json_each wants it */
		if (type == CS_J_ARRAY && unwrap_arrays) {
			struct each_value ev = {d, fn, ctx, data, 0};
			cs_json_each((cs_span){p, (size_t)(end - p)}, each_element, &ev);
			if (ev.stop)
				return 1;
		} else if (fn(d, p, (size_t)(end - p), type, line, ctx)) {
			return 1;
		}
		p = end;
	}
	return 0;
}

static int feed_value(cs_doc *d, const char *p, size_t n, enum cs_jtype t, uint64_t line, void *ctx)
{
	(void)ctx;
	if (t != CS_J_OBJECT)
		return cs_doc_bad(d, line, "a record is not a JSON object");
	return cs_doc_feed(d, p, n, line);
}

static int read_json_doc(cs_doc *d, const char *data, size_t n)
{
	return cs_doc_each_value(d, data, n, 1, feed_value, NULL);
}

/* ---- telling formats apart ---- */

static const char *skip_bom_space(const char *p, const char *e)
{
	if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	return skip_space(p, e);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* A first line that starts an object and does not go on past its end
 * (a whole object, or one broken within the line): NDJSON. So is a file
 * named so whose first line is something else, but for an array: a broken
 * first line is a bad record, not a reason to drop the file or read it as
 * CSV. */
static int sniff_ndjson(const char *head, size_t n, const char *path)
{
	const char *p = skip_bom_space(head, head + n), *e = head + n;
	int named = path && (ends_with(path, ".ndjson") || ends_with(path, ".jsonl"));
	if (p != e && *p != '{' && *p != '[' && named)
		return 30;
	if (p == e || *p != '{')
		return 0;
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	size_t len = (size_t)((nl ? nl : e) - p);
	while (len && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	cs_obj obj = {0};
	cs_jerr err;
	int whole = cs_json_object(p, len, CS_JSON_DEFAULT_MAX_DEPTH, &obj, &err) == 0;
	cs_obj_free(&obj);
	if (whole || err.code == CS_JERR_DEPTH)
		return 60;
	return err.off < len || !nl ? 60 : 0;   /* broken inside the line, or the last line */
}

/* An array, or an object that does not end on its first line. */
static int sniff_json(const char *head, size_t n, const char *path)
{
	const char *p = skip_bom_space(head, head + n), *e = head + n;
	(void)path;
	if (p == e)
		return 0;
	if (*p == '[')
		return 55;
	return *p == '{' && !sniff_ndjson(head, n, path) ? 50 : 0;
}

/* Text whose first line has a delimiter and no markup or JSON at its start. */
static int sniff_csv(const char *head, size_t n, const char *path)
{
	const char *p = skip_bom_space(head, head + n), *e = head + n;
	if (p == e || *p == '{' || *p == '[' || *p == '<')
		return 0;
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	size_t first = (size_t)((nl ? nl : e) - p);
	if (memchr(p, '\0', (size_t)(e - p)))
		return 0;
	int delims = 0;
	for (size_t i = 0; i < first; i++)
		delims += p[i] == ',' || p[i] == ';' || p[i] == '\t' || p[i] == '|';
	if (!delims)
		return 0;
	return path && (ends_with(path, ".csv") || ends_with(path, ".tsv")) ? 45 : 25;
}

static const struct cs_doc_format json_doc = {
	"json", "JSON records: an array of objects, or objects one after another (pretty-printed or not)",
	sniff_json, read_json_doc};

enum src_kind { SRC_NONE, SRC_NDJSON, SRC_CSV, SRC_DOC };

struct choice {
	enum src_kind kind;
	const struct cs_doc_format *doc;
	int score;
};

static void consider(struct choice *best, enum src_kind kind, const struct cs_doc_format *doc, int score)
{
	if (score > best->score)
		*best = (struct choice){kind, doc, score};
}

static struct choice sniff_all(const struct cs_common *c, const char *head, size_t n, const char *path)
{
	struct choice best = {SRC_NONE, NULL, 0};
	consider(&best, SRC_NDJSON, NULL, sniff_ndjson(head, n, path));
	consider(&best, SRC_CSV, NULL, sniff_csv(head, n, path));
	consider(&best, SRC_DOC, &json_doc, sniff_json(head, n, path));
	for (const struct cs_doc_format *const *f = c->formats; f && *f; f++)
		if ((*f)->sniff)
			consider(&best, SRC_DOC, *f, (*f)->sniff(head, n, path));
	return best;
}

/* What an unreadable input looks like, for the hint: into out, or nothing. */
static void add_looks_like(const char *head, size_t n, cs_buf *out)
{
	const char *p = skip_bom_space(head, head + n), *e = head + n;
	if (p == e)
		return;
	cs_buf_adds(out, ": it looks like ");
	if (memchr(head, '\0', n)) {
		cs_buf_adds(out, "binary data (a spreadsheet, an archive or an image?)");
	} else if (e - p >= 4 && memcmp(p, "PK\x03\x04", 4) == 0) {
		cs_buf_adds(out, "a ZIP archive (an .xlsx spreadsheet? save it as CSV)");
	} else if (*p == '<') {
		cs_buf_adds(out, "XML or HTML of a kind ");
		cs_buf_adds(out, cs_prog());
		cs_buf_adds(out, " does not know");
	} else if (*p == '{' || *p == '[') {
		cs_buf_adds(out, "JSON that does not parse");
	} else {
		cs_buf_adds(out, "plain text with no delimiter on its first line");
	}
}

/* An input no format recognizes: reported, with --format suggested only
 * to a program that has it. */
static void report_unknown_format(const char *name, const char *head, size_t n)
{
	cs_buf why = CS_BUF_INIT;
	add_looks_like(head, n, &why);
	if (cs_opt_takes("format"))
		cs_buf_adds(&why, "; name one with --format (see --help)");
	cs_error("%s: not a format %s reads%.*s", name, cs_prog(), (int)why.len, why.p ? why.p : "");
	cs_buf_free(&why);
	cs_exit_raise(CS_EXIT_IO);   /* an input lost, as one that cannot be opened */
}

static const struct cs_doc_format *find_doc(const struct cs_common *c, const char *name)
{
	if (strcmp(name, json_doc.name) == 0)
		return &json_doc;
	for (const struct cs_doc_format *const *f = c->formats; f && *f; f++)
		if (strcmp((*f)->name, name) == 0)
			return *f;
	return NULL;
}

/* How long a pipe is waited on for more of the 64 KiB looked at, once its
 * first line has come: a producer writing a file keeps up, a live stream
 * still flows. */
#define SNIFF_WAIT_MS 1000

/* One input of an unnamed format: looked at, then read as what it is. */
static int read_auto_file(const struct cs_common *c, cs_run *r, char *file)
{
	struct cs_in_opts io = ndjson_opts(c);
	cs_in *in = cs_in_new(&file, 1, &io);
	const char *head;
	size_t n;
	if (cs_in_peek(in, 65536, SNIFF_WAIT_MS, &head, &n) < 0) {
		cs_in_free(in);
		cs_run_input_failed(r);
		return 0;
	}
	const char *path = strcmp(file, "-") == 0 ? NULL : file;
	/* nothing but blank lines: NDJSON, which skips and counts them */
	struct choice ch = skip_bom_space(head, head + n) < head + n ? sniff_all(c, head, n, path)
								      : (struct choice){SRC_NDJSON, NULL, 1};
	switch (ch.kind) {
	case SRC_NDJSON:
		ndjson_loop(r, cs_ahead_start_in(in, c->max_depth));
		return cs_run_stopped(r);
	case SRC_CSV:
		read_csv_in(c, r, in);
		return cs_run_stopped(r);
	case SRC_DOC:
		read_docs_in(c, r, in, ch.doc);
		return cs_run_stopped(r);
	case SRC_NONE:
		break;
	}
	report_unknown_format(cs_in_name(in), head, n);
	cs_in_free(in);
	cs_run_input_failed(r);
	return 0;
}

static void read_docs(const struct cs_common *c, cs_run *r, char **files, int nfiles, const struct cs_doc_format *fmt)
{
	struct cs_in_opts io = csv_opts(c);
	read_docs_in(c, r, cs_in_new(files, nfiles, &io), fmt);
}

/* ---- choosing ---- */

int cs_src_known(const struct cs_doc_format *const *formats, const char *name)
{
	struct cs_common c = {.formats = formats};
	return !name || strcmp(name, "ndjson") == 0 || strcmp(name, "csv") == 0 || strcmp(name, "tsv") == 0 ||
	       strcmp(name, "auto") == 0 || find_doc(&c, name) != NULL;
}

void cs_src_list(const struct cs_doc_format *const *formats, cs_buf *out)
{
	cs_buf_adds(out, "auto ndjson csv tsv json");
	for (const struct cs_doc_format *const *f = formats; f && *f; f++) {
		cs_buf_addc(out, ' ');
		cs_buf_adds(out, (*f)->name);
	}
}

void cs_src_read(const struct cs_common *c, cs_run *r, char **files, int nfiles)
{
	const char *fmt = c->format;
	if (!fmt || strcmp(fmt, "ndjson") == 0) {
		read_ndjson(c, r, files, nfiles);
	} else if (fmt && (strcmp(fmt, "csv") == 0 || strcmp(fmt, "tsv") == 0)) {
		read_csv(c, r, files, nfiles);
	} else if (strcmp(fmt, "auto") != 0) {
		const struct cs_doc_format *doc = find_doc(c, fmt);
		if (!doc)
			cs_die(CS_EXIT_USAGE, "--format: '%s' is not a format %s reads", fmt, cs_prog());
		read_docs(c, r, files, nfiles, doc);
	} else {
		static char *std_in[] = {"-"};
		if (nfiles == 0) {
			files = std_in;
			nfiles = 1;
		}
		for (int i = 0; i < nfiles && !read_auto_file(c, r, files[i]); i++)
			;
	}
}
