/* kit_src: record sources (see kit_src.h). */
#include "kit_src.h"
#include "kit_ahead.h"
#include "kit_csv.h"
#include "kit_in.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include <stdio.h>
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

/* Feed one line the reading thread checked; returns 1 to stop. */
static int feed_line(cs_run *r, const struct cs_ahead_rec *ar)
{
	cs_rec rec;
	switch (ar->status) {
	case CS_AHEAD_OK:
		rec = (cs_rec){.text = ar->obj.whole.p, .len = ar->obj.whole.n, .obj = ar->obj,
			       .file = ar->file, .line = ar->line};
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

static void read_ndjson(const struct cs_common *c, cs_run *r, char **files, int nfiles)
{
	struct cs_in_opts io = {.max_record = c->max_record, .replace_invalid = c->replace_invalid, .check_utf8 = 1,
				.encoding = c->encoding};
	cs_ahead *a = cs_ahead_start(files, nfiles, &io, c->max_depth);
	const struct cs_ahead_rec *ar;
	cs_ahead_set_idle(a, run_idle, r);
	cs_run_set_meter(r, ahead_bytes, ahead_replaced, a);
	while ((ar = cs_ahead_next(a)))
		if (feed_line(r, ar))
			break;
	cs_run_set_meter(r, NULL, NULL, NULL);
	cs_ahead_stop(a);
}

/* ---- CSV ---- */

struct csv_src {
	const struct cs_common *c;
	cs_run *r;
	const char *file;
	int header_done;
	cs_buf *keys;          /* per column: the field name as a JSON string literal */
	size_t ncol;
	cs_buf rec, cell;
	cs_obj obj;
	uint64_t replaced;
};

static void free_keys(struct csv_src *s)
{
	for (size_t i = 0; i < s->ncol; i++)
		cs_buf_free(&s->keys[i]);
	free(s->keys);
	s->keys = NULL;
	s->ncol = 0;
}

static void warn_repeated_names(const struct csv_src *s, uint64_t line)
{
	for (size_t i = 0; i < s->ncol; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->keys[i].p, s->keys[j].p) == 0) {
				cs_notice_at(s->file, line, "column %zu repeats the name of column %zu: the last one wins",
					     i + 1, j + 1);
				break;
			}
}

static void take_header(struct csv_src *s, const cs_csv_row *row)
{
	free_keys(s);
	s->ncol = row->n;
	s->keys = cs_calloc(row->n ? row->n : 1, sizeof *s->keys);
	for (size_t i = 0; i < row->n; i++) {
		if (s->c->csv_no_header) {
			char num[24];
			snprintf(num, sizeof num, "%zu", i + 1);
			cs_buf_add_jstr(&s->keys[i], num, strlen(num));
		} else {
			cs_buf_add_jstr(&s->keys[i], row->cell[i], row->len[i]);
		}
	}
	s->header_done = 1;
	if (s->c->csv_no_header)
		return;
	warn_repeated_names(s, row->line);
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

static void build_record(struct csv_src *s, const cs_csv_row *row)
{
	int first = 1;
	cs_buf_reset(&s->rec);
	cs_buf_addc(&s->rec, '{');
	for (size_t i = 0; i < row->n; i++) {
		if (row->len[i] == 0)
			continue;
		if (!first)
			cs_buf_addc(&s->rec, ',');
		first = 0;
		cs_buf_add(&s->rec, s->keys[i].p, s->keys[i].len);
		cs_buf_addc(&s->rec, ':');
		add_cell(s, row->cell[i], row->len[i]);
	}
	cs_buf_addc(&s->rec, '}');
}

static int csv_row(const cs_csv_row *row, void *ctx)
{
	struct csv_src *s = ctx;
	if (!s->header_done) {
		take_header(s, row);
		if (!s->c->csv_no_header)
			return 0;
	}
	if (row->n != s->ncol) {
		cs_error_at(s->file, row->line, "row has %zu fields but the %s has %zu", row->n,
			    s->c->csv_no_header ? "first row" : "header", s->ncol);
		cs_exit_raise(CS_EXIT_DATA);
		return cs_run_feed_bad(s->r);
	}
	build_record(s, row);
	cs_jerr je;
	if (cs_json_object(s->rec.p, s->rec.len, s->c->max_depth, &s->obj, &je) < 0)
		cs_die(CS_EXIT_INTERNAL, "internal error: a CSV row made invalid JSON (%s)", je.what);
	cs_rec rec = {.text = s->rec.p, .len = s->rec.len, .obj = s->obj, .file = s->file, .line = row->line};
	return cs_run_feed(s->r, &rec);
}

static long csv_read_in(void *in, char *dst, size_t n) { return cs_in_read(in, dst, n); }

static uint64_t in_bytes(void *in) { return cs_in_bytes(in); }

/* Returns 1 to stop. */
static int read_csv_file(struct csv_src *s, cs_in *in)
{
	const struct cs_common *c = s->c;
	char delim = c->csv_delimiter ? c->csv_delimiter : ',';
	s->header_done = 0;
	s->file = cs_in_name(in);
	int res = cs_csv_read_utf8(csv_read_in, in, s->file, delim, c->max_record, !c->replace_invalid, csv_row, s);
	if (res == CS_CSV_READ_ERROR) {
		cs_run_input_failed(s->r);
		return 0;
	}
	if (res == CS_CSV_SYNTAX) {
		if (cs_run_feed_bad(s->r))
			return 1;
		cs_notice("%s: the rest of the file after that error is not read", s->file);
		return 0;
	}
	return res != CS_CSV_END;
}

static void read_csv(const struct cs_common *c, cs_run *r, char **files, int nfiles)
{
	struct cs_in_opts io = {.max_record = c->max_record, .encoding = c->encoding};
	cs_in *in = cs_in_new(files, nfiles, &io);
	struct csv_src s = {.c = c, .r = r};
	cs_run_set_meter(r, in_bytes, NULL, in);
	cs_in_set_wait_hook(in, run_idle, r);
	while (!read_csv_file(&s, in) && cs_in_next_file(in))
		;
	cs_run_set_meter(r, NULL, NULL, NULL);
	cs_run_add_replaced(r, s.replaced);
	cs_in_free(in);
	free_keys(&s);
	cs_buf_free(&s.rec);
	cs_buf_free(&s.cell);
	cs_obj_free(&s.obj);
}

/* ---- choosing ---- */

int cs_src_known(const char *format)
{
	return !format || strcmp(format, "ndjson") == 0 || strcmp(format, "csv") == 0;
}

void cs_src_read(const struct cs_common *c, cs_run *r, char **files, int nfiles)
{
	if (c->format && strcmp(c->format, "csv") == 0)
		read_csv(c, r, files, nfiles);
	else
		read_ndjson(c, r, files, nfiles);
}
