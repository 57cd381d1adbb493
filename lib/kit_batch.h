/* kit_batch: records held for a batch, for an engine that works on them on
 * a pool of threads (kit_pool) and writes them in input order. Each record
 * is copied with where it came from, and has room for the engine's own
 * result (extra_size bytes, zeroed when the record is added). */
#ifndef CS_BATCH_H
#define CS_BATCH_H
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_run.h"

/* A top-level member kept with its record, as offsets into the record. */
typedef struct {
	size_t key_off, key_n, val_off, val_n;
	unsigned char type, key_escaped, val_plain;
} cs_batch_member;

typedef struct {
	size_t off, len;
	const char *file;
	uint64_t line;
	size_t member_at, nmember;        /* in the batch's members */
	size_t whole_off, whole_n;        /* the object; whole_n 0: the source gave no members, scanned when asked */
} cs_batch_rec;

typedef struct {
	cs_buf bytes;
	cs_batch_rec *recs;
	cs_batch_member *members;
	size_t nmembers, members_cap;
	unsigned char *extra;
	size_t extra_size, n, cap;
	atomic_size_t next;
} cs_batch;

void cs_batch_init(cs_batch *b, size_t extra_size);
/* Add a copy of rec; 1 when the batch is full (512 records or 4 MiB). */
int cs_batch_add(cs_batch *b, const cs_rec *rec);
/* Record i again, its members in obj (the caller's, reused): the ones the
 * source found when it was added, not scanned again. */
void cs_batch_rec_at(const cs_batch *b, size_t i, cs_obj *obj, cs_rec *out);
void *cs_batch_extra(const cs_batch *b, size_t i);
/* Work sharing: rewind before the pool runs; take returns the next record
 * for a worker, or SIZE_MAX when all are taken. */
void cs_batch_rewind(cs_batch *b);
size_t cs_batch_take(cs_batch *b);
void cs_batch_clear(cs_batch *b);
void cs_batch_free(cs_batch *b);

/* Two batches, so that the work on one overlaps the filling of the next:
 * when a side is full the pool starts on it and the main thread (worker 0
 * of the pool) fills the other; when that is full too, the main thread
 * helps finish the first, starts the pool on the second and writes the
 * first while the helpers work. Work on a record must not depend on the
 * writing of one before it. Each worker has a buffer a side for what it
 * makes of its records, emptied before the pool works on that side. */
#define CS_RELAY_MAX_WORKERS 16

typedef struct cs_relay_calls {
	void *ctx;
	/* write batch `side` in input order (then clear it) */
	void (*write)(void *ctx, cs_run *run, int side);
} cs_relay_calls;

struct cs_pool;
typedef struct {
	cs_batch batch[2];
	cs_buf out[2][CS_RELAY_MAX_WORKERS];   /* by side and worker */
	struct cs_pool *pool;             /* at most CS_RELAY_MAX_WORKERS workers */
	cs_relay_calls calls;
	int filling, working;            /* the side filling, the side the pool works on */
	int busy;                        /* the pool works on side `working` (not joined yet) */
} cs_relay;

void cs_relay_init(cs_relay *r, size_t extra_size, struct cs_pool *pool, cs_relay_calls calls);
void cs_relay_free(cs_relay *r);
/* Add a copy of rec to the filling batch; when it is full, finish and
 * write the one on the pool and start the pool on this one. */
void cs_relay_add(cs_relay *r, const cs_rec *rec, cs_run *run);
/* Work and write everything held (the input pauses, or ends, or a record
 * is written at once). */
void cs_relay_flush(cs_relay *r, cs_run *run);
/* The batch the pool works on, for the pool's work function. */
static inline cs_batch *cs_relay_working(cs_relay *r) { return &r->batch[r->working]; }
/* A worker's buffer for batch `side`. */
static inline cs_buf *cs_relay_out(cs_relay *r, int side, int worker) { return &r->out[side][worker]; }
#endif
