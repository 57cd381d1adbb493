/* kit_pool: a fixed pool of threads that work on one batch at a time. The
 * calling thread is worker 0 and works too; cs_pool_run() starts work(ctx,
 * w) on every worker and returns when all have returned. Workers share
 * out the batch themselves (an atomic counter in ctx), so the result must
 * not depend on which worker took what. */
#ifndef CS_POOL_H
#define CS_POOL_H

typedef struct cs_pool cs_pool;

/* Up to nthreads workers (fewer when a thread cannot be started; at least
 * the caller). thread_done, if not NULL, runs on each helper thread as it
 * ends (per-thread caches of libraries). */
cs_pool *cs_pool_new(int nthreads, void (*work)(void *ctx, int worker), void *ctx, void (*thread_done)(void));
int cs_pool_size(const cs_pool *p);
void cs_pool_run(cs_pool *p);
/* cs_pool_run in two halves, so that the caller can do something else
 * while the helpers start: cs_pool_start wakes them and returns at once;
 * cs_pool_join works as worker 0, then waits for them. */
void cs_pool_start(cs_pool *p);
void cs_pool_join(cs_pool *p);
void cs_pool_free(cs_pool *p);
/* Threads to use: n when above 0, else one a processor, at most max. */
int cs_pool_threads(int n, int max);
#endif
