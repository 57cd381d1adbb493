/* svc_window: reporting windows on a zone's clock (see the header). */
#include "svc_window.h"
#include "kit_time.h"
#include <stdio.h>
#include <string.h>

#define DAY_S 86400

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int cs_window_parse(const char *text, cs_window_spec *w, cs_buf *err)
{
	w->minutes = 0;
	if (strcmp(text, "day") == 0 || strcmp(text, "week") == 0 || strcmp(text, "month") == 0) {
		w->kind = text[0] == 'd' ? CS_WINDOW_DAY : text[0] == 'w' ? CS_WINDOW_WEEK : CS_WINDOW_MONTH;
		return 0;
	}
	int64_t ms;
	if (cs_duration_parse(text, &ms) != 0 || ms <= 0 || ms % 60000 != 0 || (DAY_S * 1000LL) % ms != 0) {
		cs_buf_printf(err, "'%s' is not day, week, month or whole minutes that divide a day (15m, 30m, 1h)", text);
		return -1;
	}
	w->kind = CS_WINDOW_MINUTES;
	w->minutes = (int)(ms / 60000);
	return 0;
}

static int64_t offset_s(const cs_window_spec *w, int64_t t_s)
{
	return w->zone ? cs_zone_offset(w->zone, t_s) : 0;
}

static int64_t instant_ms(const cs_window_spec *w, int64_t local_s)
{
	return (w->zone ? cs_zone_instant(w->zone, local_s) : local_s) * 1000;
}

/* The local day number (days since 1970-01-01 on the zone's clock) of t. */
static int64_t local_day(const cs_window_spec *w, int64_t t_ms, int64_t *local_s)
{
	int64_t t_s = floor_div(t_ms, 1000);
	*local_s = t_s + offset_s(w, t_s);
	return floor_div(*local_s, DAY_S);
}

static int64_t first_day(const cs_window_spec *w, int64_t day, int64_t *next)
{
	if (w->kind == CS_WINDOW_WEEK) {
		int64_t monday = day - ((day + 3) % 7 + 7) % 7;   /* 1970-01-01 was a Thursday */
		*next = monday + 7;
		return monday;
	}
	if (w->kind == CS_WINDOW_MONTH) {
		int64_t y;
		int m, d;
		cs_civil_from_days(day, &y, &m, &d);
		*next = m == 12 ? cs_days_from_civil(y + 1, 1, 1) : cs_days_from_civil(y, m + 1, 1);
		return cs_days_from_civil(y, m, 1);
	}
	*next = day + 1;
	return day;
}

/* The first instant in (lo, hi] from which the offset is hi's, given that
 * lo's differs: the clock change between them. */
static int64_t change_between(const cs_window_spec *w, int64_t lo, int64_t hi)
{
	int64_t off = offset_s(w, hi);
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (offset_s(w, mid) == off)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* Interval boundaries are the instants at which the clock shows a multiple
 * of size: the latest at or before t_s. Across a clock change the grid time
 * reached with t's offset may never have been shown, so look again before
 * the change. */
static int64_t boundary_at_or_before(const cs_window_spec *w, int64_t t_s, int64_t size)
{
	for (;;) {
		int64_t local = t_s + offset_s(w, t_s);
		int64_t b = t_s - (local - floor_div(local, size) * size);
		if (offset_s(w, b) == offset_s(w, t_s))
			return b;
		t_s = change_between(w, b, t_s) - 1;
	}
}

/* The earliest boundary after t_s; a change before the next grid time
 * moves the clock, so look again from the change. */
static int64_t boundary_after(const cs_window_spec *w, int64_t t_s, int64_t size)
{
	for (;;) {
		int64_t local = t_s + offset_s(w, t_s);
		int64_t e = t_s + (floor_div(local, size) + 1) * size - local;
		if (offset_s(w, e) == offset_s(w, t_s))
			return e;
		int64_t change = change_between(w, t_s, e);
		int64_t changed_local = change + offset_s(w, change);
		if (changed_local == floor_div(changed_local, size) * size)
			return change;
		t_s = change;
	}
}

void cs_window_of(const cs_window_spec *w, int64_t t, int64_t *from, int64_t *to)
{
	if (w->kind == CS_WINDOW_MINUTES) {
		int64_t size = (int64_t)w->minutes * 60, t_s = floor_div(t, 1000);
		*from = boundary_at_or_before(w, t_s, size) * 1000;
		*to = boundary_after(w, t_s, size) * 1000;
		return;
	}
	int64_t local_s;
	int64_t day = local_day(w, t, &local_s);
	int64_t next;
	int64_t first = first_day(w, day, &next);
	*from = instant_ms(w, first * DAY_S);
	*to = instant_ms(w, next * DAY_S);
}

/* Is the label local shown at an instant other than s, before or after
 * the nearest clock change within two days of s on that side? */
static int shown_across_change(const cs_window_spec *w, int64_t s, int64_t local, int64_t other)
{
	int64_t off = offset_s(w, s);
	if (offset_s(w, other) == off)
		return 0;
	int64_t change = other < s ? change_between(w, other, s) - 1 : change_between(w, s, other);
	int64_t changed_off = offset_s(w, change);
	int64_t t = local - changed_off;
	return t != s && offset_s(w, t) == changed_off;
}

/* Does the local clock at instant t (ms) show the same time at another
 * instant, as in the time repeated when clocks go back (by an hour, half an
 * hour or two)? */
static int clock_repeats(const cs_window_spec *w, int64_t t)
{
	int64_t s = floor_div(t, 1000), local = s + offset_s(w, s);
	return shown_across_change(w, s, local, s - 2 * DAY_S) || shown_across_change(w, s, local, s + 2 * DAY_S);
}

/* "+08:00" or "-05:00" after the label in out (24 bytes). */
static void add_offset(char *out, int64_t off_s)
{
	size_t n = strlen(out);
	int64_t a = off_s < 0 ? -off_s : off_s;
	snprintf(out + n, 24 - n, "%c%02d:%02d", off_s < 0 ? '-' : '+', (int)(a / 3600), (int)(a / 60 % 60));
}

void cs_window_label(const cs_window_spec *w, int64_t from, char *out)
{
	int64_t local_s;
	int64_t day = local_day(w, from, &local_s);
	int64_t y;
	int m, d;
	cs_civil_from_days(day, &y, &m, &d);
	if (w->kind == CS_WINDOW_MONTH) {
		snprintf(out, 24, "%04d-%02d", (int)(y % 100000), m);
	} else if (w->kind == CS_WINDOW_WEEK) {
		int64_t thursday = day + 3, ty;
		int tm, td;
		cs_civil_from_days(thursday, &ty, &tm, &td);
		int week = (int)((thursday - cs_days_from_civil(ty, 1, 1)) / 7 + 1);
		snprintf(out, 24, "%04d-W%02d", (int)(ty % 100000), week);
	} else if (w->kind == CS_WINDOW_MINUTES) {
		int64_t in_day = local_s - day * DAY_S;
		snprintf(out, 24, "%04d-%02d-%02dT%02d:%02d", (int)(y % 100000), m, d, (int)(in_day / 3600),
			 (int)(in_day / 60 % 60));
		if (clock_repeats(w, from))
			add_offset(out, offset_s(w, floor_div(from, 1000)));
	} else {
		snprintf(out, 24, "%04d-%02d-%02d", (int)(y % 100000), m, d);
	}
}
