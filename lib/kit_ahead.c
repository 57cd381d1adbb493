#include "kit_ahead.h"
#include "kit_buf.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_time.h"
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AHEAD_BATCHES 4
#define BATCH_RECORDS 2048
#define BATCH_BYTES ((size_t)512 * 1024)

/* Something the worker would have printed or raised, held until the main
 * thread reaches the record it came before. */
struct event {
	size_t before;         /* index of the record it precedes in its batch */
	size_t text_off;       /* into batch.event_text, or NO_TEXT */
	int raise_code;
	int fatal;             /* the worker died here (cs_die) */
};
#define NO_TEXT ((size_t)-1)
#define LENT ((size_t)-1)

struct batch {
	struct cs_ahead_rec *rec;
	size_t *line_off;      /* while filling: each line's offset into bytes, or LENT */
	size_t n, cap;
	cs_buf bytes;          /* the lines not on loan from cs_in, each NUL-terminated */
	size_t text_bytes;     /* of every line, with its NUL */
	char **loan;           /* cs_in's buffers retired while this batch filled: */
	size_t nloan, loan_cap;/* lines of this batch and the ones before lie in them */
	cs_member *member;     /* every record's members, one after another, so */
	size_t nmember, member_cap; /* the main thread reads them in order */
	cs_obj scratch;        /* the record being scanned */
	size_t scan_end;       /* the worker scanned records [0, scan_end), the main thread the rest */
	struct event *ev;
	size_t nev, evcap;
	cs_buf event_text;
	char *early;           /* the early function's output, one slot a record */
	size_t early_cap;      /* bytes */
	int end;               /* no batch follows this one */
	uint64_t bytes_in, replaced;
};

enum worker_state { WORKER_WAITING, WORKER_FILLING, WORKER_DONE };

struct cs_ahead {
	cs_in *in;
	int max_depth;
	struct batch batch[AHEAD_BATCHES];
	void *(*thread_fn)(void *);
	int launched;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	uint64_t produced, consumed;   /* batches; under mu */
	int main_share;                /* sixteenths of a batch the main thread scans; under mu */
	int share_fixed;               /* CS_TEST_AHEAD_SHARE set it */
	int cancel;                    /* set under mu; fill() peeks at it atomically */
	/* cs_ahead_set_early(), before the worker starts */
	size_t early_size;
	void (*early)(void *ctx, const struct cs_ahead_rec *rec, void *out);
	void *early_ctx;
	void (*early_free)(void *ctx);
	enum worker_state state;       /* under mu */
	int input_waited;              /* under mu: the worker has been about to wait for input */
	cs_msg_sink sink;
	/* worker side */
	char **spare;                  /* cs_in buffers free to lend again */
	size_t nspare, spare_cap;
	struct batch *filling;         /* NULL once the main thread has stopped */
	int filling_share;
	uint64_t ordinals;             /* records so far */
	int scanning;
	size_t scanned;
	/* main side */
	void (*idle)(void *ctx);       /* called before waiting for the worker */
	void *idle_ctx;
	cs_obj main_obj;               /* members of a record the main thread scanned */
	struct batch *cur;
	size_t pos, ev_pos;
	int at_end;
	uint64_t bytes, replaced;
	cs_ahead *next_abandoned;
	/* a producer instead of a line reader (cs_ahead_start_producer) */
	int (*produce)(cs_ahead *a, void *ctx);
	void (*produce_free)(void *ctx);
	void *produce_ctx;
	uint64_t prod_bytes, prod_replaced;   /* worker side, as the producer reports them */
};

/* A worker still reading when the run stops is left to finish on its own;
 * this list keeps what it uses reachable until the process exits. */
static cs_ahead *abandoned;
static pthread_mutex_t abandoned_mu = PTHREAD_MUTEX_INITIALIZER;

/* ---- the worker ---- */

static void event_add(struct batch *b, const char *text, int raise_code)
{
	if (b->nev == b->evcap) {
		b->evcap = b->evcap ? b->evcap * 2 : 16;
		b->ev = cs_realloc(b->ev, b->evcap * sizeof *b->ev);
	}
	struct event *e = &b->ev[b->nev++];
	e->before = b->n;
	e->raise_code = raise_code;
	e->fatal = 0;
	e->text_off = NO_TEXT;
	if (text) {
		e->text_off = b->event_text.len;
		cs_buf_add(&b->event_text, text, strlen(text) + 1);
	}
}

static void worker_put(void *ctx, const char *line, int raise_code)
{
	cs_ahead *a = ctx;
	if (a->filling)   /* else the run has stopped: nothing more is shown */
		event_add(a->filling, line, raise_code);
}

static struct cs_ahead_rec *next_slot(cs_ahead *a, struct batch *b)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		b->rec = cs_realloc(b->rec, cap * sizeof *b->rec);
		b->line_off = cs_realloc(b->line_off, cap * sizeof *b->line_off);
		memset(b->rec + b->cap, 0, (cap - b->cap) * sizeof *b->rec);
		b->cap = cap;
	}
	b->rec[b->n].ordinal = ++a->ordinals;
	return &b->rec[b->n];
}

static void push_buffer(char ***list, size_t *n, size_t *cap, char *buf)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*list = cs_realloc(*list, *cap * sizeof **list);
	}
	(*list)[(*n)++] = buf;
}

/* cs_in's lending (cs_in_lend), on the worker: a buffer cs_in is done with
 * holds lines of the batch filling and of batches before it, so it is free
 * again once that batch has been read, when the worker takes it to refill. */
static char *lend_fresh(void *ctx)
{
	cs_ahead *a = ctx;
	return a->nspare ? a->spare[--a->nspare] : cs_malloc(cs_in_buffer_size(a->in));
}

static void lend_retire(void *ctx, char *buf)
{
	cs_ahead *a = ctx;
	struct batch *b = a->filling;
	if (b)
		push_buffer(&b->loan, &b->nloan, &b->loan_cap, buf);
	else
		push_buffer(&a->spare, &a->nspare, &a->spare_cap, buf);
}

static void batch_reset(cs_ahead *a, struct batch *b)
{
	while (b->nloan)
		push_buffer(&a->spare, &a->nspare, &a->spare_cap, b->loan[--b->nloan]);
	b->text_bytes = 0;
	b->n = 0;
	b->nmember = 0;
	b->nev = 0;
	b->end = 0;
	cs_buf_reset(&b->bytes);
	cs_buf_reset(&b->event_text);
}

/* Read lines into the batch being filled until it is full or the input
 * ends. The wait hook may hand a batch on and start another meanwhile. */
static void fill(cs_ahead *a)
{
	struct batch *b;
	while ((b = a->filling) && b->n < BATCH_RECORDS && b->text_bytes < BATCH_BYTES &&
	       !__atomic_load_n(&a->cancel, __ATOMIC_RELAXED)) {
		const char *line;
		size_t len;
		int r = cs_in_getline(a->in, &line, &len);
		if (!(b = a->filling))
			return;
		if (r == CS_IN_EOF) {
			b->end = 1;
			return;
		}
		struct cs_ahead_rec *rec = next_slot(a, b);
		rec->file = cs_in_name(a->in);
		rec->line = cs_in_lineno(a->in);
		rec->status = r == CS_IN_LINE ? CS_AHEAD_OK : r == CS_IN_BAD ? CS_AHEAD_BAD : CS_AHEAD_FATAL;
		rec->len = 0;
		rec->prepared = rec->given = 0;
		rec->in_bytes = cs_in_bytes(a->in);
		b->line_off[b->n] = b->bytes.len;
		if (r == CS_IN_LINE) {
			rec->len = len;
			b->text_bytes += len + 1;
			if (cs_in_line_lent(a->in)) {
				rec->text = line;
				b->line_off[b->n] = LENT;
			} else {
				cs_buf_add(&b->bytes, line, len);
				cs_buf_addc(&b->bytes, '\0');
			}
		}
		b->n++;   /* after CS_IN_FATAL kit_in goes on with the next file */
	}
}

/* Check one record and append its members to the batch's; rec->obj.m holds
 * their offset until every record is scanned (the array may move till then). */
static void scan_one(cs_ahead *a, struct batch *b, struct cs_ahead_rec *rec)
{
	if (rec->given)
		return;
	rec->obj = (cs_obj){0};
	if (rec->status != CS_AHEAD_OK)
		return;
	if (cs_json_object(rec->text, rec->len, a->max_depth, &b->scratch, &rec->err) < 0) {
		rec->status = CS_AHEAD_JSON;
		return;
	}
	size_t n = b->scratch.n;
	if (b->nmember + n > b->member_cap) {
		b->member_cap = (b->nmember + n) * 2;
		b->member = cs_realloc(b->member, b->member_cap * sizeof *b->member);
	}
	memcpy(b->member + b->nmember, b->scratch.m, n * sizeof *b->member);
	rec->obj.m = (cs_member *)(uintptr_t)b->nmember;
	rec->obj.n = n;
	rec->obj.whole = b->scratch.whole;
	b->nmember += n;
}

/* The record's members from offsets to pointers; the keys and values of
 * members the producer gave also hold offsets into its text. */
static void point_members(struct batch *b, struct cs_ahead_rec *rec)
{
	rec->obj.m = b->member + (uintptr_t)rec->obj.m;
	if (!rec->given)
		return;
	for (size_t k = 0; k < rec->obj.n; k++) {
		rec->obj.m[k].key.p = rec->text + (uintptr_t)rec->obj.m[k].key.p;
		rec->obj.m[k].val.p = rec->text + (uintptr_t)rec->obj.m[k].val.p;
	}
	rec->obj.whole = (cs_span){rec->text, rec->len};
}

/* The early function on the records scanned here, members pointed, while
 * this thread is the faster (the main thread scans none of the batch):
 * else the main thread has time to do that work itself, and doing it here
 * would only add the hand-over. */
static void run_early(cs_ahead *a, struct batch *b, int main_share)
{
	size_t size = a->early_size;
	if (!a->early)
		return;   /* no record ever had early work: every early is still NULL */
	for (size_t i = 0; i < b->n; i++)
		b->rec[i].early = NULL;   /* a slot of a batch before may have had some */
	if (main_share > 0)
		return;
	if (b->early_cap < b->scan_end * size) {
		b->early_cap = b->scan_end * size * 2;
		free(b->early);
		void *p;
		if (posix_memalign(&p, 64, b->early_cap))   /* slots of 64 bytes on cache lines */
			cs_die(CS_EXIT_IO, "out of memory (allocating %zu bytes)", b->early_cap);
		b->early = p;
	}
	for (size_t i = 0; i < b->scan_end && !__atomic_load_n(&a->cancel, __ATOMIC_RELAXED); i++) {
		struct cs_ahead_rec *rec = &b->rec[i];
		if (rec->status != CS_AHEAD_OK)
			continue;
		a->early(a->early_ctx, rec, b->early + i * size);
		rec->early = b->early + i * size;
	}
}

/* Point the records at their bytes (final now) and check each is a JSON
 * object, but for the main thread's share at the end of the batch. */
static void scan(cs_ahead *a, struct batch *b, int main_share)
{
	a->scanning = 1;
	for (size_t i = 0; i < b->n; i++)
		if (b->line_off[i] != LENT)
			b->rec[i].text = b->bytes.p + b->line_off[i];
	b->scan_end = b->n - b->n * (size_t)main_share / 16;
	for (a->scanned = 0; a->scanned < b->scan_end; a->scanned++)
		scan_one(a, b, &b->rec[a->scanned]);
	for (size_t i = 0; i < b->n; i++)
		if (i < b->scan_end || b->rec[i].given)
			point_members(b, &b->rec[i]);
	run_early(a, b, main_share);
}

/* Hand b to the main thread; next is what the worker does after. */
static void publish(cs_ahead *a, struct batch *b, enum worker_state next)
{
	b->bytes_in = a->in ? cs_in_bytes(a->in) : a->prod_bytes;
	b->replaced = a->in ? cs_in_replaced(a->in) : a->prod_replaced;
	pthread_mutex_lock(&a->mu);
	a->produced++;
	a->state = b->end ? WORKER_DONE : next;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

/* The thread ends: a main thread stopping waits for this. */
static void worker_done(cs_ahead *a)
{
	pthread_mutex_lock(&a->mu);
	a->state = WORKER_DONE;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

/* cs_die on the worker: hand over what was read before it, then stop. */
static void worker_die(void *ctx)
{
	cs_ahead *a = ctx;
	struct batch *b = a->filling;
	if (!b) {
		worker_done(a);
		pthread_exit(NULL);
	}
	b->ev[b->nev - 1].fatal = 1;
	if (a->scanning)
		b->n = b->scan_end = a->scanned;  /* it died scanning record n: the rest never gets a turn */
	else
		scan(a, b, 0);
	b->end = 1;
	publish(a, b, WORKER_DONE);
	pthread_exit(NULL);
}

/* The next free batch, or NULL when the main thread has stopped. *share
 * gets the part of it the main thread is to scan. */
static struct batch *take_free(cs_ahead *a, int *share)
{
	struct batch *b = NULL;
	pthread_mutex_lock(&a->mu);
	if (a->produced - a->consumed == AHEAD_BATCHES && a->main_share > 0 && !a->share_fixed)
		a->main_share--;   /* the main thread is the slower: take scanning back */
	while (!a->cancel && a->produced - a->consumed == AHEAD_BATCHES)
		pthread_cond_wait(&a->cv, &a->mu);
	*share = a->main_share;
	if (!a->cancel) {
		b = &a->batch[a->produced % AHEAD_BATCHES];
		a->state = WORKER_FILLING;
	}
	pthread_mutex_unlock(&a->mu);
	return b;
}

/* Start filling the next free batch; 0 when the main thread has stopped. */
static int begin_batch(cs_ahead *a)
{
	a->filling = take_free(a, &a->filling_share);
	if (!a->filling)
		return 0;
	batch_reset(a, a->filling);
	a->scanning = 0;
	return 1;
}

/* The input has nothing more for now: hand on the lines read so far rather
 * than hold them back (a live stream, a terminal), and go on in a new batch.
 * Until then the worker counts as reading: it is inside a read that may wait. */
static void input_waits(void *ctx)
{
	cs_ahead *a = ctx;
	pthread_mutex_lock(&a->mu);
	a->input_waited = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	if (!a->filling || a->filling->n == 0)
		return;
	scan(a, a->filling, a->filling_share);
	publish(a, a->filling, WORKER_FILLING);
	begin_batch(a);
}

static void *worker(void *arg)
{
	cs_ahead *a = arg;
	cs_msg_set_sink(&a->sink);
	while (begin_batch(a)) {
		fill(a);
		struct batch *b = a->filling;
		if (!b)
			break;
		scan(a, b, a->filling_share);
		publish(a, b, WORKER_WAITING);
		if (b->end)
			break;
	}
	worker_done(a);
	return NULL;
}

/* ---- producers ---- */

/* The members a producer gave, as offsets (point_members makes them pointers). */
static void keep_members(struct batch *b, struct cs_ahead_rec *rec, const char *text, const cs_obj *obj)
{
	if (b->nmember + obj->n > b->member_cap) {
		b->member_cap = (b->nmember + obj->n) * 2;
		b->member = cs_realloc(b->member, b->member_cap * sizeof *b->member);
	}
	cs_member *m = b->member + b->nmember;
	for (size_t k = 0; k < obj->n; k++) {
		m[k] = obj->m[k];
		m[k].key.p = (const char *)(uintptr_t)(obj->m[k].key.p - text);
		m[k].val.p = (const char *)(uintptr_t)(obj->m[k].val.p - text);
	}
	rec->obj = (cs_obj){.m = (cs_member *)(uintptr_t)b->nmember, .n = obj->n};
	b->nmember += obj->n;
}

static int put(cs_ahead *a, enum cs_ahead_status status, const char *file, uint64_t line, const char *text,
	       size_t len, const cs_obj *given, int prepared, int columns)
{
	struct batch *b = a->filling;
	if (!b)
		return 1;   /* the main thread has stopped */
	struct cs_ahead_rec *rec = next_slot(a, b);
	rec->file = file;
	rec->line = line;
	rec->status = status;
	rec->len = 0;
	rec->in_bytes = a->prod_bytes;
	rec->prepared = prepared;
	rec->given = given != NULL;
	rec->columns = columns;
	if (given)
		keep_members(b, rec, text, given);
	b->line_off[b->n] = b->bytes.len;
	if (status == CS_AHEAD_OK) {
		rec->len = len;
		b->text_bytes += len + 1;
		cs_buf_add(&b->bytes, text, len);
		cs_buf_addc(&b->bytes, '\0');
	}
	b->n++;
	cs_time_at_record(a->ordinals + 1);
	if (b->n >= BATCH_RECORDS || b->text_bytes >= BATCH_BYTES) {
		scan(a, b, a->filling_share);
		publish(a, b, WORKER_FILLING);
		if (!begin_batch(a))
			return 1;
	}
	return __atomic_load_n(&a->cancel, __ATOMIC_RELAXED);
}

int cs_ahead_put(cs_ahead *a, enum cs_ahead_status status, const char *file, uint64_t line, const char *text,
		 size_t len)
{
	return put(a, status, file, line, text, len, NULL, 0, 0);
}

int cs_ahead_put_prepared(cs_ahead *a, const char *file, uint64_t line, const char *text, size_t len,
			  const cs_obj *obj)
{
	return put(a, CS_AHEAD_OK, file, line, text, len, obj, 1, 0);
}

int cs_ahead_put_object(cs_ahead *a, const char *file, uint64_t line, const char *text, size_t len,
			const cs_obj *obj, int columns)
{
	return put(a, CS_AHEAD_OK, file, line, text, len, obj, 0, columns);
}

int cs_ahead_main_share(const cs_ahead *a) { return a->filling_share; }

void cs_ahead_progress(cs_ahead *a, uint64_t bytes_in, uint64_t replaced)
{
	a->prod_bytes = bytes_in;
	a->prod_replaced = replaced;
}

void cs_ahead_input_waits(void *a) { input_waits(a); }

static void *producer(void *arg)
{
	cs_ahead *a = arg;
	cs_msg_set_sink(&a->sink);
	if (begin_batch(a)) {
		cs_time_at_record(1);
		a->produce(a, a->produce_ctx);
		struct batch *b = a->filling;
		if (b) {
			b->end = 1;
			scan(a, b, a->filling_share);
			publish(a, b, WORKER_DONE);
		}
	}
	worker_done(a);
	return NULL;
}

/* ---- the main thread ---- */

cs_ahead *cs_ahead_start(char **files, int nfiles, const struct cs_in_opts *opts, int max_depth)
{
	return cs_ahead_start_in(cs_in_new(files, nfiles, opts), max_depth);
}

static void start_common(cs_ahead *a, void *(*fn)(void *));

cs_ahead *cs_ahead_start_producer(int (*produce)(cs_ahead *a, void *ctx), void (*produce_free)(void *ctx), void *ctx,
				  int max_depth)
{
	cs_ahead *a = cs_calloc(1, sizeof *a);
	a->produce = produce;
	a->produce_free = produce_free;
	a->produce_ctx = ctx;
	a->max_depth = max_depth;
	start_common(a, producer);
	return a;
}

cs_ahead *cs_ahead_start_in(cs_in *in, int max_depth)
{
	cs_ahead *a = cs_calloc(1, sizeof *a);
	a->in = in;
	cs_in_set_wait_hook(a->in, input_waits, a);
	cs_in_lend(a->in, lend_fresh, lend_retire, a);
	a->max_depth = max_depth;
	start_common(a, worker);
	return a;
}

static void start_common(cs_ahead *a, void *(*fn)(void *))
{
	const char *share = getenv("CS_TEST_AHEAD_SHARE");
	if (share && *share) {
		long fixed = strtol(share, NULL, 10);
		a->main_share = fixed < 0 ? 0 : fixed > 16 ? 16 : (int)fixed;
		a->share_fixed = 1;
	}
	a->sink = (cs_msg_sink){.put = worker_put, .die = worker_die, .ctx = a};
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	a->thread_fn = fn;
}

/* The worker starts with the first cs_ahead_next(), so what is set before
 * (cs_ahead_set_early) holds from its first batch on. */
static void launch(cs_ahead *a)
{
	a->launched = 1;
	a->state = WORKER_FILLING;
	if (pthread_create(&a->thread, NULL, a->thread_fn, a) != 0)
		cs_die(CS_EXIT_IO, "cannot start the reading thread");
}

/* Print and raise what the worker held for records up to index upto. */
static void replay(cs_ahead *a, const struct batch *b, size_t upto)
{
	for (; a->ev_pos < b->nev && b->ev[a->ev_pos].before <= upto; a->ev_pos++) {
		const struct event *e = &b->ev[a->ev_pos];
		if (e->text_off != NO_TEXT)
			cs_msg_put_line(b->event_text.p + e->text_off);
		if (e->raise_code)
			cs_exit_raise(e->raise_code);
		if (e->fatal)
			cs_exit(cs_exit_status());
	}
}

static struct batch *take_full(cs_ahead *a)
{
	pthread_mutex_lock(&a->mu);
	if (a->produced == a->consumed && a->idle) {
		pthread_mutex_unlock(&a->mu);
		a->idle(a->idle_ctx);   /* outside the lock: it may write to a slow reader */
		pthread_mutex_lock(&a->mu);
	}
	if (a->produced == a->consumed && a->main_share < 8 && !a->share_fixed)
		a->main_share++;   /* the worker is the slower: leave more scanning to us */
	while (a->produced == a->consumed)
		pthread_cond_wait(&a->cv, &a->mu);
	struct batch *b = &a->batch[a->consumed % AHEAD_BATCHES];
	pthread_mutex_unlock(&a->mu);
	return b;
}

static void give_back(cs_ahead *a)
{
	pthread_mutex_lock(&a->mu);
	a->consumed++;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	a->cur = NULL;
}

/* The record's bytes and members were written on the other core: ask for
 * them a few records early so the main thread does not wait on each. */
#define PREFETCH_AHEAD 8
#define PREFETCH_TEXT 512

static void prefetch_record(const struct cs_ahead_rec *rec)
{
	const char *m = (const char *)rec->obj.m, *mend = m + rec->obj.n * sizeof *rec->obj.m;
	for (; m < mend; m += 64)
		__builtin_prefetch(m);
	size_t text = rec->len < PREFETCH_TEXT ? rec->len : PREFETCH_TEXT;
	for (size_t off = 0; off < text; off += 64)
		__builtin_prefetch(rec->text + off);
	if (rec->early)
		__builtin_prefetch(rec->early);
}

/* A record of the main thread's share: scan it now. */
static void scan_here(cs_ahead *a, struct cs_ahead_rec *rec)
{
	if (rec->status != CS_AHEAD_OK || rec->given)
		return;
	if (cs_json_object(rec->text, rec->len, a->max_depth, &a->main_obj, &rec->err) < 0)
		rec->status = CS_AHEAD_JSON;
	else
		rec->obj = a->main_obj;
}

const struct cs_ahead_rec *cs_ahead_next(cs_ahead *a)
{
	if (!a->launched)
		launch(a);
	while (!a->at_end) {
		if (!a->cur) {
			a->cur = take_full(a);
			a->pos = a->ev_pos = 0;
		}
		struct batch *b = a->cur;
		if (a->pos < b->n) {
			if (a->pos + PREFETCH_AHEAD < b->scan_end)
				prefetch_record(&b->rec[a->pos + PREFETCH_AHEAD]);
			replay(a, b, a->pos);
			struct cs_ahead_rec *rec = &b->rec[a->pos];
			if (a->pos++ >= b->scan_end)
				scan_here(a, rec);
			a->bytes = rec->in_bytes;
			cs_time_at_record(rec->ordinal);
			return rec;
		}
		replay(a, b, (size_t)-1);
		a->bytes = b->bytes_in;
		a->replaced = b->replaced;
		if (b->end)
			a->at_end = 1;
		else
			give_back(a);
	}
	return NULL;
}

void cs_ahead_set_idle(cs_ahead *a, void (*fn)(void *ctx), void *ctx)
{
	a->idle = fn;
	a->idle_ctx = ctx;
}

void cs_ahead_set_early(cs_ahead *a, size_t size, void (*fn)(void *ctx, const struct cs_ahead_rec *rec, void *out),
			void *ctx, void (*free_ctx)(void *ctx))
{
	a->early_size = (size + 15) & ~(size_t)15;
	a->early = fn;
	a->early_ctx = ctx;
	a->early_free = free_ctx;
}

uint64_t cs_ahead_bytes(const cs_ahead *a) { return a->bytes; }
uint64_t cs_ahead_replaced(const cs_ahead *a) { return a->replaced; }

static void batch_free(struct batch *b)
{
	cs_obj_free(&b->scratch);
	free(b->member);
	free(b->rec);
	free(b->line_off);
	free(b->ev);
	free(b->early);
	for (size_t i = 0; i < b->nloan; i++)
		free(b->loan[i]);
	free(b->loan);
	cs_buf_free(&b->bytes);
	cs_buf_free(&b->event_text);
}

static void ahead_free(cs_ahead *a)
{
	cs_obj_free(&a->main_obj);
	a->filling = NULL;   /* cs_in retires its last buffer to the spares */
	cs_in_free(a->in);
	for (int i = 0; i < AHEAD_BATCHES; i++)
		batch_free(&a->batch[i]);
	for (size_t i = 0; i < a->nspare; i++)
		free(a->spare[i]);
	free(a->spare);
	if (a->produce_free)
		a->produce_free(a->produce_ctx);
	if (a->early_free)
		a->early_free(a->early_ctx);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	free(a);
}

void cs_ahead_stop(cs_ahead *a)
{
	if (!a->launched) {
		ahead_free(a);
		return;
	}
	pthread_mutex_lock(&a->mu);
	__atomic_store_n(&a->cancel, 1, __ATOMIC_RELAXED);
	pthread_cond_broadcast(&a->cv);
	/* A worker busy with input that never waits (a file) sees the cancel at
	 * its next record: wait for it, as it may be using what the caller frees
	 * next (the engine's options, in prepare or early work). */
	while (a->state == WORKER_FILLING && !a->input_waited)
		pthread_cond_wait(&a->cv, &a->mu);
	int reading = a->state == WORKER_FILLING;
	pthread_mutex_unlock(&a->mu);
	if (reading) {
		/* It may wait for input that never comes (a terminal): do not wait for it. */
		pthread_detach(a->thread);
		pthread_mutex_lock(&abandoned_mu);
		a->next_abandoned = abandoned;
		abandoned = a;
		pthread_mutex_unlock(&abandoned_mu);
		return;
	}
	pthread_join(a->thread, NULL);
	ahead_free(a);
}
