/* t_batch: the records an engine holds for a batch (kit_batch.c): copies
 * with their file and line, a zeroed result each, full at 512 records,
 * shared out once each, emptied by clear. */
#include "kit_batch.h"
#include "tap.h"
#include <stdio.h>

struct result {
	int worker;
	double score;
};

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
	return tap_done();
}
