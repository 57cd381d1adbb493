/* t_ahead: records read ahead on a second thread (lib/kit_ahead.c). The
 * reading thread's messages must reach stderr on the main thread, in input
 * order, just before the record they came with; records keep their order
 * across batches; stopping early never waits for input that does not come. */
#include "kit_ahead.h"
#include "kit_buf.h"
#include "kit_msg.h"
#include "fixture.h"
#include "tap.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct cs_in_opts utf8_opts = {0, 0, 1, NULL};

/* 5000 lines {"n":i} (i from 1) with bad ones at lines 10 (JSON), 3000 (UTF-8) and 4500 (an array). */
static size_t make_mixed(const char *name)
{
	cs_buf b = CS_BUF_INIT;
	for (int i = 1; i <= 5000; i++) {
		if (i == 10 || i == 2047 || i == 4095)
			cs_buf_printf(&b, "{\"n\":%d,}\n", i);
		else if (i == 3000)
			cs_buf_adds(&b, "{\"n\":\"\xff\"}\n");
		else if (i == 4500)
			cs_buf_adds(&b, "[4500]\n");
		else
			cs_buf_printf(&b, "{\"n\":%d}\n", i);
	}
	write_file(name, b.p, b.len);
	size_t n = b.len;
	cs_buf_free(&b);
	return n;
}

static void test_order_and_messages(const char *share)
{
	setenv("CS_TEST_AHEAD_SHARE", share, 1);
	char *files[] = {"mixed.ndjson"};
	size_t size = make_mixed(files[0]);
	errtext();
	cs_ahead *a = cs_ahead_start(files, 1, &utf8_opts, 64);
	const struct cs_ahead_rec *r;
	int count = 0, in_order = 1, values_ok = 1, quiet_before = 1;
	enum cs_ahead_status at10 = CS_AHEAD_OK, at3000 = CS_AHEAD_OK, at4500 = CS_AHEAD_OK;
	int late_json = 0;
	const char *msg3000 = "";
	while ((r = cs_ahead_next(a))) {
		count++;
		if (r->line != (uint64_t)count || strcmp(r->file, "mixed.ndjson") != 0)
			in_order = 0;
		if (count == 2999 && errtext()[0])
			quiet_before = 0;
		if (count == 3000)
			msg3000 = errtext();
		if (count == 10)
			at10 = r->status;
		else if (count == 3000)
			at3000 = r->status;
		else if (count == 4500)
			at4500 = r->status;
		else if (count == 2047 || count == 4095)
			late_json += r->status == CS_AHEAD_JSON && r->err.what && r->err.off == 10;
		else if (r->status != CS_AHEAD_OK || r->obj.n != 1 || atoi(r->obj.m[0].val.p) != count)
			values_ok = 0;
	}
	is_int(count, 5000, "share %s: every line comes out, across batches", share);
	ok(in_order, "share %s: in input order, with file and line", share);
	ok(values_ok, "share %s: each good line is scanned into its members", share);
	is_int(at10, CS_AHEAD_JSON, "share %s: a JSON error is left for the caller to report", share);
	is_int(late_json, 2, "share %s: also at the end of a batch, where the main thread may scan", share);
	is_int(at3000, CS_AHEAD_BAD, "share %s: invalid UTF-8 is a bad line", share);
	is_int(at4500, CS_AHEAD_JSON, "share %s: an array is not an object", share);
	ok(quiet_before, "share %s: nothing printed before the bad line is reached", share);
	const char *want = "t_ahead: mixed.ndjson:3000:7: invalid UTF-8 (byte 0xff)\n";
	ok(strncmp(msg3000, want, strlen(want)) == 0,
	   "share %s: the reading thread's message is printed just before its line", share);
	is_int(cs_exit_status(), CS_EXIT_DATA, "its exit-status raise is replayed too");
	ok(cs_ahead_next(a) == NULL, "the end stays the end");
	is_int(cs_ahead_bytes(a), size, "byte count of the whole input");
	cs_ahead_stop(a);
	unsetenv("CS_TEST_AHEAD_SHARE");
}

/* A producer of 5000 records: every third is put prepared, with members
 * built here (offsets into a scratch text it then overwrites); the one after
 * is put as an object whose members are given but not prepared (only its
 * first member given, so a scan would show); the others plain, to be
 * scanned. */
static int share_seen = -1;

static int produce_mixed(cs_ahead *a, void *ctx)
{
	cs_buf text = CS_BUF_INIT;
	cs_obj obj = {0};
	cs_jerr err;
	(void)ctx;
	share_seen = cs_ahead_main_share(a);
	for (int i = 1; i <= 5000; i++) {
		cs_buf_reset(&text);
		cs_buf_printf(&text, "{\"n\":%d,\"p\":%d}", i, i % 3 == 0);
		int stop;
		if (i % 3 == 0) {
			cs_json_object(text.p, text.len, 64, &obj, &err);
			stop = cs_ahead_put_prepared(a, "made", (uint64_t)i, text.p, text.len, &obj);
		} else if (i % 3 == 1) {
			cs_json_object(text.p, text.len, 64, &obj, &err);
			obj.n = 1;
			stop = cs_ahead_put_object(a, "made", (uint64_t)i, text.p, text.len, &obj, 0);
		} else {
			stop = cs_ahead_put(a, CS_AHEAD_OK, "made", (uint64_t)i, text.p, text.len);
		}
		memset(text.p, 'x', text.len);   /* the batch holds its own copy */
		if (stop)
			break;
	}
	cs_obj_free(&obj);
	cs_buf_free(&text);
	return 0;
}

static void test_prepared(const char *share)
{
	setenv("CS_TEST_AHEAD_SHARE", share, 1);
	cs_ahead *a = cs_ahead_start_producer(produce_mixed, NULL, NULL, 64);
	const struct cs_ahead_rec *r;
	int count = 0, flags_ok = 1, members_ok = 1, given_ok = 1;
	while ((r = cs_ahead_next(a))) {
		count++;
		flags_ok &= r->status == CS_AHEAD_OK && r->prepared == (count % 3 == 0);
		members_ok &= r->obj.n >= 1 && r->obj.whole.p == r->text && r->obj.whole.n == r->len &&
			      r->obj.m[0].val.p > r->text && r->obj.m[0].val.p < r->text + r->len &&
			      atoi(r->obj.m[0].val.p) == count;
		if (count % 3 == 1)
			given_ok &= r->obj.n == 1;
		else
			members_ok &= r->obj.n == 2 && r->obj.m[1].key.n == 1 && r->obj.m[1].key.p[0] == 'p' &&
				      atoi(r->obj.m[1].val.p) == (count % 3 == 0);
	}
	is_int(count, 5000, "share %s: prepared, given and plain records come out in order, across batches", share);
	is_int(share_seen, atoi(share), "share %s: the producer sees the main thread's share", share);
	ok(flags_ok, "share %s: a prepared record says so, a given or plain one does not", share);
	ok(members_ok, "share %s: prepared and given records keep their members, pointing into the batch's copy", share);
	ok(given_ok, "share %s: a given record's members are the ones given, not scanned again", share);
	cs_ahead_stop(a);
	unsetenv("CS_TEST_AHEAD_SHARE");
}

/* What the early function notes of a record, on the thread it runs on. */
struct noted {
	uint64_t line;
	long n;           /* the first member's value */
	pthread_t thread;
};

static int early_ctx_freed;

static void note_early(void *ctx, const struct cs_ahead_rec *rec, void *out)
{
	struct noted *o = out;
	(void)ctx;
	o->line = rec->line;
	o->n = rec->obj.n ? atol(rec->obj.m[0].val.p) : -1;
	o->thread = pthread_self();
}

static void free_early_ctx(void *ctx)
{
	(void)ctx;
	early_ctx_freed++;
}

static void test_early(const char *share, int want_early)
{
	setenv("CS_TEST_AHEAD_SHARE", share, 1);
	char *files[] = {"mixed.ndjson"};
	make_mixed(files[0]);
	early_ctx_freed = 0;
	cs_ahead *a = cs_ahead_start(files, 1, &utf8_opts, 64);
	cs_ahead_set_early(a, sizeof(struct noted), note_early, NULL, free_early_ctx);
	const struct cs_ahead_rec *r;
	int with = 0, right = 1, bad_without = 1, aligned = 1;
	while ((r = cs_ahead_next(a))) {
		const struct noted *o = r->early;
		if (r->status != CS_AHEAD_OK) {
			bad_without &= o == NULL;
			continue;
		}
		if (!o)
			continue;
		with++;
		aligned &= (uintptr_t)o % 16 == 0;
		right &= o->line == r->line && o->n == (long)r->line && !pthread_equal(o->thread, pthread_self());
	}
	(void)errtext();
	if (want_early)
		is_int(with, 4995, "share %s: every good record has what the early function made of it", share);
	else
		is_int(with, 0, "share %s: no early work while the main thread scans part of each batch", share);
	ok(right, "share %s: made on the reading thread, for that very record", share);
	ok(bad_without, "share %s: a bad record has none", share);
	ok(aligned, "share %s: each on a 16-byte boundary", share);
	cs_ahead_stop(a);
	is_int(early_ctx_freed, 1, "share %s: its context is freed once the reading thread has ended", share);
	early_ctx_freed = 0;
	a = cs_ahead_start(files, 1, &utf8_opts, 64);
	cs_ahead_set_early(a, sizeof(struct noted), note_early, NULL, free_early_ctx);
	cs_ahead_stop(a);
	is_int(early_ctx_freed, 1, "share %s: also when stopped before the first record", share);
	unsetenv("CS_TEST_AHEAD_SHARE");
}

/* A producer that never waits for input: stopping must wait for it to
 * notice (it may be using what the caller frees next), not leave it running. */
static int busy_freed;

static int produce_busy(cs_ahead *a, void *ctx)
{
	(void)ctx;
	for (int i = 1; i <= 1000000; i++)
		if (cs_ahead_put(a, CS_AHEAD_OK, "busy", (uint64_t)i, "{\"n\":1}", 7))
			break;
	return 0;
}

static void free_busy(void *ctx)
{
	(void)ctx;
	busy_freed = 1;
}

static void test_stop_busy(void)
{
	busy_freed = 0;
	cs_ahead *a = cs_ahead_start_producer(produce_busy, free_busy, NULL, 64);
	const struct cs_ahead_rec *r = cs_ahead_next(a);
	ok(r && r->line == 1, "a busy producer's first record");
	cs_ahead_stop(a);
	ok(busy_freed, "stopping waits for a producer that never waits for input, then frees it");
}

static void test_early_stop(void)
{
	char *files[] = {"mixed.ndjson"};
	cs_ahead *a = cs_ahead_start(files, 1, &utf8_opts, 64);
	const struct cs_ahead_rec *r = cs_ahead_next(a);
	ok(r && r->line == 1, "first record");
	cs_ahead_stop(a);
	is_str(errtext(), "", "stopping early prints nothing the reader found later");
}

/* A pipe that stays open: the lines it has given come out without waiting
 * for more (a live stream), and stopping does not wait for its next line.
 * The alarm only turns a hang into a failure. */
static void test_live_input(void)
{
	int fd[2];
	if (pipe(fd) != 0) {
		printf("Bail out! pipe\n");
		exit(1);
	}
	dup2(fd[0], 0);
	close(fd[0]);
	const char *lines = "{\"a\":1}\n{\"a\":2}\n";
	if (write(fd[1], lines, strlen(lines)) != (ssize_t)strlen(lines))
		printf("# short write\n");
	alarm(60);
	cs_ahead *a = cs_ahead_start(NULL, 0, &utf8_opts, 64);
	const struct cs_ahead_rec *r1 = cs_ahead_next(a);
	ok(r1 && r1->line == 1 && strcmp(r1->text, "{\"a\":1}") == 0, "a live stream's first line comes out");
	const struct cs_ahead_rec *r2 = cs_ahead_next(a);
	ok(r2 && r2->line == 2 && r2->status == CS_AHEAD_OK, "and its second, while the input stays open");
	cs_ahead_stop(a);
	ok(1, "stop returns while the input is still open");
	alarm(0);
	close(fd[1]);
}

static void test_fatal(void)
{
	char *files[] = {"good.ndjson", "missing.ndjson", "good.ndjson"};
	write_file("good.ndjson", "{\"x\":1}\n", 8);
	cs_ahead *a = cs_ahead_start(files, 3, &utf8_opts, 64);
	const struct cs_ahead_rec *r1 = cs_ahead_next(a);
	ok(r1 && r1->status == CS_AHEAD_OK && r1->line == 1, "the record before the error");
	is_str(errtext(), "", "the error is not printed before its turn");
	const struct cs_ahead_rec *r2 = cs_ahead_next(a);
	ok(r2 && r2->status == CS_AHEAD_FATAL, "an unreadable file is fatal");
	is_str(errtext(), "t_ahead: missing.ndjson: No such file or directory\n", "and reported at its turn");
	const struct cs_ahead_rec *r3 = cs_ahead_next(a);
	ok(r3 && r3->status == CS_AHEAD_OK && strcmp(r3->file, "good.ndjson") == 0 && r3->line == 1,
	   "the next file is read after an unreadable one");
	ok(cs_ahead_next(a) == NULL, "then the end");
	cs_ahead_stop(a);
}

static void sink_put(void *ctx, const char *line, int code)
{
	cs_buf *b = ctx;
	cs_buf_printf(b, "[%d]%s", code, line ? line : "-\n");
}

/* Lines of many lengths (some longer than a small read buffer, so cs_in
 * copies them; the rest on loan from its buffers), some ending in CRLF:
 * each record's text is its line, and the byte count after it is exact. */
static void test_texts(const char *share, int read_size)
{
	char rs[16];
	snprintf(rs, sizeof rs, "%d", read_size);
	setenv("CS_TEST_AHEAD_SHARE", share, 1);
	if (read_size)
		setenv("CS_TEST_READ_SIZE", rs, 1);
	cs_buf b = CS_BUF_INIT, want = CS_BUF_INIT;
	for (int i = 1; i <= 20000; i++)
		cs_buf_printf(&b, "{\"n\":%d,\"s\":\"%.*s\"}%s", i, (i * 7) % 150,
			      "................................................................................"
			      "......................................................................",
			      i % 11 ? "\n" : "\r\n");
	write_file("texts.ndjson", b.p, b.len);
	char *files[] = {"texts.ndjson"};
	cs_ahead *a = cs_ahead_start(files, 1, &utf8_opts, 64);
	const struct cs_ahead_rec *r;
	int count = 0, texts_ok = 1, bytes_ok = 1;
	uint64_t upto = 0;
	while ((r = cs_ahead_next(a))) {
		count++;
		cs_buf_reset(&want);
		cs_buf_printf(&want, "{\"n\":%d,\"s\":\"%.*s\"}", count, (count * 7) % 150,
			      "................................................................................"
			      "......................................................................");
		upto += want.len + (count % 11 ? 1 : 2);
		if (r->status != CS_AHEAD_OK || r->len != want.len || memcmp(r->text, want.p, want.len + 1) != 0)
			texts_ok = 0;
		if (cs_ahead_bytes(a) != upto)
			bytes_ok = 0;
	}
	is_int(count, 20000, "share %s, read size %d: every line", share, read_size);
	ok(texts_ok, "share %s, read size %d: each record's text is its line, NUL after it", share, read_size);
	ok(bytes_ok, "share %s, read size %d: the byte count after each record is exact", share, read_size);
	cs_ahead_stop(a);
	cs_buf_free(&b);
	cs_buf_free(&want);
	unsetenv("CS_TEST_READ_SIZE");
	unsetenv("CS_TEST_AHEAD_SHARE");
}

static void test_sink(void)
{
	cs_buf got = CS_BUF_INIT;
	cs_msg_sink s = {.put = sink_put, .die = NULL, .ctx = &got};
	int before = cs_exit_status();
	cs_msg_set_sink(&s);
	cs_error_at("f.ndjson", 7, "bad %s", "thing");
	cs_notice("a notice");
	cs_exit_raise(CS_EXIT_IO);
	cs_buf long_msg = CS_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		cs_buf_adds(&long_msg, "0123456789");
	size_t before_long = got.len;
	cs_error("%s", long_msg.p);
	cs_buf_free(&long_msg);
	cs_msg_set_sink(NULL);
	size_t long_len = got.len - before_long;
	ok(long_len > 8000 && long_len < 8200 && memcmp(got.p + got.len - 4, "...\n", 4) == 0,
	   "a message longer than 8 KiB is cut, ends in ... and a newline");
	got.len = before_long;
	got.p[got.len] = '\0';
	is_str(got.p, "[0]t_ahead: f.ndjson:7: bad thing\n[0]t_ahead: a notice\n[4]-\n",
	       "a sink gets whole lines and exit-status raises");
	is_int(cs_exit_status(), before, "a raise into a sink leaves the status alone");
	is_str(errtext(), "", "and nothing goes to stderr");
	cs_buf_free(&got);
}

int main(void)
{
	fixture_enter("t_ahead");
	test_sink();
	test_order_and_messages("0");
	test_order_and_messages("5");
	test_order_and_messages("16");
	test_texts("0", 0);
	test_texts("16", 0);
	test_texts("0", 100);
	test_texts("5", 7);
	test_prepared("0");
	test_prepared("8");
	test_prepared("16");
	test_early("0", 1);
	test_early("5", 0);
	test_early("16", 0);
	test_early_stop();
	test_stop_busy();
	test_live_input();
	test_fatal();
	fixture_leave();
	return tap_done();
}
