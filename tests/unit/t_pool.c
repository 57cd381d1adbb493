/* t_pool: a pool of threads (lib/kit_pool.c): every item worked once by
 * cs_pool_run, and cs_pool_start's helpers at work while the caller does
 * something else before cs_pool_join. */
#include "kit_pool.h"
#include "tap.h"
#include <stdatomic.h>
#include <time.h>

#define ITEMS 10000

struct job {
	atomic_size_t next, done;
	atomic_int by_worker[4];
	unsigned char worked[ITEMS];
};

static void work(void *ctx, int w)
{
	struct job *j = ctx;
	size_t i;
	while ((i = atomic_fetch_add(&j->next, 1)) < ITEMS) {
		j->worked[i]++;
		atomic_fetch_add(&j->by_worker[w], 1);
		atomic_fetch_add(&j->done, 1);
	}
}

static void reset(struct job *j)
{
	atomic_store(&j->next, 0);
	atomic_store(&j->done, 0);
	for (int w = 0; w < 4; w++)
		atomic_store(&j->by_worker[w], 0);
	for (size_t i = 0; i < ITEMS; i++)
		j->worked[i] = 0;
}

static int each_once(const struct job *j)
{
	for (size_t i = 0; i < ITEMS; i++)
		if (j->worked[i] != 1)
			return 0;
	return 1;
}

int main(void)
{
	static struct job j;
	cs_pool *p = cs_pool_new(2, work, &j, NULL);
	reset(&j);
	cs_pool_run(p);
	ok(each_once(&j), "cs_pool_run: every item worked once");

	reset(&j);
	cs_pool_start(p);
	if (cs_pool_size(p) > 1) {
		/* the caller waits (a while at most) for a helper to begin: it
		 * works without the caller having joined */
		struct timespec pause = {0, 1000000};
		for (int tries = 0; tries < 5000 && !atomic_load(&j.done); tries++)
			nanosleep(&pause, NULL);
		ok(atomic_load(&j.done) > 0, "cs_pool_start: the helpers work before the caller joins");
	} else {
		ok(1, "# SKIP no helper thread could be started");
	}
	cs_pool_join(p);
	ok(each_once(&j), "cs_pool_join: every item worked once when it returns");
	ok(atomic_load(&j.by_worker[0]) + atomic_load(&j.by_worker[1]) == ITEMS, "by the caller and the helper");

	int complete = 1;
	for (int round = 0; round < 50 && complete; round++) {
		reset(&j);
		cs_pool_start(p);
		cs_pool_join(p);
		complete = each_once(&j);
	}
	ok(complete, "fifty rounds of start and join, each complete");
	cs_pool_free(p);
	return tap_done();
}
