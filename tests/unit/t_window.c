/* t_window: reporting windows on a zone's clock (svc_window.c): days across
 * daylight-saving changes, ISO weeks across a year's end, months, intervals,
 * and the labels, against dates worked out by hand. */
#include "svc_window.h"
#include "kit_time.h"
#include "tap.h"
#include <string.h>

static int64_t at(const char *s)
{
	cs_time t;
	return cs_time_parse(s, strlen(s), &t) == 0 ? t.ms : -1;
}

static int window_is(const cs_window_spec *w, const char *t, const char *from, const char *to, const char *label)
{
	int64_t f, e;
	char got[24];
	cs_window_of(w, at(t), &f, &e);
	cs_window_label(w, f, got);
	if (f == at(from) && e == at(to) && strcmp(got, label) == 0)
		return 1;
	printf("#   %s: got %lld-%lld %s\n", t, (long long)f, (long long)e, got);
	return 0;
}

/* Every 5 minutes of the three days around day: the instant lies in its
 * window, which starts on the grid of the local clock, and a new window
 * starts where the one before ended (they neither overlap nor leave gaps). */
static int windows_tile(cs_window_spec *w, const char *size, const char *day)
{
	cs_buf err = CS_BUF_INIT;
	cs_window_parse(size, w, &err);
	cs_buf_free(&err);
	int64_t t = at(day) - 86400000, end = t + 3 * 86400000, from, to, last_from = INT64_MIN, last_to = INT64_MIN;
	for (; t < end; t += 300000) {
		cs_window_of(w, t, &from, &to);
		int64_t local = from / 1000 + cs_zone_offset(w->zone, from / 1000);
		int follows = from == last_from ? to == last_to : last_to == INT64_MIN || from == last_to;
		if (from > t || to <= t || !follows || local % (w->minutes * 60) != 0) {
			printf("#   %s at %lld: %lld-%lld after %lld-%lld\n", size, (long long)t, (long long)from,
			       (long long)to, (long long)last_from, (long long)last_to);
			return 0;
		}
		last_from = from;
		last_to = to;
	}
	return 1;
}

/* Intervals in New York across the changes of 2026 (clocks forward at
 * 2026-03-08T07:00Z, back at 2026-11-01T06:00Z), each case "size instant
 * from to label". */
static int changes_by_hand(cs_window_spec *w)
{
	static const char *const cases[] = {
		/* the hour shown twice is two hours, each labelled with its offset */
		"1h 2026-11-01T05:30:00Z 2026-11-01T05:00:00Z 2026-11-01T06:00:00Z 2026-11-01T01:00-04:00",
		"1h 2026-11-01T06:30:00Z 2026-11-01T06:00:00Z 2026-11-01T07:00:00Z 2026-11-01T01:00-05:00",
		/* 00:00 to 02:00 local: three hours long, one window */
		"2h 2026-11-01T05:30:00Z 2026-11-01T04:00:00Z 2026-11-01T07:00:00Z 2026-11-01T00:00",
		"2h 2026-11-01T06:10:00Z 2026-11-01T04:00:00Z 2026-11-01T07:00:00Z 2026-11-01T00:00",
		/* 00:00 to 04:00 local: 02:00 is never shown */
		"2h 2026-03-08T06:30:00Z 2026-03-08T05:00:00Z 2026-03-08T08:00:00Z 2026-03-08T00:00",
		/* on the grid, no overlap: 01:30 EDT lasts until 01:30 EST */
		"45m 2026-11-01T05:40:00Z 2026-11-01T05:30:00Z 2026-11-01T06:30:00Z 2026-11-01T01:30-04:00",
		"45m 2026-11-01T06:10:00Z 2026-11-01T05:30:00Z 2026-11-01T06:30:00Z 2026-11-01T01:30-04:00",
		"45m 2026-11-01T06:40:00Z 2026-11-01T06:30:00Z 2026-11-01T07:15:00Z 2026-11-01T01:30-05:00",
		/* 01:30 ends at the change, 03:00 is on the grid */
		"45m 2026-03-08T06:40:00Z 2026-03-08T06:30:00Z 2026-03-08T07:00:00Z 2026-03-08T01:30",
		"45m 2026-03-08T07:10:00Z 2026-03-08T07:00:00Z 2026-03-08T07:45:00Z 2026-03-08T03:00",
		"90m 2026-03-08T06:40:00Z 2026-03-08T06:30:00Z 2026-03-08T07:00:00Z 2026-03-08T01:30",
		"90m 2026-03-08T07:10:00Z 2026-03-08T07:00:00Z 2026-03-08T08:30:00Z 2026-03-08T03:00",
	};
	int all = 1;
	cs_buf err = CS_BUF_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char size[8], t[24], from[24], to[24], label[24];
		all &= sscanf(cases[i], "%7s %23s %23s %23s %23s", size, t, from, to, label) == 5 &&
		       cs_window_parse(size, w, &err) == 0 && window_is(w, t, from, to, label);
	}
	cs_buf_free(&err);
	return all;
}

int main(void)
{
	cs_buf err = CS_BUF_INIT;
	cs_window_spec w = {0};
	cs_zone *ny = cs_zone_load("America/New_York", &err), *sh = cs_zone_load("Asia/Shanghai", &err);
	ok(ny && sh, "the zones load");
	ok(cs_window_parse("day", &w, &err) == 0, "day parses");
	ok(window_is(&w, "2026-03-02T23:59:59Z", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "2026-03-02"),
	   "a UTC day");
	w.zone = ny;
	ok(window_is(&w, "2026-03-08T12:00:00Z", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", "2026-03-08"),
	   "New York's spring-forward day is 23 hours");
	ok(window_is(&w, "2026-11-01T12:00:00Z", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", "2026-11-01"),
	   "its fall-back day is 25 hours");
	ok(window_is(&w, "2026-03-03T03:00:00Z", "2026-03-02T05:00:00Z", "2026-03-03T05:00:00Z", "2026-03-02"),
	   "03:00Z is still the day before in New York");
	ok(cs_window_parse("week", &w, &err) == 0, "week parses");
	w.zone = sh;
	ok(window_is(&w, "2026-03-04T10:00:00Z", "2026-03-01T16:00:00Z", "2026-03-08T16:00:00Z", "2026-W10"),
	   "a Shanghai week from Monday 00:00 local");
	w.zone = NULL;
	ok(window_is(&w, "2027-01-01T10:00:00Z", "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z", "2026-W53"),
	   "2027-01-01 is in ISO week 53 of 2026");
	ok(window_is(&w, "2025-12-31T10:00:00Z", "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z", "2026-W01"),
	   "2025-12-31 is in ISO week 1 of 2026");
	ok(cs_window_parse("month", &w, &err) == 0, "month parses");
	ok(window_is(&w, "2028-02-29T10:00:00Z", "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z", "2028-02"),
	   "a leap February");
	ok(window_is(&w, "2026-12-31T23:00:00Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-12"),
	   "December ends the year");
	ok(cs_window_parse("15m", &w, &err) == 0 && w.minutes == 15, "15m parses");
	w.zone = sh;
	ok(window_is(&w, "2026-03-02T01:07:00Z", "2026-03-02T01:00:00Z", "2026-03-02T01:15:00Z", "2026-03-02T09:00"),
	   "a quarter hour, labelled on the local clock");
	ok(cs_window_parse("1h", &w, &err) == 0 && w.minutes == 60, "1h parses");
	w.zone = ny;
	ok(changes_by_hand(&w), "intervals across New York's clock changes, as worked out by hand");
	const char *const sizes[] = {"15m", "30m", "45m", "1h", "90m", "2h", "3h", "8h"};
	cs_zone *lord_howe = cs_zone_load("Australia/Lord_Howe", &err);   /* changes by half an hour */
	int tiled = lord_howe != NULL;
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		w.zone = ny;
		tiled &= windows_tile(&w, sizes[i], "2026-03-08T12:00:00Z") &&
			 windows_tile(&w, sizes[i], "2026-11-01T12:00:00Z");
		w.zone = lord_howe;
		tiled &= windows_tile(&w, sizes[i], "2026-04-04T12:00:00Z") &&
			 windows_tile(&w, sizes[i], "2026-10-03T12:00:00Z");
	}
	ok(tiled, "intervals tile the days of clock changes in New York and Lord Howe");
	cs_zone_free(lord_howe);
	w.zone = sh;
	cs_window_parse("90m", &w, &err);
	ok(window_is(&w, "2026-03-02T01:07:00Z", "2026-03-02T01:00:00Z", "2026-03-02T02:30:00Z", "2026-03-02T09:00"),
	   "90 minutes without a change");
	cs_buf_reset(&err);
	ok(cs_window_parse("7m", &w, &err) == -1 && strstr(err.p, "divide a day"), "7m does not divide a day");
	cs_buf_reset(&err);
	ok(cs_window_parse("year", &w, &err) == -1, "year is not a window");
	cs_zone_free(ny);
	cs_zone_free(sh);
	cs_buf_free(&err);
	return tap_done();
}
