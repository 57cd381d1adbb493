/* kit_run: the run skeleton (see kit_run.h). */
#include "kit_run.h"
#include "kit_filter.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_shard.h"
#include "kit_src.h"
#include "kit_time.h"
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "kit_in.h"
#include "kit_jval.h"
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Records wait for the jq worker in batches of at most this many, or bytes. */
#define HOLD_RECORDS 256
#define HOLD_BYTES ((size_t)1 << 20)
#define ERR_LEN 512
#define NO_ERR SIZE_MAX

/* A record waiting for a verdict of the jq worker, with the records after it
 * (order is kept: once one waits, every later record waits too). */
struct held {
	size_t off, len;                 /* the prepared record in held_bytes */
	const char *file;
	uint64_t line;
	enum cs_verdict sel, whr;
	size_t sel_err, whr_err;         /* offsets into held_errs, or NO_ERR */
};

struct cs_run {
	const struct cs_common *c;
	const struct cs_engine *e;
	cs_out *out;                     /* what the engine writes to */
	/* Lines routed by their shard key: the engine writes into memory (out)
	 * and each line, once ended, goes to its part's file (--split) or, for
	 * an engine sharded on its output, to sink when it is this shard's. */
	int route_lines;
	cs_out *sink;
	cs_out **parts;
	cs_shard_ctx shard;
	uint64_t other_shards;
	cs_filter *select, *where;
	struct held *held;
	size_t nheld, held_cap;
	cs_buf held_bytes, held_errs;
	cs_obj scratch;
	uint64_t read, written, blank, rejected, skipped, dropped, inputs_failed;
	int stopped;
	uint64_t (*meter_bytes)(void *ctx), (*meter_replaced)(void *ctx);
	void *meter_ctx;
	uint64_t bytes, replaced;        /* the meter's last reading */
	uint64_t bytes_before, replaced_before;   /* of the meters before it (one a file) */
	uint64_t replaced_by_source;     /* replaced outside the meter */
	int progress_on, progress_shown;
	int progress_every_record;       /* test hook: CS_TEST_PROGRESS=1 */
	struct timespec progress_last;
};

void cs_stats_add(cs_stats *s, const char *name, uint64_t val)
{
	if (s->n == CS_STATS_MAX)
		cs_die(CS_EXIT_INTERNAL, "internal error: more than %d stats counters", CS_STATS_MAX);
	s->name[s->n] = name;
	s->val[s->n++] = val;
}

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

int cs_rec_ids_check(const cs_rec *rec, const char *const *paths)
{
	cs_buf why = CS_BUF_INIT;
	int bad = cs_jids_nul(&rec->obj, paths, &why);
	if (bad)
		cs_rec_bad(rec, "%s", why.p);
	cs_buf_free(&why);
	return bad ? CS_REC_BAD : CS_REC_OK;
}

const struct cs_common *cs_run_common(const cs_run *r) { return r->c; }
const struct cs_engine *cs_run_engine(const cs_run *r) { return r->e; }
int cs_run_stopped(const cs_run *r) { return r->stopped; }
cs_out *cs_run_out(cs_run *r) { return r->out; }

/* Send each line written into memory to its part. Called right after a
 * '\n', so what is staged is whole lines. */
static void route_lines(cs_run *r)
{
	const char *p, *end, *nl;
	size_t n;
	cs_out_staged(r->out, &p, &n);
	end = p + n;
	const char *line = p;
	while ((nl = memchr(line, '\n', (size_t)(end - line))) != NULL) {
		uint32_t nparts = r->parts ? r->c->split_n : r->c->shard_n;
		uint32_t part = cs_shard_part_line(&r->shard, line, (size_t)(nl - line), r->c->max_depth, nparts);
		if (r->parts) {
			cs_out_write(r->parts[part - 1], line, (size_t)(nl + 1 - line));
			r->written++;
		} else if (part == r->c->shard_k) {
			cs_out_write(r->sink, line, (size_t)(nl + 1 - line));
			r->written++;
		} else {
			r->other_shards++;
		}
		line = nl + 1;
	}
	cs_out_clear(r->out);
}

void cs_run_end_line(cs_run *r)
{
	cs_out_putc(r->out, '\n');
	if (r->route_lines)
		route_lines(r);
	else
		r->written++;
}

void cs_run_write_line(cs_run *r, const char *p, size_t n)
{
	cs_out_write(r->out, p, n);
	cs_run_end_line(r);
}

static void put_out(void *sink, const char *p, size_t n) { cs_out_write(sink, p, n); }

void cs_run_write_field(cs_run *r, const cs_rec *rec, const char *key, const char *value, size_t vlen)
{
	cs_json_splice_field(put_out, r->out, rec->text, rec->len, &rec->obj, key, value, vlen);
	cs_run_end_line(r);
}

/* ---- progress, on a terminal only ---- */

static void read_meter(cs_run *r)
{
	if (r->meter_bytes)
		r->bytes = r->meter_bytes(r->meter_ctx);
	if (r->meter_replaced)
		r->replaced = r->meter_replaced(r->meter_ctx);
}

void cs_run_set_meter(cs_run *r, uint64_t (*bytes)(void *ctx), uint64_t (*replaced)(void *ctx), void *ctx)
{
	read_meter(r);   /* the last reading of the meter going away */
	r->bytes_before += r->bytes;
	r->replaced_before += r->replaced;
	r->bytes = r->replaced = 0;
	r->meter_bytes = bytes;
	r->meter_replaced = replaced;
	r->meter_ctx = ctx;
}

/* 1 if a quarter of a second has passed since the last progress line.
 * Looked at every record, so a slow stream shows its count too: the coarse
 * clock is read in the vDSO, without a system call. */
static int progress_due(cs_run *r)
{
	struct timespec now;
	if (r->progress_every_record)
		return 1;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	long long ms = (now.tv_sec - r->progress_last.tv_sec) * 1000LL +
		       (now.tv_nsec - r->progress_last.tv_nsec) / 1000000;
	if (ms < 250)
		return 0;
	r->progress_last = now;
	return 1;
}

static void progress_tick(cs_run *r)
{
	static const char *const units[] = {"B", "kB", "MB", "GB", "TB"};
	if (!r->progress_on || !progress_due(r))
		return;
	read_meter(r);
	double size = (double)(r->bytes_before + r->bytes);
	size_t u = 0;
	while (size >= 1000 && u + 1 < sizeof units / sizeof units[0]) {
		size /= 1000;
		u++;
	}
	r->progress_shown = 1;
	cs_progress("%" PRIu64 " record%s, %.*f %s", r->read, r->read == 1 ? "" : "s", u ? 1 : 0, size, units[u]);
}

/* ---- deciding one record ---- */

/* Count a bad record; without --skip-bad the run stops. */
static int record_bad(cs_run *r)
{
	r->rejected++;
	if (!r->c->skip_bad)
		r->stopped = 1;
	return r->stopped;
}

/* A bad record found before the engine took it: without --skip-bad the run
 * stops, once the engine has written the records it holds from before. */
static int stop_at_bad(cs_run *r)
{
	if (!r->c->skip_bad && r->e->flush)
		r->e->flush(r->e->ctx, r);
	return record_bad(r);
}

/* Act on the verdicts of --select and --where; returns 1 to stop. */
static int decide(cs_run *r, const cs_rec *rec, enum cs_verdict sel, const char *sel_err,
		  enum cs_verdict whr, const char *whr_err)
{
	if (sel == CS_V_BAD) {
		cs_rec_bad(rec, "%s", sel_err);
		return stop_at_bad(r);
	}
	if (sel == CS_V_FALSE) {
		r->dropped++;
		return 0;
	}
	if (whr == CS_V_BAD) {
		cs_rec_bad(rec, "%s", whr_err);
		return stop_at_bad(r);
	}
	if (whr == CS_V_FALSE) {
		r->skipped++;
		if (r->e->flush)
			r->e->flush(r->e->ctx, r);
		cs_run_write_line(r, rec->text, rec->len);
		return 0;
	}
	if (r->e->record(r->e->ctx, r, rec) != CS_REC_OK)
		return stop_at_bad(r);
	return 0;
}

/* ---- records waiting for the jq worker ---- */

static size_t keep_err(cs_run *r, enum cs_verdict v, const char *err)
{
	if (v != CS_V_BAD)
		return NO_ERR;
	size_t off = r->held_errs.len;
	cs_buf_add(&r->held_errs, err, strlen(err) + 1);
	return off;
}

static void hold(cs_run *r, const cs_rec *rec, enum cs_verdict sel, const char *sel_err,
		 enum cs_verdict whr, const char *whr_err)
{
	if (r->nheld == r->held_cap) {
		r->held_cap = r->held_cap ? r->held_cap * 2 : 64;
		r->held = cs_realloc(r->held, r->held_cap * sizeof *r->held);
	}
	struct held *h = &r->held[r->nheld++];
	h->off = r->held_bytes.len;
	h->len = rec->len;
	h->file = rec->file;
	h->line = rec->line;
	h->sel = sel;
	h->whr = whr;
	h->sel_err = keep_err(r, sel, sel_err);
	h->whr_err = keep_err(r, whr, whr_err);
	cs_buf_add(&r->held_bytes, rec->text, rec->len);
	cs_buf_addc(&r->held_bytes, '\0');
}

/* Ask f about the held records whose verdict (by field) is CS_V_ASK_JQ. */
static void ask_jq(cs_run *r, cs_filter *f, int for_where)
{
	size_t n = 0;
	const char **text = cs_malloc(r->nheld * sizeof *text);
	size_t *len = cs_malloc(r->nheld * sizeof *len), *which = cs_malloc(r->nheld * sizeof *which);
	for (size_t i = 0; i < r->nheld; i++) {
		struct held *h = &r->held[i];
		int asks = for_where ? h->whr == CS_V_ASK_JQ && h->sel != CS_V_FALSE && h->sel != CS_V_BAD
				     : h->sel == CS_V_ASK_JQ;
		if (!asks)
			continue;
		text[n] = r->held_bytes.p + h->off;
		len[n] = h->len;
		which[n++] = i;
	}
	if (n) {
		enum cs_verdict *v = cs_malloc(n * sizeof *v);
		char *err = cs_malloc(n * ERR_LEN);
		cs_filter_jq(f, text, len, n, v, err, ERR_LEN);
		for (size_t k = 0; k < n; k++) {
			struct held *h = &r->held[which[k]];
			*(for_where ? &h->whr : &h->sel) = v[k];
			*(for_where ? &h->whr_err : &h->sel_err) = keep_err(r, v[k], err + k * ERR_LEN);
		}
		free(v);
		free(err);
	}
	free(text);
	free(len);
	free(which);
}

static const char *held_err(const cs_run *r, size_t off)
{
	return off == NO_ERR ? "" : r->held_errs.p + off;
}

/* Decide every held record, in order. */
static void release(cs_run *r)
{
	if (!r->nheld)
		return;
	if (r->select)
		ask_jq(r, r->select, 0);
	if (r->where)
		ask_jq(r, r->where, 1);
	for (size_t i = 0; i < r->nheld && !r->stopped; i++) {
		const struct held *h = &r->held[i];
		cs_rec rec = {.text = r->held_bytes.p + h->off, .len = h->len, .file = h->file, .line = h->line};
		cs_jerr je;
		if (cs_json_object(rec.text, rec.len, r->c->max_depth, &r->scratch, &je) < 0)
			cs_die(CS_EXIT_INTERNAL, "internal error: a held record no longer scans (%s)", je.what);
		rec.obj = r->scratch;
		decide(r, &rec, h->sel, held_err(r, h->sel_err), h->whr, held_err(r, h->whr_err));
	}
	r->nheld = 0;
	cs_buf_reset(&r->held_bytes);
	cs_buf_reset(&r->held_errs);
}

/* ---- what sources call ---- */

int cs_run_feed(cs_run *r, cs_rec *rec)
{
	if (r->stopped)
		return 1;
	r->read++;
	progress_tick(r);
	if (r->e->prepare && !rec->prepared && r->e->prepare(r->e->ctx, rec) != CS_REC_OK)
		return stop_at_bad(r);
	if (r->c->shard_n && !r->e->shard_output &&
	    cs_shard_part(&r->shard, rec->text, rec->len, &rec->obj, r->c->shard_n) != r->c->shard_k) {
		r->read--;
		r->other_shards++;
		if (r->e->other_shard)
			r->e->other_shard(r->e->ctx, r, rec);
		return 0;
	}
	if (!r->select && !r->where)
		return decide(r, rec, CS_V_TRUE, "", CS_V_TRUE, "");
	enum cs_verdict sel = CS_V_TRUE, whr = CS_V_TRUE;
	char sel_err[ERR_LEN], whr_err[ERR_LEN];
	sel_err[0] = whr_err[0] = '\0';
	if (r->select)
		sel = cs_filter_native(r->select, rec->text, rec->len, &rec->obj, sel_err, sizeof sel_err);
	if (r->where && sel != CS_V_FALSE)
		whr = cs_filter_native(r->where, rec->text, rec->len, &rec->obj, whr_err, sizeof whr_err);
	if (!r->nheld && sel != CS_V_ASK_JQ && whr != CS_V_ASK_JQ)
		return decide(r, rec, sel, sel_err, whr, whr_err);
	hold(r, rec, sel, sel_err, whr, whr_err);
	if (r->nheld >= HOLD_RECORDS || r->held_bytes.len >= HOLD_BYTES)
		release(r);
	return r->stopped;
}

int cs_run_feed_bad(cs_run *r)
{
	if (r->stopped)
		return 1;
	r->read++;
	release(r);   /* the records before it come first */
	return stop_at_bad(r);
}

void cs_run_record_bad(cs_run *r) { record_bad(r); }

void cs_run_feed_blank(cs_run *r) { r->blank++; }

void cs_run_add_replaced(cs_run *r, uint64_t n) { r->replaced_by_source += n; }

static uint64_t replaced_total(const cs_run *r) { return r->replaced_before + r->replaced + r->replaced_by_source; }

void cs_run_input_failed(cs_run *r) { r->inputs_failed++; }
uint64_t cs_run_rejected(const cs_run *r) { return r->rejected; }
uint64_t cs_run_inputs_failed(const cs_run *r) { return r->inputs_failed; }

static void flush_outputs(cs_run *r)
{
	cs_out_flush(r->out);
	if (r->sink)
		cs_out_flush(r->sink);
	for (uint32_t i = 0; r->parts && i < r->c->split_n; i++)
		cs_out_flush(r->parts[i]);
}

void cs_run_idle(cs_run *r)
{
	release(r);
	if (r->e->flush)
		r->e->flush(r->e->ctx, r);
	flush_outputs(r);
}

/* ---- the end of a run ---- */

static void common_counters(cs_run *r, cs_stats *st)
{
	cs_stats_add(st, "read", r->read);
	cs_stats_add(st, "written", r->written);
	cs_stats_add(st, "blank", r->blank);
	cs_stats_add(st, "rejected", r->rejected);
	cs_stats_add(st, "skipped", r->skipped);
	cs_stats_add(st, "dropped", r->dropped);
	cs_stats_add(st, "replaced", replaced_total(r));
	cs_stats_add(st, "inputs_failed", r->inputs_failed);
	cs_stats_add(st, "stopped", (uint64_t)r->stopped);
	if (r->c->shard_n)
		cs_stats_add(st, "other_shards", r->other_shards);
}

static void format_stats(const cs_stats *st, int json, cs_buf *b)
{
	if (json)
		cs_buf_printf(b, "{\"kind\":\"stats\",\"program\":\"%s\"", cs_prog());
	else
		cs_buf_printf(b, "%s: stats:", cs_prog());
	for (size_t i = 0; i < st->n; i++) {
		if (json)
			cs_buf_printf(b, ",\"%s\":%" PRIu64, st->name[i], st->val[i]);
		else
			cs_buf_printf(b, "%s %s %" PRIu64, i ? "," : "", st->name[i], st->val[i]);
	}
	cs_buf_adds(b, json ? "}\n" : "\n");
}

/* One write(2), so lines of parallel shards on one stderr or file never mix. */
void cs_stats_write(const struct cs_common *c, const cs_stats *st)
{
	cs_buf b = CS_BUF_INIT;
	format_stats(st, c->stats == CS_STATS_JSON, &b);
	if (!c->stats_file) {
		cs_msg_write(STDERR_FILENO, b.p, b.len);
	} else {
		int fd = open(c->stats_file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd < 0 || cs_msg_write(fd, b.p, b.len) < 0) {
			cs_error("%s: cannot write stats: %s", c->stats_file, strerror(errno));
			cs_exit_raise(CS_EXIT_IO);
		}
		if (fd >= 0 && close(fd) != 0) {
			cs_error("%s: cannot write stats: %s", c->stats_file, strerror(errno));
			cs_exit_raise(CS_EXIT_IO);
		}
	}
	cs_buf_free(&b);
}

static void write_stats(cs_run *r)
{
	cs_stats st = {0};
	common_counters(r, &st);
	if (r->e->counters)
		r->e->counters(r->e->ctx, &st);
	cs_stats_write(r->c, &st);
}

void cs_stats_write_unread(const struct cs_common *c, const struct cs_engine *e, uint64_t written)
{
	cs_run r = {.c = c, .e = e, .written = written};
	if (c->stats)
		write_stats(&r);
}

static void summary(cs_run *r)
{
	uint64_t replaced = replaced_total(r);
	if (replaced)
		cs_notice("replaced %" PRIu64 " invalid UTF-8 sequence%s with U+FFFD", replaced,
			  replaced == 1 ? "" : "s");
	const char *naive_first;
	uint64_t naive = cs_time_naive_count(&naive_first);
	if (naive && !r->c->tz)
		cs_notice("%" PRIu64 " time%s without an offset (such as '%s') %s read as UTC: name their zone with --tz",
			  naive, naive == 1 ? "" : "s", naive_first, naive == 1 ? "was" : "were");
	if (r->e->summary)
		r->e->summary(r->e->ctx, r->c);
	if (r->inputs_failed)
		cs_error("%" PRIu64 " input%s could not be read to the end", r->inputs_failed,
			 r->inputs_failed == 1 ? "" : "s");
	if (r->rejected && !r->stopped)
		cs_error("%" PRIu64 " bad record%s left out", r->rejected, r->rejected == 1 ? "" : "s");
	if (r->c->stats)
		write_stats(r);
}

static void run_free(cs_run *r)
{
	cs_filter_free(r->select);
	cs_filter_free(r->where);
	free(r->held);
	cs_buf_free(&r->held_bytes);
	cs_buf_free(&r->held_errs);
	cs_obj_free(&r->scratch);
	cs_shard_ctx_free(&r->shard);
	free(r->parts);
}

/* glibc gives freed memory back to the kernel as soon as 128 KiB are free
 * at the top of the heap, and the next allocations fault the pages in again:
 * on a virtual machine each fault costs microseconds, and a stream of
 * records allocates and frees all the time. Keep up to 64 MiB. */
static void keep_freed_memory(void)
{
#ifdef M_TRIM_THRESHOLD
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
#endif
}

/* Room for one descriptor a part and the run's own files. */
static void allow_files(uint32_t n)
{
	struct rlimit lim;
	rlim_t want = (rlim_t)n + 64;
	if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < want) {
		lim.rlim_cur = lim.rlim_max < want ? lim.rlim_max : want;
		setrlimit(RLIMIT_NOFILE, &lim);
	}
}

static void quiet_put(void *ctx, const char *line, int raise_code)
{
	(void)ctx;
	(void)line;
	(void)raise_code;
}

static _Noreturn void quiet_die(void *ctx)
{
	(void)ctx;
	cs_die(CS_EXIT_IO, "cannot read the input to learn the devices' customers");
}

/* Every input a regular file, so it can be read twice. */
static int rereadable(char **files, int nfiles)
{
	struct stat st;
	for (int i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") == 0 || stat(files[i], &st) != 0 || !S_ISREG(st.st_mode))
			return 0;
	return nfiles > 0;
}

/* Before splitting: read the inputs once for the devices their records name
 * with a customer (a login), so the device's other records go to that
 * customer's part. Its messages are the main pass's to give. */
static void learn_devices(cs_run *r, char **files, int nfiles)
{
	if (!(r->c->split_n || r->c->shard_n) || !rereadable(files, nfiles))
		return;
	struct cs_in_opts io = {.max_record = r->c->max_record, .replace_invalid = 1};
	const cs_msg_sink quiet = {.put = quiet_put, .die = quiet_die};
	cs_msg_set_sink(&quiet);
	cs_in *in = cs_in_new(files, nfiles, &io);
	const char *line;
	size_t len;
	int got;
	while ((got = cs_in_getline(in, &line, &len)) != CS_IN_EOF)
		if (got == CS_IN_LINE)
			cs_shard_learn(&r->shard, line, len, r->c->max_depth);
	cs_in_free(in);
	cs_msg_set_sink(NULL);
}

static void open_outputs(cs_run *r)
{
	const struct cs_common *c = r->c;
	if (c->split_n) {
		allow_files(c->split_n);
		size_t bufsize = ((size_t)16 << 20) / c->split_n;
		bufsize = bufsize < 16384 ? 16384 : bufsize > 262144 ? 262144 : bufsize;
		cs_buf path = CS_BUF_INIT;
		r->parts = cs_malloc(c->split_n * sizeof *r->parts);
		for (uint32_t i = 0; i < c->split_n; i++) {
			cs_split_path(c->output, i + 1, &path);
			r->parts[i] = cs_out_open_sized(path.p, bufsize);
		}
		cs_buf_free(&path);
	} else if (c->shard_n && r->e->shard_output) {
		r->sink = cs_out_open(c->output);
	} else {
		r->out = cs_out_open(c->output);
		return;
	}
	r->route_lines = 1;
	r->out = cs_out_memory();
}

/* A line the engine left without its end goes out as it is. */
static void route_rest(cs_run *r)
{
	const char *p;
	size_t n;
	cs_out_staged(r->out, &p, &n);
	if (n) {
		cs_out_putc(r->out, '\n');
		route_lines(r);
	}
}

/* Every part is written and synced before the first is renamed into place,
 * and all are put in place as one: a write error on any leaves all the old
 * files (cs_die removes the temps), a signal all the old or all the new. */
static void close_outputs(cs_run *r)
{
	if (r->route_lines)
		route_rest(r);
	uint32_t nparts = r->parts ? r->c->split_n : 0, n = 0;
	cs_out **outs = cs_malloc((nparts + 2) * sizeof *outs);
	for (uint32_t i = 0; i < nparts; i++)
		outs[n++] = r->parts[i];
	outs[n++] = r->out;
	if (r->sink)
		outs[n++] = r->sink;
	cs_out_close_all(outs, n);
	free(outs);
}

static void abort_outputs(cs_run *r)
{
	cs_out_abort(r->out);
	if (r->sink)
		cs_out_abort(r->sink);
	for (uint32_t i = 0; r->parts && i < r->c->split_n; i++)
		cs_out_abort(r->parts[i]);
}

int cs_run_main(const struct cs_common *c, const struct cs_engine *e, char **files, int nfiles)
{
	keep_freed_memory();
	const char *every = getenv("CS_TEST_PROGRESS");
	cs_run r = {.c = c, .e = e, .progress_on = c->progress, .progress_every_record = every && *every == '1'};
	clock_gettime(CLOCK_MONOTONIC_COARSE, &r.progress_last);
	if (c->select)
		r.select = cs_filter_new("select", c->select, c->where_timeout, c->max_depth);
	if (c->where)
		r.where = cs_filter_new("where", c->where, c->where_timeout, c->max_depth);
	learn_devices(&r, files, nfiles);
	open_outputs(&r);
	if (nfiles == 0 && isatty(STDIN_FILENO))
		cs_notice("reading records from the terminal (Ctrl-D ends them); name a file, or - for standard input");
	cs_src_read(c, &r, files, nfiles);
	release(&r);
	if (r.progress_shown)
		cs_progress_end();
	if (!r.stopped && e->finish)
		e->finish(e->ctx, &r);   /* an engine's last batch may hold the record that stops the run */
	if (r.stopped) {
		abort_outputs(&r);
	} else {
		close_outputs(&r);
		if (e->commit)
			e->commit(e->ctx, &r);
	}
	summary(&r);
	run_free(&r);
	return cs_exit_status();
}
