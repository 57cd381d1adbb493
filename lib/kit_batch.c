/* kit_batch: records held for a batch (see kit_batch.h). */
#include "kit_batch.h"
#include "kit_mem.h"
#include "kit_pool.h"
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

/* rec's members (its source's scan) as offsets into its text, when its
 * object lies in its text (the members lie in the object). */
static void keep_members(cs_batch *b, cs_batch_rec *r, const cs_rec *rec)
{
	const cs_obj *o = &rec->obj;
	if (!o->whole.p || o->whole.p < rec->text || o->whole.p + o->whole.n > rec->text + rec->len)
		return;
	if (b->nmembers + o->n > b->members_cap) {
		b->members_cap = (b->nmembers + o->n) * 2;
		b->members = cs_realloc(b->members, b->members_cap * sizeof *b->members);
	}
	for (size_t k = 0; k < o->n; k++) {
		const cs_member *m = &o->m[k];
		b->members[b->nmembers + k] = (cs_batch_member){(size_t)(m->key.p - rec->text), m->key.n,
								(size_t)(m->val.p - rec->text), m->val.n, m->type,
								m->key_escaped, m->val_plain};
	}
	r->member_at = b->nmembers;
	r->nmember = o->n;
	b->nmembers += o->n;
	r->whole_off = (size_t)(o->whole.p - rec->text);
	r->whole_n = o->whole.n;
}

int cs_batch_add(cs_batch *b, const cs_rec *rec)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->recs = cs_realloc(b->recs, b->cap * sizeof *b->recs);
		b->extra = cs_realloc(b->extra, b->cap * (b->extra_size ? b->extra_size : 1));
	}
	b->recs[b->n] = (cs_batch_rec){b->bytes.len, rec->len, rec->file, rec->line, 0, 0, 0, 0};
	keep_members(b, &b->recs[b->n], rec);
	memset(b->extra + b->n * b->extra_size, 0, b->extra_size);
	b->n++;
	cs_buf_add(&b->bytes, rec->text, rec->len);
	return b->n >= BATCH_RECORDS || b->bytes.len >= BATCH_BYTES;
}

void cs_batch_rec_at(const cs_batch *b, size_t i, cs_obj *obj, cs_rec *out)
{
	const cs_batch_rec *r = &b->recs[i];
	const char *text = b->bytes.p + r->off;
	if (r->whole_n) {   /* members kept */
		if (r->nmember > obj->cap) {
			obj->cap = r->nmember * 2;
			obj->m = cs_realloc(obj->m, obj->cap * sizeof *obj->m);
		}
		for (size_t k = 0; k < r->nmember; k++) {
			const cs_batch_member *m = &b->members[r->member_at + k];
			obj->m[k] = (cs_member){{text + m->key_off, m->key_n}, {text + m->val_off, m->val_n}, m->type,
						m->key_escaped, m->val_plain};
		}
		obj->n = r->nmember;
		obj->whole = (cs_span){text + r->whole_off, r->whole_n};
	} else {
		cs_json_members((cs_span){text, r->len}, obj);
	}
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
	b->nmembers = 0;
	cs_buf_reset(&b->bytes);
}

void cs_batch_free(cs_batch *b)
{
	cs_buf_free(&b->bytes);
	free(b->recs);
	free(b->members);
	free(b->extra);
}

/* ---- two batches in relay ---- */

void cs_relay_init(cs_relay *r, size_t extra_size, struct cs_pool *pool, cs_relay_calls calls)
{
	memset(r, 0, sizeof *r);
	cs_batch_init(&r->batch[0], extra_size);
	cs_batch_init(&r->batch[1], extra_size);
	r->pool = pool;
	r->calls = calls;
}

void cs_relay_free(cs_relay *r)
{
	cs_batch_free(&r->batch[0]);
	cs_batch_free(&r->batch[1]);
	for (int side = 0; side < 2; side++)
		for (int w = 0; w < CS_RELAY_MAX_WORKERS; w++)
			cs_buf_free(&r->out[side][w]);
}

/* Start the pool on the side just filled and go back to filling the other
 * while the helpers work: the main thread helps only when the next side is
 * full (joining), then writes the side the helpers finished while they
 * start on the next. Before, the helpers idled while it filled. */
static void work_filled(cs_relay *r, cs_run *run)
{
	int side = r->filling, busy = r->busy;
	if (busy)
		cs_pool_join(r->pool);
	for (int w = 0; w < cs_pool_size(r->pool); w++)
		cs_buf_reset(&r->out[side][w]);
	r->working = side;
	cs_batch_rewind(&r->batch[side]);
	cs_pool_start(r->pool);
	r->busy = 1;
	if (busy)
		r->calls.write(r->calls.ctx, run, !side);
	r->filling = !side;
}

void cs_relay_add(cs_relay *r, const cs_rec *rec, cs_run *run)
{
	if (cs_batch_add(&r->batch[r->filling], rec))
		work_filled(r, run);
}

void cs_relay_flush(cs_relay *r, cs_run *run)
{
	if (r->batch[r->filling].n)
		work_filled(r, run);
	if (r->busy) {
		cs_pool_join(r->pool);
		r->busy = 0;
		r->calls.write(r->calls.ctx, run, r->working);
	}
}
