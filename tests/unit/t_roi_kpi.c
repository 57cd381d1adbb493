/* t_roi_kpi: what cs-roi kpi and trend (eng_roi_kpi.c) cost, counted as the
 * work they report (cs_roi_kpi_work), never timed: it must follow the
 * input's size, however the input is spread over groups. */
#include "eng_roi_kpi.h"
#include "fixture.h"
#include "run_fixture.h"
#include "kit_time.h"
#include "tap.h"
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The run happens in a child process: its work comes back in this file. */
#define WORK_FILE "work.txt"

static void *make_kpi(const struct cs_common *c, const void *opts, struct cs_engine *e)
{
	int status;
	return cs_roi_kpi_new(c, opts, e, &status);
}

static void done_kpi(void *state)
{
	struct cs_roi_kpi_work w = cs_roi_kpi_work(state);
	FILE *f = fopen(WORK_FILE, "w");
	if (f) {
		fprintf(f, "%" PRIu64 " %" PRIu64 "\n", w.weeks, w.contacts);
		fclose(f);
	}
	cs_roi_kpi_free(state);
}

static size_t count_lines(const char *name)
{
	size_t n, lines = 0;
	char *text = read_all(name, &n);
	for (size_t i = 0; i < n; i++)
		lines += text[i] == '\n';
	free(text);
	return lines;
}

/* Run the engine over in; its work into *w, and the lines it wrote. */
static size_t run_kpi(const struct cs_roi_kpi_opts *o, const char *in, struct cs_roi_kpi_work *w)
{
	remove(WORK_FILE);
	int status = fixture_run("t_roi_kpi", make_kpi, done_kpi, o, "out.ndjson", in);
	*w = (struct cs_roi_kpi_work){0};
	FILE *f = fopen(WORK_FILE, "r");
	if (status != 0 || !f || fscanf(f, "%" SCNu64 " %" SCNu64, &w->weeks, &w->contacts) != 2)
		printf("# the run ended with status %d and no work reported\n", status);
	if (f)
		fclose(f);
	return count_lines("out.ndjson");
}

/* The sum of a count over the records written. */
static long long sum_count(const char *name)
{
	size_t n;
	char *text = read_all("out.ndjson", &n), key[64];
	long long sum = 0;
	int len = snprintf(key, sizeof key, "\"%s\":", name);
	for (const char *at = strstr(text, key); at; at = strstr(at + len, key))
		sum += strtoll(at + len, NULL, 10);
	free(text);
	return sum;
}

/* n conversations of customer "guest", every gap_s seconds from 2 March
 * 2026, on issue "late" or, for odd ones when two issues, "refund"; every
 * late_every-th (0: none) is written late_s seconds early. */
static void write_contacts(const char *name, int n, int gap_s, int issues, int late_every, int late_s)
{
	cs_buf b = CS_BUF_INIT;
	for (int i = 0; i < n; i++) {
		char ts[40];
		int64_t ms = 1772409600000LL + (int64_t)i * gap_s * 1000;
		if (late_every && i % late_every == late_every - 1)
			ms -= (int64_t)late_s * 1000;
		cs_time_format((cs_time){.ms = ms}, ts);
		cs_buf_printf(&b,
			      "{\"kind\":\"conversation\",\"id\":\"c%d\",\"channel\":\"chat\",\"customer\":{\"id\":"
			      "\"guest\"},\"route\":{\"intent\":\"%s\"},\"started\":\"%s\",\"messages\":[{\"role\":"
			      "\"customer\",\"ts\":\"%s\",\"text\":\"my order is late\"},{\"role\":\"agent\",\"ts\":\"%s\","
			      "\"text\":\"checking\"}]}\n",
			      i, issues == 2 && i % 2 ? "refund" : "late", ts, ts, ts);
	}
	write_file(name, b.p, b.len);
	cs_buf_free(&b);
}

/* FCR compared each contact with every contact the customer had in the
 * repeat window, and forgot old ones and counted open windows by scanning
 * them all again: 20,000 contacts of one customer cost hundreds of millions
 * of contacts looked at, where 20,000 customers cost 20,000. */
static void test_fcr_one_customer(void)
{
	struct cs_roi_kpi_opts o;
	cs_roi_kpi_opts_init(&o);
	struct cs_roi_kpi_work w;
	write_contacts("one.ndjson", 20000, 5, 1, 0, 0);
	run_kpi(&o, "one.ndjson", &w);
	ok(w.contacts > 0 && w.contacts <= 200 * 20000ULL,
	   "20,000 contacts of one customer in 28 hours: %" PRIu64 " looked at, 200 a contact at most", w.contacts);
	is_int(sum_count("fcr_eligible"), 20000, "... each counts for FCR");
	is_int(sum_count("fcr_resolved"), 1, "... each but the last is repeated by the next");
	is_int(sum_count("fcr_window_open"), 1, "... whose repeat window is still open");

	o.repeat_window_ms = 6 * 3600000LL;
	write_contacts("two.ndjson", 20000, 60, 2, 10, 1800);
	run_kpi(&o, "two.ndjson", &w);
	ok(w.contacts > 0 && w.contacts <= 200 * 20000ULL,
	   "20,000 over 14 days on two issues, a tenth 30 minutes late, a 6-hour repeat window: %" PRIu64
	   " looked at, 200 a contact at most", w.contacts);
	is_int(sum_count("fcr_resolved"), 2, "... the last on each issue is resolved");
}

/* One daily record per group and day, for three weeks from Monday 5 January 2026. */
static void write_days(const char *name, int groups, int days)
{
	cs_buf b = CS_BUF_INIT;
	for (int d = 0; d < days; d++)
		for (int g = 0; g < groups; g++)
			cs_buf_printf(&b,
				      "{\"kind\":\"metrics\",\"type\":\"roi.kpi\",\"window\":{\"from\":\"2026-01-%02dT00:00:00Z\","
				      "\"to\":\"2026-01-%02dT00:00:00Z\"},\"group\":{\"agent\":\"agent%d\"},\"counts\":{"
				      "\"contacts\":%d,\"handled\":10,\"answered\":10,\"queued\":10,\"fcr_eligible\":10,"
				      "\"fcr_resolved\":8},\"sums\":{\"handle_ms\":3000000,\"wait_ms\":200000}}\n",
				      5 + d, 6 + d, g, 10 + (g + d) % 7);
	write_file(name, b.p, b.len);
	cs_buf_free(&b);
}

/* trend compared each group's weeks by scanning every group's weeks, twice
 * for each group and KPI: 1,000 groups cost millions of weeks looked at. */
static void test_trend_groups(void)
{
	struct cs_roi_kpi_opts o;
	cs_roi_kpi_opts_init(&o);
	o.merge = o.trend = 1;
	struct cs_roi_kpi_work w;
	write_days("days.ndjson", 1000, 21);
	size_t records = run_kpi(&o, "days.ndjson", &w);
	ok(records >= 1000, "1,000 groups over three weeks: %zu trend records", records);
	ok(w.weeks > 0 && w.weeks <= 10 * records, "%" PRIu64 " weeks looked at, 10 a trend record at most", w.weeks);
}

int main(void)
{
	fixture_enter("t_roi_kpi");
	test_trend_groups();
	test_fcr_one_customer();
	fixture_leave();
	return tap_done();
}
