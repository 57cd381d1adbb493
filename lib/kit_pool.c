/* kit_pool: a fixed pool of threads for batches (see kit_pool.h). */
#include "kit_pool.h"
#include "kit_mem.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define POOL_MAX 64

struct cs_pool {
	void (*work)(void *ctx, int worker);
	void *ctx;
	void (*thread_done)(void);
	int nworkers;
	pthread_t threads[POOL_MAX];
	pthread_mutex_t mu;
	pthread_cond_t go, done;
	uint64_t generation;
	int busy, quit;
};

struct start {
	cs_pool *p;
	int w;
};

static void *pool_thread(void *arg)
{
	struct start *self = arg;
	cs_pool *p = self->p;
	int w = self->w;
	free(arg);
	uint64_t seen = 0;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->generation == seen && !p->quit)
			pthread_cond_wait(&p->go, &p->mu);
		if (p->quit)
			break;
		seen = p->generation;
		pthread_mutex_unlock(&p->mu);
		p->work(p->ctx, w);
		pthread_mutex_lock(&p->mu);
		if (--p->busy == 0)
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	if (p->thread_done)
		p->thread_done();
	return NULL;
}

cs_pool *cs_pool_new(int nthreads, void (*work)(void *ctx, int worker), void *ctx, void (*thread_done)(void))
{
	cs_pool *p = cs_calloc(1, sizeof *p);
	p->work = work;
	p->ctx = ctx;
	p->thread_done = thread_done;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->done, NULL);
	int want = nthreads < 1 ? 1 : nthreads > POOL_MAX ? POOL_MAX : nthreads;
	p->nworkers = 1;
	for (int w = 1; w < want; w++) {
		struct start *arg = cs_malloc(sizeof *arg);
		*arg = (struct start){p, w};
		if (pthread_create(&p->threads[w], NULL, pool_thread, arg) != 0) {
			free(arg);
			break;   /* go on with the threads there are */
		}
		p->nworkers = w + 1;
	}
	return p;
}

int cs_pool_size(const cs_pool *p) { return p->nworkers; }

void cs_pool_start(cs_pool *p)
{
	pthread_mutex_lock(&p->mu);
	p->busy = p->nworkers - 1;
	p->generation++;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->mu);
}

void cs_pool_join(cs_pool *p)
{
	p->work(p->ctx, 0);
	pthread_mutex_lock(&p->mu);
	while (p->busy > 0)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
}

void cs_pool_run(cs_pool *p)
{
	cs_pool_start(p);
	cs_pool_join(p);
}

void cs_pool_free(cs_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = 1;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->mu);
	for (int w = 1; w < p->nworkers; w++)
		pthread_join(p->threads[w], NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->go);
	pthread_cond_destroy(&p->done);
	free(p);
}

int cs_pool_threads(int n, int max)
{
	long t = n > 0 ? n : sysconf(_SC_NPROCESSORS_ONLN);
	return t < 1 ? 1 : t > max ? max : (int)t;
}
