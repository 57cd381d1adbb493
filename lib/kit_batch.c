/* kit_batch: records held for a batch (see kit_batch.h). */
#include "kit_batch.h"
#include "kit_mem.h"
#include <stdlib.h>
#include <string.h>

#define BATCH_RECORDS 512
#define BATCH_BYTES ((size_t)4 << 20)

void cs_batch_init(cs_batch *b, size_t extra_size)
{
	memset(b, 0, sizeof *b);
	b->extra_size = extra_size;
	atomic_init(&b->next, 0);
}

int cs_batch_add(cs_batch *b, const cs_rec *rec)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->recs = cs_realloc(b->recs, b->cap * sizeof *b->recs);
		b->extra = cs_realloc(b->extra, b->cap * (b->extra_size ? b->extra_size : 1));
	}
	b->recs[b->n] = (cs_batch_rec){b->bytes.len, rec->len, rec->file, rec->line};
	memset(b->extra + b->n * b->extra_size, 0, b->extra_size);
	b->n++;
	cs_buf_add(&b->bytes, rec->text, rec->len);
	return b->n >= BATCH_RECORDS || b->bytes.len >= BATCH_BYTES;
}

void cs_batch_rec_at(const cs_batch *b, size_t i, cs_obj *obj, cs_rec *out)
{
	const cs_batch_rec *r = &b->recs[i];
	cs_json_members((cs_span){b->bytes.p + r->off, r->len}, obj);
	*out = (cs_rec){.text = b->bytes.p + r->off, .len = r->len, .obj = *obj, .file = r->file, .line = r->line};
}

void *cs_batch_extra(const cs_batch *b, size_t i) { return b->extra + i * b->extra_size; }

void cs_batch_rewind(cs_batch *b) { atomic_store(&b->next, 0); }

size_t cs_batch_take(cs_batch *b)
{
	size_t i = atomic_fetch_add(&b->next, 1);
	return i < b->n ? i : SIZE_MAX;
}

void cs_batch_clear(cs_batch *b)
{
	b->n = 0;
	cs_buf_reset(&b->bytes);
}

void cs_batch_free(cs_batch *b)
{
	cs_buf_free(&b->bytes);
	free(b->recs);
	free(b->extra);
}
