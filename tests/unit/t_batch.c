/* t_batch: the records an engine holds for a batch (kit_batch.c): copies
 * with their file and line, a zeroed result each, full at 512 records,
 * shared out once each, emptied by clear; the members the source found kept
 * with each record; two batches in relay, written in input order. */
#include "kit_batch.h"
#include "kit_pool.h"
#include "tap.h"
#include <stdio.h>
#include <string.h>

struct result {
	int worker;
	double score;
};

/* The members of obj and of a fresh scan of text agree: keys, values,
 * types, escapes, the whole object. */
static int same_members(const cs_obj *obj, const char *text, size_t len)
{
	cs_obj fresh = {0};
	cs_jerr err;
	int same = cs_json_object(text, len, 64, &fresh, &err) == 0 && fresh.n == obj->n &&
		   fresh.whole.p - text == obj->whole.p - text && fresh.whole.n == obj->whole.n;
	for (size_t k = 0; same && k < obj->n; k++) {
		const cs_member *a = &obj->m[k], *c = &fresh.m[k];
		same = a->key.p - obj->whole.p == c->key.p - fresh.whole.p && a->key.n == c->key.n &&
		       a->val.p - obj->whole.p == c->val.p - fresh.whole.p && a->val.n == c->val.n &&
		       a->type == c->type && a->key_escaped == c->key_escaped && a->val_plain == c->val_plain;
	}
	cs_obj_free(&fresh);
	return same;
}

/* A record added with the members its source found keeps them (offsets
 * into its copy; the scan is not done again); one added without them is
 * scanned when asked. */
static void kept_members(void)
{
	cs_batch b;
	cs_batch_init(&b, 0);
	const char *texts[] = {"{\"a\":1,\"b\\u0041\":\"x\",\"c\":{\"d\":[1,2]},\"e\":\"q\\\"\"}", "{}",
			       "{\"m\":[{\"text\":\"hi\"}],\"n\":null}"};
	cs_obj obj = {0}, out = {0};
	char copy[128];
	for (size_t i = 0; i < 3; i++) {
		cs_jerr err;
		size_t len = strlen(texts[i]);
		memcpy(copy, texts[i], len);
		cs_json_object(copy, len, 64, &obj, &err);
		cs_rec rec = {.text = copy, .len = len, .obj = obj, .file = "f", .line = i + 1};
		cs_batch_add(&b, &rec);
		memset(copy, ' ', sizeof copy);   /* the source's buffer is reused */
	}
	cs_rec bare = {.text = texts[2], .len = strlen(texts[2]), .file = "f", .line = 4};
	cs_batch_add(&b, &bare);
	int same = 1;
	for (size_t i = 0; i < 4; i++) {
		cs_rec rec;
		cs_batch_rec_at(&b, i, &out, &rec);
		same &= same_members(&out, rec.text, rec.len) && rec.obj.n == out.n;
	}
	ok(same, "members kept with the records, or scanned when the source gave none, as a fresh scan finds them");
	cs_obj_free(&obj);
	cs_obj_free(&out);
	cs_batch_free(&b);
}

/* ---- two batches in relay ---- */

struct relay_test {
	cs_relay relay;
	cs_pool *pool;
	int worked_unemptied, written_unworked, out_of_order;
	long next_written;
};

/* Each record leaves a byte in its worker's buffer, which the relay must
 * have emptied before the side is worked again. */
static void relay_work(void *ctx, int w)
{
	struct relay_test *t = ctx;
	cs_batch *b = cs_relay_working(&t->relay);
	cs_buf *out = cs_relay_out(&t->relay, t->relay.working, w);
	size_t i;
	if (out->len)
		t->worked_unemptied = 1;
	while ((i = cs_batch_take(b)) != SIZE_MAX) {
		((struct result *)cs_batch_extra(b, i))->score = 1;
		cs_buf_addc(out, 'x');
	}
}

static void relay_write(void *ctx, cs_run *run, int side)
{
	struct relay_test *t = ctx;
	cs_batch *b = &t->relay.batch[side];
	cs_obj obj = {0};
	size_t made = 0;
	(void)run;
	for (int w = 0; w < cs_pool_size(t->pool); w++)
		made += cs_relay_out(&t->relay, side, w)->len;
	t->written_unworked |= made != b->n;
	for (size_t i = 0; i < b->n; i++) {
		cs_rec rec;
		cs_batch_rec_at(b, i, &obj, &rec);
		long n = -1;
		sscanf(rec.text, "{\"n\":%ld}", &n);
		t->out_of_order |= n != t->next_written++;
		t->written_unworked |= ((struct result *)cs_batch_extra(b, i))->score != 1;
	}
	cs_obj_free(&obj);
	cs_batch_clear(b);
}

static void relay(void)
{
	static struct relay_test t;
	t.pool = cs_pool_new(2, relay_work, &t, NULL);
	cs_relay_init(&t.relay, sizeof(struct result), t.pool, (cs_relay_calls){&t, relay_write});
	char text[64];
	long written_at_1024 = -1, written_at_1101 = -1;
	for (int i = 0; i < 2000; i++) {
		int n = snprintf(text, sizeof text, "{\"n\":%d}", i);
		cs_rec rec = {.text = text, .len = (size_t)n, .file = "in.ndjson", .line = (uint64_t)i + 1};
		cs_relay_add(&t.relay, &rec, NULL);
		if (i == 1023)
			written_at_1024 = t.next_written;
		if (i == 1100) {
			cs_relay_flush(&t.relay, NULL);   /* the input pauses */
			written_at_1101 = t.next_written;
		}
	}
	is_int(written_at_1024, 512, "in relay, a full batch waits to be written until the next is full");
	is_int(written_at_1101, 1101, "a pause writes everything held");
	cs_relay_flush(&t.relay, NULL);
	is_int(t.next_written, 2000, "and so does the end");
	ok(!t.out_of_order, "every record written once, in input order, across batches and flushes");
	ok(!t.written_unworked && !t.worked_unemptied,
	   "each side's buffers emptied, then worked (a byte a record), then written");
	cs_pool_free(t.pool);
	cs_relay_free(&t.relay);
}

int main(void)
{
	cs_batch b;
	cs_batch_init(&b, sizeof(struct result));
	char text[64];
	int full_at = 0;
	for (int i = 0; i < 600 && !full_at; i++) {
		int n = snprintf(text, sizeof text, "{\"n\":%d}", i);
		cs_rec rec = {.text = text, .len = (size_t)n, .file = "in.ndjson", .line = (uint64_t)i + 1};
		struct result *res;
		if (cs_batch_add(&b, &rec))
			full_at = i + 1;
		res = cs_batch_extra(&b, (size_t)i);
		if (res->worker || res->score)
			break;
		res->worker = 7;
		res->score = i;
		text[1] = 'X';   /* the batch holds a copy */
	}
	is_int(full_at, 512, "full at 512 records");
	cs_obj obj = {0};
	cs_rec rec;
	cs_batch_rec_at(&b, 300, &obj, &rec);
	ok(rec.len == 9 && memcmp(rec.text, "{\"n\":300}", 9) == 0, "a record's own bytes, copied");
	ok(obj.n == 1 && rec.obj.n == 1 && cs_member_is(&rec.obj.m[0], "n", 1), "with its members");
	is_str(rec.file, "in.ndjson", "its file");
	is_int(rec.line, 301, "its line");
	ok(((struct result *)cs_batch_extra(&b, 300))->score == 300, "its result");
	cs_batch_rewind(&b);
	size_t taken = 0, i, last = 0;
	int in_order = 1;
	while ((i = cs_batch_take(&b)) != SIZE_MAX) {
		in_order &= i == taken;
		last = i;
		taken++;
	}
	ok(taken == 512 && last == 511 && in_order, "every record taken once");
	is_int(cs_batch_take(&b), SIZE_MAX, "then none");
	cs_batch_clear(&b);
	is_int(b.n, 0, "clear empties it");
	cs_rec again = {.text = "{}", .len = 2, .file = "x", .line = 1};
	cs_batch_add(&b, &again);
	ok(((struct result *)cs_batch_extra(&b, 0))->worker == 0, "a reused slot's result is zeroed");
	cs_obj_free(&obj);
	cs_batch_free(&b);
	kept_members();
	relay();
	return tap_done();
}
