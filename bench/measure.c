/* measure: time a shell command line.
 *
 *   measure [-n RUNS] [-v] [-r 'REFERENCE'] 'COMMAND'
 *
 * Runs /bin/sh -c COMMAND RUNS times (default 5), one after the other, with
 * stdin and stdout on /dev/null (the command may redirect them itself) and
 * stderr inherited. Prints one line:
 *
 *   MEDIAN_SECONDS PEAK_KIB
 *
 * the median wall-clock time (CLOCK_MONOTONIC) and the largest resident set
 * seen in any run. wait4() on the shell reports the maximum over the shell
 * and every descendant it waited for, so a pipeline's figure is that of its
 * largest process. -v prints each run to stderr. A run that does not exit with
 * status 0 ends the series: the line is printed for the runs so far and
 * measure exits 1. Exit 2 is a usage error.
 *
 * With -r, REFERENCE runs just before each run of COMMAND, and the line gets
 * a third field: the median over the pairs of REFERENCE's time over
 * COMMAND's, COMMAND's speed as a fraction of REFERENCE's. A shared machine
 * slows down and speeds up over minutes; runs side by side see the same
 * machine, where two series taken a minute apart need not. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 1000

struct run {
	double seconds;
	long peak_kib;
	int status; /* as from wait4 */
};

static double monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static _Noreturn void usage(void)
{
	fputs("usage: measure [-n RUNS] [-v] [-r 'REFERENCE'] 'COMMAND'\n", stderr);
	exit(2);
}

/* In the child: stdin and stdout on /dev/null, then the shell. */
static _Noreturn void exec_shell(const char *command)
{
	int null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, STDIN_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0) {
		perror("measure: /dev/null");
		_exit(127);
	}
	if (null > STDOUT_FILENO)
		close(null);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	perror("measure: /bin/sh");
	_exit(127);
}

static int run_once(const char *command, struct run *r)
{
	double start = monotonic_seconds();
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return -1;
	}
	if (pid == 0)
		exec_shell(command);

	struct rusage usage;
	pid_t got;
	do
		got = wait4(pid, &r->status, 0, &usage);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		perror("measure: wait4");
		return -1;
	}
	r->seconds = monotonic_seconds() - start;
	r->peak_kib = usage.ru_maxrss; /* kilobytes on Linux */
	return 0;
}

static int by_seconds(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *values, int n)
{
	qsort(values, (size_t)n, sizeof values[0], by_seconds);
	return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* what: "" for COMMAND, "the reference's " for REFERENCE */
static void report_failure(const char *what, int index, int status)
{
	if (WIFEXITED(status))
		fprintf(stderr, "measure: %srun %d: exit status %d\n", what, index, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		fprintf(stderr, "measure: %srun %d: killed by signal %d\n", what, index, WTERMSIG(status));
}

int main(int argc, char **argv)
{
	int runs = 5, verbose = 0, opt;
	const char *reference = NULL;
	while ((opt = getopt(argc, argv, "n:r:v")) != -1) {
		if (opt == 'n') {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > MAX_RUNS)
				usage();
			runs = (int)n;
		} else if (opt == 'r') {
			reference = optarg;
		} else if (opt == 'v') {
			verbose = 1;
		} else {
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	const char *command = argv[optind];

	static double seconds[MAX_RUNS], ratios[MAX_RUNS];
	long peak_kib = 0;
	int done = 0, failed = 0;
	while (done < runs && !failed) {
		int i = done;
		struct run r, ref;
		if (reference && run_once(reference, &ref) < 0)
			return 1;
		if (reference && (!WIFEXITED(ref.status) || WEXITSTATUS(ref.status) != 0)) {
			report_failure("the reference's ", i + 1, ref.status);
			failed = 1;
			break;
		}
		if (run_once(command, &r) < 0)
			return 1;
		if (reference)
			ratios[done] = r.seconds > 0 ? ref.seconds / r.seconds : 0;
		if (verbose)
			fprintf(stderr, "measure: run %d: %.6f s, %ld KiB\n", i + 1, r.seconds, r.peak_kib);
		if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
			report_failure("", i + 1, r.status);
			failed = 1;
		}
		seconds[done++] = r.seconds;
		if (r.peak_kib > peak_kib)
			peak_kib = r.peak_kib;
	}
	if (!done)
		return 1;
	if (reference)
		printf("%.6f %ld %.4f\n", median(seconds, done), peak_kib, median(ratios, done));
	else
		printf("%.6f %ld\n", median(seconds, done), peak_kib);
	return failed || fflush(stdout) != 0;
}
