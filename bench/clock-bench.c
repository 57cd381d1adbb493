/* bench/clock-bench.c: how fast the business clock answers (svc_clock), on
 * one core. Due times for ten business days (80 business hours on a calendar
 * of 8-hour days) from random starts in 2026, then elapsed business time
 * over the same spans. The calendar's weeks are worked out on the first
 * pass; the best of the timed passes is printed.
 *
 *   make build/bench/clock-bench && build/bench/clock-bench [CALENDAR [N]]
 *
 * CALENDAR defaults to share/calendars/cn-2026.json, N (calls a pass) to
 * 1000000. Prints "due/s" with the mean weeks a due spans, and "elapsed/s"
 * with the mean business time it found (80 hours, or a due is wrong). */
#include "svc_clock.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define HOUR 3600000LL
#define YEAR_2026 1767196800000LL   /* 2026-01-01T00:00:00+08:00 */
#define PASSES 5

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t next(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return *seed >> 22;
}

/* Calls a second, due or elapsed over n starts, best of PASSES; elapsed
 * adds its answers to *sum. */
static double rate(const cs_calendar *cal, const int64_t *from, int64_t *due, size_t n, int elapsed, int64_t *sum)
{
	double best = 0;
	for (int pass = 0; pass < PASSES; pass++) {
		double t0 = now();
		for (size_t i = 0; i < n; i++) {
			if (elapsed)
				*sum += cs_clock_elapsed(cal, from[i], due[i]);
			else if (cs_clock_due(cal, from[i], 80 * HOUR, &due[i]) != 0)
				due[i] = from[i];
		}
		double r = (double)n / (now() - t0);
		if (r > best)
			best = r;
	}
	return best;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "share/calendars/cn-2026.json";
	size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000000;
	cs_buf err = CS_BUF_INIT;
	cs_calendar *cal = cs_calendar_load(path, &err);
	if (!cal || !n) {
		fprintf(stderr, "clock-bench: %s\n", cal ? "N must be a positive number" : err.p);
		return 1;
	}
	int64_t *from = malloc(n * sizeof *from), *due = malloc(n * sizeof *due), sum = 0;
	uint64_t seed = 2026;
	for (size_t i = 0; i < n; i++)
		from[i] = YEAR_2026 + (int64_t)(next(&seed) % (365ULL * 24 * 3600 * 1000));
	double due_rate = rate(cal, from, due, n, 0, &sum);
	double elapsed_rate = rate(cal, from, due, n, 1, &sum);
	double weeks = 0;
	for (size_t i = 0; i < n; i++)
		weeks += (double)(due[i] - from[i]) / (7 * 24 * HOUR);
	printf("calendar  %s\n", path);
	printf("due/s     %.0f   (targets of 80 business hours, random starts in 2026, mean span %.2f weeks)\n",
	       due_rate, weeks / (double)n);
	printf("elapsed/s %.0f   (over the same spans: %.2f business hours each, as due promised)\n", elapsed_rate,
	       (double)sum / (double)n / PASSES / HOUR);
	cs_calendar_free(cal);
	cs_buf_free(&err);
	free(from);
	free(due);
	return 0;
}
