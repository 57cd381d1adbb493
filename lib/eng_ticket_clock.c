/* eng_ticket_clock: due, elapsed and sla (see eng_ticket_clock.h). */
#include "eng_ticket_clock.h"
#include "eng_ticket_sla.h"
#include "eng_ticket_slarun.h"
#include "eng_ticket_store.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_run.h"
#include "kit_time.h"
#include "svc_clock.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

static cs_calendar *load_calendar(const char *path)
{
	cs_buf err = CS_BUF_INIT;
	cs_calendar *cal = cs_calendar_load(path, &err);
	if (!cal)
		cs_die(CS_EXIT_CONFIG, "%s", err.p);
	cs_buf_free(&err);
	return cal;
}

int64_t tk_time_arg(const char *opt, const char *s, const cs_zone *zone)
{
	cs_time t;
	size_t n = strlen(s);
	if ((zone ? cs_time_parse_clock(s, n, &t) : cs_time_parse(s, n, &t)) != 0)
		cs_usage_error("--%s: '%s' is not a time (%s)", opt, s, cs_time_why(s, n));
	if (!t.naive || !zone)
		return t.ms;
	int64_t secs = t.ms / 1000 - (t.ms % 1000 < 0), frac = t.ms - secs * 1000;
	return cs_zone_instant(zone, secs) * 1000 + frac;
}

const cs_zone *tk_tz_zone(const struct cs_common *c)
{
	static cs_zone *loaded;   /* one --tz a run: kept to the end */
	if (!c->tz)
		return NULL;
	if (!loaded) {
		cs_buf err = CS_BUF_INIT;
		loaded = cs_zone_load(c->tz, &err);
		cs_buf_free(&err);
	}
	return loaded;
}

/* The zone naive times are read in: the --tz one when --tz is given. */
static const cs_zone *naive_zone(const struct cs_common *c, const cs_zone *fallback)
{
	return c->tz ? tk_tz_zone(c) : fallback;
}

static void print_line(const struct cs_common *c, const char *line)
{
	cs_out *out = cs_out_open(c->output);
	cs_out_write(out, line, strlen(line));
	cs_out_putc(out, '\n');
	cs_out_close(out);
}

int64_t tk_now_arg(const struct cs_common *c, const char *text, const sla_policies *p)
{
	return tk_time_arg("now", text, naive_zone(c, sla_policies_zone(p)));
}

sla_policies *tk_policies_load(const char *path)
{
	cs_buf err = CS_BUF_INIT;
	sla_policies *p = sla_policies_load(path, cs_share_dir(), &err);
	if (!p)
		cs_die(CS_EXIT_CONFIG, "%s", err.p);
	cs_buf_free(&err);
	return p;
}

int cs_ticket_due(const struct cs_common *c, const char *calendar, const char *from, const char *target)
{
	int64_t target_ms, due;
	if (cs_clock_duration(target, &target_ms) != 0)
		cs_usage_error("--target: '%s' is not a duration (90m, 4h, 1h30m, 2d)", target);
	cs_calendar *cal = load_calendar(calendar);
	int64_t from_ms = tk_time_arg("from", from, naive_zone(c, cs_calendar_zone(cal)));
	if (cs_clock_due(cal, from_ms, target_ms, &due) != 0)
		cs_die(CS_EXIT_DATA, "%s: %s of business time is not reached before the year 10000", calendar, target);
	char buf[SLA_TIME_MAX];
	sla_format_time(cal, due, buf);
	print_line(c, buf);
	cs_calendar_free(cal);
	return cs_exit_status();
}

int cs_ticket_elapsed(const struct cs_common *c, const char *calendar, const char *from, const char *to)
{
	cs_calendar *cal = load_calendar(calendar);
	const cs_zone *z = naive_zone(c, cs_calendar_zone(cal));
	int64_t from_ms = tk_time_arg("from", from, z), to_ms = tk_time_arg("to", to, z);
	if (to_ms < from_ms) {
		cs_calendar_free(cal);
		cs_usage_error("--to %s is before --from %s", to, from);
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)(cs_clock_elapsed(cal, from_ms, to_ms) / 1000));
	print_line(c, buf);
	cs_calendar_free(cal);
	return cs_exit_status();
}

static void print_stats(const struct cs_common *c, const struct tk_sla_counts *n)
{
	if (c->stats == CS_STATS_NONE)
		return;
	cs_stats st = {0};
	cs_stats_add(&st, "tickets", n->tickets);
	cs_stats_add(&st, "warnings", n->warnings);
	cs_stats_add(&st, "breaches", n->breaches);
	cs_stats_add(&st, "escalations", n->escalations);
	cs_stats_write(c, &st);
}

int cs_ticket_sla(const struct cs_common *c, const char *db, const char *policy, const char *now)
{
	cs_buf err = CS_BUF_INIT;
	int status;
	sla_policies *p = tk_policies_load(policy);
	int64_t now_ms = (int64_t)time(NULL) * 1000;
	if (now)
		now_ms = tk_now_arg(c, now, p);
	cs_out *out = cs_out_open(c->output);   /* first: a bad -o path leaves no store behind */
	tk_store *s = tk_store_open(db, 1, &err, &status);
	if (!s)
		cs_die(status, "%s", err.p);
	struct tk_sla_counts counts = {0};
	tk_store_begin(s);
	tk_sla_run(s, p, now_ms, out, &counts);
	/* The alerts are written and in place before they are kept as raised:
	 * a write error keeps none, and the next run raises them again. */
	cs_out_close(out);
	tk_store_commit(s);
	tk_store_close(s);
	sla_policies_free(p);
	cs_buf_free(&err);
	print_stats(c, &counts);
	return cs_exit_status();
}
