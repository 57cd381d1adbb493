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
	cs_buf_reset(&err);
	ok(cs_window_parse("7m", &w, &err) == -1 && strstr(err.p, "divide a day"), "7m does not divide a day");
	cs_buf_reset(&err);
	ok(cs_window_parse("year", &w, &err) == -1, "year is not a window");
	cs_zone_free(ny);
	cs_zone_free(sh);
	cs_buf_free(&err);
	return tap_done();
}
