/* run_fixture.h: run an engine whole, as its program would with
 * `-o OUT IN`, in a child process (a bad file may end the run with exit),
 * for unit tests. Messages go where the test's stderr goes (fixture.h). */
#ifndef RUN_FIXTURE_H
#define RUN_FIXTURE_H
#include "kit_opt.h"
#include "kit_run.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Build the engine into *e from opts; returns the state done() frees. */
typedef void *(*fixture_make_fn)(const struct cs_common *c, const void *opts, struct cs_engine *e);

static int fixture_no_handle(int key, const char *arg, void *ctx)
{
	(void)key;
	(void)arg;
	(void)ctx;
	return 0;
}

/* The run's exit status (128 + signal when it was killed). */
static inline int fixture_run(const char *prog_name, fixture_make_fn make, void (*done)(void *), const void *opts,
			      const char *out, const char *in)
{
	static const struct cs_opt no_opts[] = {{0}};
	const struct cs_prog_def prog = {prog_name, "test", "file ...", no_opts, NULL, NULL, NULL};
	char *argv[] = {(char *)prog_name, "-o", (char *)out, (char *)in, NULL};
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		struct cs_common c;
		struct cs_engine e;
		optind = 0;
		int first = cs_opt_parse(&prog, 4, argv, &c, fixture_no_handle, NULL);
		void *state = make(&c, opts, &e);
		int status = cs_run_main(&c, &e, argv + first, 4 - first);
		done(state);
		fflush(stderr);
		exit(status);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
#endif
