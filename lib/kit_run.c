#include "kit_run.h"
#include "kit_ahead.h"
#include "kit_in.h"
#include "kit_jq.h"
#include "kit_msg.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cs_rec_bad(const cs_rec *rec, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cs_error_at(rec->file, rec->line, "%s", msg);
	cs_exit_raise(CS_EXIT_DATA);
}

void cs_rec_write(cs_out *out, const cs_rec *rec)
{
	cs_out_write(out, rec->text, rec->len);
	cs_out_putc(out, '\n');
}

void cs_rec_write_field(cs_out *out, const cs_rec *rec, const char *key, const char *value, size_t vlen)
{
	cs_write_field(out, rec->text, rec->len, &rec->obj, key, value, vlen);
}

static void put_out(void *sink, const char *p, size_t n) { cs_out_write(sink, p, n); }

void cs_write_field(cs_out *out, const char *text, size_t len, const cs_obj *obj,
		    const char *key, const char *value, size_t vlen)
{
	cs_json_splice_field(put_out, out, text, len, obj, key, value, vlen);
	cs_out_putc(out, '\n');
}

struct progress {
	int on;
	struct timespec last;
};

static void progress_tick(struct progress *p, const struct cs_loop_stats *st)
{
	if (!p->on || (st->read & 4095))
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	long long ms = (now.tv_sec - p->last.tv_sec) * 1000LL + (now.tv_nsec - p->last.tv_nsec) / 1000000;
	if (ms < 250)
		return;
	p->last = now;
	fprintf(stderr, "\r%s: %llu records, %.1f MB", cs_prog(), (unsigned long long)st->read, st->bytes / 1e6);
}

static void progress_end(struct progress *p)
{
	if (p->on)
		fprintf(stderr, "\r\033[K");
}

static cs_jq *where_compile(const struct cs_common *c)
{
	char err[512];
	if (!c->where)
		return NULL;
	cs_jq *jq = cs_jq_new(c->where, c->where_timeout, err, sizeof err);
	if (!jq)
		cs_usage_error("%s", err);
	return jq;
}

/* Returns CS_REC_OK to process, CS_REC_STOP to pass through, CS_REC_BAD. */
static int where_test(cs_jq *jq, cs_rec *rec)
{
	char err[512];
	int r = cs_jq_test(jq, rec->text, rec->len, err, sizeof err);
	if (r == CS_JQ_ERROR) {
		cs_rec_bad(rec, "%s", err);
		return CS_REC_BAD;
	}
	return r == CS_JQ_TRUE ? CS_REC_OK : CS_REC_STOP;
}

/* A line the reading thread checked: CS_REC_OK, or CS_REC_BAD after reporting why. */
static int take_record(cs_rec *rec, const struct cs_ahead_rec *ar)
{
	switch (ar->status) {
	case CS_AHEAD_OK:
		break;
	case CS_AHEAD_JSON:
		if (strcmp(ar->err.what, "not a JSON object") == 0)
			cs_rec_bad(rec, "not a JSON object");
		else
			cs_error("%s:%llu:%zu: invalid JSON: %s", rec->file, (unsigned long long)rec->line,
				 ar->err.off + 1, ar->err.what),
			cs_exit_raise(CS_EXIT_DATA);
		return CS_REC_BAD;
	default:
		return CS_REC_BAD;   /* cs_in reported it */
	}
	rec->obj = ar->obj;
	rec->text = ar->obj.whole.p;
	rec->len = ar->obj.whole.n;
	if (rec->len == 0) {
		cs_rec_bad(rec, "empty line (expected a JSON object)");
		return CS_REC_BAD;
	}
	return CS_REC_OK;
}

/* The input pauses: let what is done so far go on down the pipeline. */
static void flush_out(void *out)
{
	cs_out_flush(out);
}

void cs_rec_loop(const struct cs_common *c, char **files, int nfiles, cs_out *out,
		 cs_rec_fn fn, void *ctx, struct cs_loop_stats *st)
{
	struct cs_in_opts io = {.max_record = c->max_record, .replace_invalid = c->replace_invalid, .check_utf8 = 1,
				.encoding = c->encoding};
	cs_jq *where = where_compile(c);
	cs_ahead *ahead = cs_ahead_start(files, nfiles, &io, c->max_depth);
	cs_ahead_set_idle(ahead, flush_out, out);
	struct progress prog = {.on = c->progress};
	const struct cs_ahead_rec *ar;
	memset(st, 0, sizeof *st);
	clock_gettime(CLOCK_MONOTONIC_COARSE, &prog.last);
	while ((ar = cs_ahead_next(ahead))) {
		cs_rec rec = {.file = ar->file, .line = ar->line};
		st->read++;
		if (ar->status == CS_AHEAD_FATAL) {
			st->stopped = 1;
			break;
		}
		int res = take_record(&rec, ar);
		if (res == CS_REC_OK && where)
			res = where_test(where, &rec);
		if (res == CS_REC_STOP) {
			st->skipped++;
			cs_rec_write(out, &rec);
		} else if (res == CS_REC_OK) {
			res = fn(&rec, ctx);
		}
		if (res == CS_REC_BAD) {
			st->rejected++;
			if (!c->skip_bad) {
				st->stopped = 1;
				break;
			}
		}
		progress_tick(&prog, st);
	}
	progress_end(&prog);
	st->bytes = cs_ahead_bytes(ahead);
	st->replaced = cs_ahead_replaced(ahead);
	cs_jq_free(where);
	cs_ahead_stop(ahead);
}
