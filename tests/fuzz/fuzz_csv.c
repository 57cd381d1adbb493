/* fuzz_csv: the CSV reader (kit_csv) on arbitrary bytes, read in
 * pieces of a size taken from the input, so row and line framing across
 * reads is exercised. */
#include "kit_csv.h"
#include "kit_msg.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct feed {
	const uint8_t *p;
	size_t left, piece;
};

static long feed_read(void *ctx, char *dst, size_t n)
{
	struct feed *f = ctx;
	size_t k = f->left < n ? f->left : n;
	if (k > f->piece)
		k = f->piece;
	memcpy(dst, f->p, k);
	f->p += k;
	f->left -= k;
	return (long)k;
}

static int on_row(const cs_csv_row *row, void *ctx)
{
	size_t *cells = ctx;
	*cells += row->n;
	for (size_t i = 0; i < row->n; i++)
		if (strlen(row->cell[i]) > row->len[i])
			__builtin_trap();   /* a cell's length is its bytes */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	if (!quiet++) {
		cs_msg_init("fuzz_csv");
	}
	if (size < 2)
		return 0;
	char delim = (data[0] & 1) ? '\t' : ',';
	struct feed f = {data + 2, size - 2, (size_t)data[1] % 17 + 1};
	size_t cells = 0;
	cs_csv_read_utf8(feed_read, &f, "fuzz", delim, (data[0] & 2) ? 64 : 0, !(data[0] & 4), on_row, &cells);
	return 0;
}
