/* t_clock: the business clock (svc_clock.c, svc_clock_load.c) and the
 * zones under it (svc_zone.c): calendars read and refused, due and elapsed
 * by hand-computed cases, and against a minute-by-minute reference. Every
 * expected value is worked out in the comment beside it; times are written
 * with their offset so that the local clock can be read off them. */
#include "kit_time.h"
#include "svc_clock.h"
#include "svc_zone.h"
#include "tap.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define MIN 60000LL
#define HOUR 3600000LL

/* A call that must fail, with err saying want. */
#define refused(call, want, ...) do { int r_ = !(call); ok(r_ && strstr(err->p ? err->p : "", want), __VA_ARGS__); } while (0)

static int64_t at(const char *s)
{
	cs_time t;
	if (cs_time_parse(s, strlen(s), &t) != 0) {
		printf("# not a time: %s\n", s);
		return 0;
	}
	return t.ms;
}

static const char *text_of(int64_t ms, char buf[40])
{
	cs_time_format((cs_time){ms, 0, 0}, buf);
	return buf;
}

static cs_calendar *calendar(const char *json, cs_buf *err)
{
	cs_buf_reset(err);
	return cs_calendar_parse("cal.json", json, strlen(json), err);
}

/* due(from, target) is want (all RFC 3339). */
static void due_is(const cs_calendar *cal, const char *from, int64_t target, const char *want, const char *what)
{
	int64_t due = 0;
	char got[40], wanted[40];
	int r = cs_clock_due(cal, at(from), target, &due);
	is_str(r == 0 ? text_of(due, got) : "(none)", text_of(at(want), wanted), "due: %s", what);
}

static void elapsed_is(const cs_calendar *cal, const char *from, const char *to, int64_t want, const char *what)
{
	is_int(cs_clock_elapsed(cal, at(from), at(to)), want, "elapsed: %s", what);
}

/* Shanghai (UTC+8, no DST), split shifts Monday to Friday; the holidays
 * and workdays of the example. 2026-10-01 is a Thursday. */
static const char split_json[] =
	"{\"timezone\":\"Asia/Shanghai\",\"hours\":{"
	"\"mon\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]],\"tue\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]],"
	"\"wed\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]],\"thu\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]],"
	"\"fri\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]],\"sat\":[],\"sun\":[]},"
	"\"holidays\":[\"2026-10-01\",[\"2026-10-02\",\"2026-10-07\"],{\"date\":\"2026-12-24\",\"hours\":[[\"09:00\",\"12:00\"]]}],"
	"\"workdays\":[\"2026-10-10\",{\"date\":\"2026-10-11\",\"hours\":[[\"10:00\",\"16:00\"]]}]}";

static void split_shifts(const cs_calendar *cal)
{
	/* Mon 2026-03-02 11:00 + 2h: 11-12 is 1h, lunch, 13-14 the other. */
	due_is(cal, "2026-03-02T11:00:00+08:00", 2 * HOUR, "2026-03-02T14:00:00+08:00", "a target across lunch");
	/* 09:00 + 3h ends with the morning frame: due 12:00, not 13:00. */
	due_is(cal, "2026-03-02T09:00:00+08:00", 3 * HOUR, "2026-03-02T12:00:00+08:00", "ends exactly at a frame's end");
	due_is(cal, "2026-03-02T17:00:00+08:00", 1 * HOUR, "2026-03-02T18:00:00+08:00", "ends exactly at the day's end");
	/* 09:00 + 3h01m: the last minute at 13:00-13:01. */
	due_is(cal, "2026-03-02T09:00:00+08:00", 3 * HOUR + MIN, "2026-03-02T13:01:00+08:00", "a minute past a frame");
	due_is(cal, "2026-03-07T10:00:00+08:00", 0, "2026-03-07T10:00:00+08:00", "a zero target on a closed Saturday");
	due_is(cal, "2026-03-02T10:00:00+08:00", 0, "2026-03-02T10:00:00+08:00", "a zero target in hours");
	/* Sat 10:00 is closed: the clock starts Mon 2026-03-09 09:00; +1h. */
	due_is(cal, "2026-03-07T10:00:00+08:00", HOUR, "2026-03-09T10:00:00+08:00", "from a closed weekend");
	due_is(cal, "2026-03-02T12:30:00+08:00", 30 * MIN, "2026-03-02T13:30:00+08:00", "from inside lunch");
	/* Fri 2026-03-06 17:30 + 1h: 30m on Friday, 30m on Monday. */
	due_is(cal, "2026-03-06T17:30:00+08:00", HOUR, "2026-03-09T09:30:00+08:00", "over a weekend");
	/* 40h is one week: from Mon 09:00 it ends Fri 18:00, not the next Mon. */
	due_is(cal, "2026-03-02T09:00:00+08:00", 40 * HOUR, "2026-03-06T18:00:00+08:00", "a whole week ends on Friday");
	due_is(cal, "2026-03-02T09:00:00.250+08:00", 1, "2026-03-02T09:00:00.251+08:00", "milliseconds count");
	elapsed_is(cal, "2026-03-02T11:00:00+08:00", "2026-03-02T14:00:00+08:00", 2 * HOUR, "across lunch");
	elapsed_is(cal, "2026-03-02T11:00:00+08:00", "2026-03-02T11:00:00+08:00", 0, "from == to");
	elapsed_is(cal, "2026-03-02T14:00:00+08:00", "2026-03-02T11:00:00+08:00", 0, "to before from");
	elapsed_is(cal, "2026-03-07T00:00:00+08:00", "2026-03-09T00:00:00+08:00", 0, "a weekend");
	/* A week of Monday to Friday at 8h: 40h; four weeks 160h. */
	elapsed_is(cal, "2026-03-02T00:00:00+08:00", "2026-03-09T00:00:00+08:00", 40 * HOUR, "a week");
	elapsed_is(cal, "2026-03-04T10:00:00+08:00", "2026-04-01T10:00:00+08:00", 160 * HOUR, "four weeks, mid-week");
}

static void holidays(const cs_calendar *cal)
{
	/* Wed 2026-09-30 17:00 + 2h: 1h on Wednesday; 10-01 (single) and
	 * 10-02..10-07 (a range, Friday to Wednesday) are closed; 1h on Thu 10-08. */
	due_is(cal, "2026-09-30T17:00:00+08:00", 2 * HOUR, "2026-10-08T10:00:00+08:00", "over a single holiday and a range");
	/* Week of Mon 09-28: Mon, Tue, Wed 8h each, Thu and Fri holidays: 24h. */
	elapsed_is(cal, "2026-09-28T00:00:00+08:00", "2026-10-05T00:00:00+08:00", 24 * HOUR, "a week with two holidays");
	/* Week of Mon 10-05: Mon-Wed holidays, Thu and Fri 8h, Sat 10-10 a
	 * workday with Monday's 8h, Sun 10-11 a workday of 10:00-16:00: 30h. */
	elapsed_is(cal, "2026-10-05T00:00:00+08:00", "2026-10-12T00:00:00+08:00", 30 * HOUR, "a week of holidays and workdays");
	/* Fri 10-09 17:00 + 2h: 1h on Friday, 09:00-10:00 on the make-up Saturday. */
	due_is(cal, "2026-10-09T17:00:00+08:00", 2 * HOUR, "2026-10-10T10:00:00+08:00", "a workday with Monday's hours");
	due_is(cal, "2026-10-10T11:30:00+08:00", 30 * MIN, "2026-10-10T12:00:00+08:00", "...and Monday's lunch");
	/* Sat 10-10 18:00 + 3h: Sunday 10-11 opens 10:00: due 13:00 (no lunch that day). */
	due_is(cal, "2026-10-10T18:00:00+08:00", 3 * HOUR, "2026-10-11T13:00:00+08:00", "a workday with its own hours");
	elapsed_is(cal, "2026-10-11T00:00:00+08:00", "2026-10-12T00:00:00+08:00", 6 * HOUR, "...which count 6h");
	/* Thu 12-24 keeps 09:00-12:00 only: from 11:00 + 2h is 1h there and 1h on Fri 12-25. */
	due_is(cal, "2026-12-24T11:00:00+08:00", 2 * HOUR, "2026-12-25T10:00:00+08:00", "a partial holiday");
	elapsed_is(cal, "2026-12-24T00:00:00+08:00", "2026-12-25T00:00:00+08:00", 3 * HOUR, "a partial holiday's 3h");
	due_is(cal, "2026-12-24T12:00:00+08:00", 0, "2026-12-24T12:00:00+08:00", "a zero target after a partial day");
}

static void year_end(const cs_calendar *cal)
{
	/* Thu 2026-12-31 8h + Fri 2027-01-01 8h (no holiday in this calendar). */
	elapsed_is(cal, "2026-12-31T00:00:00+08:00", "2027-01-02T00:00:00+08:00", 16 * HOUR, "across a year end");
	/* 2026-12-31 falls in ISO week 53 of 2026, 2027-01-02 too: and beyond. */
	elapsed_is(cal, "2026-12-31T17:00:00+08:00", "2027-01-04T10:00:00+08:00", 10 * HOUR, "into 2027's first week");
	due_is(cal, "2026-12-31T17:00:00+08:00", 2 * HOUR, "2027-01-01T10:00:00+08:00", "due across a year end");
	/* 2024 is a leap year: Thu 2024-02-29 is a day like the others. */
	elapsed_is(cal, "2024-02-28T00:00:00+08:00", "2024-03-02T00:00:00+08:00", 24 * HOUR, "over February 29");
}

static void special_cases(cs_buf *err)
{
	/* 24:00 closes a frame at midnight; Monday 20-24 and Tuesday 00-02
	 * meet at midnight and count as one stretch. */
	cs_calendar *cal = calendar("{\"timezone\":\"UTC\",\"hours\":{\"mon\":[[\"20:00\",\"24:00\"]],"
				    "\"tue\":[[\"00:00\",\"02:00\"]],\"wed\":[[\"20:00\",\"24:00\"]]}}", err);
	ok(cal != NULL, "24:00 is an end");
	due_is(cal, "2026-03-02T23:00:00Z", 2 * HOUR, "2026-03-03T01:00:00Z", "over midnight into Tuesday");
	elapsed_is(cal, "2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", 6 * HOUR, "20:00-24:00 and 00:00-02:00");
	/* Wed 20:00 + 4h ends at 24:00, Thursday 00:00, not next Monday 20:00. */
	due_is(cal, "2026-03-04T20:00:00Z", 4 * HOUR, "2026-03-05T00:00:00Z", "a target ending at 24:00");
	/* 10h a week (4 + 2 + 4): from Mon 2026-03-02 00:00, 10h end with
	 * Wednesday's frame at Thursday 00:00, 20h a week later. */
	due_is(cal, "2026-03-02T00:00:00Z", 10 * HOUR, "2026-03-05T00:00:00Z", "one week's hours");
	due_is(cal, "2026-03-02T00:00:00Z", 20 * HOUR, "2026-03-12T00:00:00Z", "two weeks' hours");
	int64_t due = 7;
	ok(cs_clock_due(cal, at("2026-03-02T00:00:00Z"), -1, &due) == -1 && due == 7, "a negative target is refused");
	ok(cs_clock_due(cal, at("9999-12-30T00:00:00Z"), 100 * HOUR, &due) == -1, "a due past 9999 is refused");
	cs_calendar_free(cal);

	due_is(NULL, "2026-03-02T23:00:00Z", 2 * HOUR, "2026-03-03T01:00:00Z", "a NULL calendar is calendar time");
	elapsed_is(NULL, "2026-03-02T23:00:00Z", "2026-03-03T01:00:00Z", 2 * HOUR, "...for elapsed too");
}

/* New York, 09:00-17:00 on weekdays and 01:00-04:00 on Sundays, so that a
 * frame spans 02:00-03:00 on both days the clocks change:
 *   2026-03-08 (spring forward): 02:00 EST becomes 03:00 EDT at 07:00Z; the
 *     frame is 01:00 EST (06:00Z) to 04:00 EDT (08:00Z): 2h.
 *   2026-11-01 (fall back): 02:00 EDT becomes 01:00 EST at 06:00Z; 01:00
 *     happens twice and the first counts (EDT, 05:00Z); 04:00 EST is 09:00Z: 4h. */
static void dst_new_york(cs_buf *err)
{
	cs_calendar *cal = calendar("{\"timezone\":\"America/New_York\",\"hours\":{\"mon\":[[\"09:00\",\"17:00\"]],"
				    "\"tue\":[[\"09:00\",\"17:00\"]],\"wed\":[[\"09:00\",\"17:00\"]],\"thu\":[[\"09:00\",\"17:00\"]],"
				    "\"fri\":[[\"09:00\",\"17:00\"]],\"sun\":[[\"01:00\",\"04:00\"]]}}", err);
	ok(cal != NULL, "a New York calendar");
	elapsed_is(cal, "2026-03-01T00:00:00-05:00", "2026-03-02T00:00:00-05:00", 3 * HOUR, "a Sunday before DST: 3h");
	elapsed_is(cal, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 2 * HOUR, "spring forward: 2h");
	/* 01:30 EST (06:30Z) + 1h: 07:30Z, which the clock shows as 03:30 EDT. */
	due_is(cal, "2026-03-08T01:30:00-05:00", HOUR, "2026-03-08T03:30:00-04:00", "due over the gap");
	due_is(cal, "2026-03-08T01:30:00-05:00", 90 * MIN, "2026-03-08T04:00:00-04:00", "due at 04:00 EDT, the frame's end");
	/* Mon 2026-03-09 09:00 EDT is 13:00Z. */
	due_is(cal, "2026-03-08T04:00:00-04:00", HOUR, "2026-03-09T10:00:00-04:00", "Monday in EDT");
	elapsed_is(cal, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 4 * HOUR, "fall back: 4h");
	/* 01:30 EDT (05:30Z) + 1h: 06:30Z, the second 01:30 (EST). */
	due_is(cal, "2026-11-01T01:30:00-04:00", HOUR, "2026-11-01T01:30:00-05:00", "due in the repeated hour");
	due_is(cal, "2026-11-01T01:00:00-04:00", 4 * HOUR, "2026-11-01T04:00:00-05:00", "the whole frame is 4h");
	/* Weekdays: Mon 11-02 09:00-17:00 EST = 14:00Z-22:00Z. */
	elapsed_is(cal, "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z", 8 * HOUR, "Monday after fall back");
	/* A week spanning the change: Sun 03-08 2h + Mon-Fri 40h. */
	elapsed_is(cal, "2026-03-08T00:00:00-05:00", "2026-03-15T00:00:00-04:00", 42 * HOUR, "the week of the change");
	cs_calendar_free(cal);

	/* A frame inside the gap vanishes; on fall back 01:00-02:00 runs from
	 * the first 01:00 (05:00Z) to 02:00 EST (07:00Z): 2h. */
	cal = calendar("{\"timezone\":\"America/New_York\",\"hours\":{\"sun\":[[\"01:00\",\"02:00\"],[\"02:00\",\"03:00\"]]}}", err);
	elapsed_is(cal, "2026-03-01T00:00:00-05:00", "2026-03-02T00:00:00-05:00", 2 * HOUR, "a plain Sunday: 2h");
	/* 01:00 EST (06:00Z) to 02:00, which does not exist: the gap's end, 07:00Z; 02:00-03:00 is empty. */
	elapsed_is(cal, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", HOUR, "spring: 1h, the gap's frame empty");
	/* 01:00 EDT (05:00Z) to 02:00 EST (07:00Z), then 02:00-03:00 EST (07:00Z-08:00Z). */
	elapsed_is(cal, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 3 * HOUR, "fall: 3h");
	cs_calendar_free(cal);
}

/* Berlin: CET (+01) to CEST (+02) on 2026-03-29 at 01:00Z (02:00 becomes
 * 03:00), back on 2026-10-25 at 01:00Z (03:00 becomes 02:00). Sundays
 * 01:00-02:30 and 02:30-04:00, weekdays 09:00-17:00. */
static void dst_berlin(cs_buf *err)
{
	cs_calendar *cal = calendar("{\"timezone\":\"Europe/Berlin\",\"hours\":{\"mon\":[[\"09:00\",\"17:00\"]],"
				    "\"sun\":[[\"01:00\",\"02:30\"],[\"02:30\",\"04:00\"]]}}", err);
	ok(cal != NULL, "a Berlin calendar");
	/* Spring: 01:00 CET = 00:00Z; 02:30 does not exist: 01:00Z; 04:00 CEST = 02:00Z. */
	elapsed_is(cal, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 2 * HOUR, "spring forward: 2h");
	/* From 01:30 CET (00:30Z) + 45m: 30m to the gap, 15m after it: 01:15Z = 03:15 CEST. */
	due_is(cal, "2026-03-29T01:30:00+01:00", 45 * MIN, "2026-03-29T03:15:00+02:00", "due over the gap");
	/* Fall: 01:00 CEST = 23:00Z (Saturday); 02:30 first = 00:30Z; 04:00 CET = 03:00Z: 4h. */
	elapsed_is(cal, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 4 * HOUR, "fall back: 4h");
	/* From 02:00 CEST (00:00Z) + 1h30m: 01:30Z, the second 02:30 (CET). */
	due_is(cal, "2026-10-25T02:00:00+02:00", 90 * MIN, "2026-10-25T02:30:00+01:00", "due in the repeated hour");
	/* Mon 2026-10-26 09:00 CET = 08:00Z. */
	due_is(cal, "2026-10-25T04:00:00+01:00", HOUR, "2026-10-26T10:00:00+01:00", "Monday in CET");
	cs_calendar_free(cal);
}

static void zone_rules(cs_buf *err)
{
	cs_zone *ny = cs_zone_load("America/New_York", err), *berlin = cs_zone_load("Europe/Berlin", err);
	ok(ny && berlin, "zones load");
	/* Local seconds of 2026-03-08 02:30 and of 2026-11-01 01:30 on the New York clock. */
	int64_t day = cs_days_from_civil(2026, 3, 8) * 86400;
	is_int(cs_zone_instant(ny, day + 2 * 3600 + 1800), at("2026-03-08T07:00:00Z") / 1000, "a skipped time: the gap's end");
	is_int(cs_zone_instant(ny, day + 3600 + 1800), at("2026-03-08T06:30:00Z") / 1000, "before the gap: EST");
	is_int(cs_zone_instant(ny, day + 3 * 3600), at("2026-03-08T07:00:00Z") / 1000, "03:00 EDT");
	day = cs_days_from_civil(2026, 11, 1) * 86400;
	is_int(cs_zone_instant(ny, day + 3600 + 1800), at("2026-11-01T05:30:00Z") / 1000, "a repeated time: the first");
	is_int(cs_zone_instant(ny, day + 2 * 3600), at("2026-11-01T07:00:00Z") / 1000, "02:00 after fall back");
	is_int(cs_zone_offset(ny, at("2026-07-01T00:00:00Z") / 1000), -4 * 3600, "EDT in July");
	/* Far past the zone file's table (2037): the POSIX rule takes over. */
	is_int(cs_zone_offset(ny, at("2100-07-01T00:00:00Z") / 1000), -4 * 3600, "EDT in July 2100");
	is_int(cs_zone_offset(ny, at("2100-01-01T00:00:00Z") / 1000), -5 * 3600, "EST in January 2100");
	/* 2100-03-14 is the second Sunday of March: 02:00 EST = 07:00Z. */
	is_int(cs_zone_offset(ny, at("2100-03-14T06:59:59Z") / 1000), -5 * 3600, "EST just before the 2100 change");
	is_int(cs_zone_offset(ny, at("2100-03-14T07:00:00Z") / 1000), -4 * 3600, "EDT from it");
	is_int(cs_zone_offset(berlin, at("2026-10-25T00:59:59Z") / 1000), 7200, "CEST before fall back");
	is_int(cs_zone_offset(berlin, at("2026-10-25T01:00:00Z") / 1000), 3600, "CET after");
	cs_zone_free(ny);
	cs_zone_free(berlin);
	ok(!cs_zone_load("Mars/Olympus_Mons", err) && strstr(err->p, "no time zone"), "%s", err->p);
	ok(!cs_zone_load("../etc/passwd", err) && strstr(err->p, "not the name"), "%s", err->p);
	ok(!cs_zone_load("zone.tab", err), "a zoneinfo table is not a zone: %s", err->p);
	ok(!cs_zone_parse((const unsigned char *)"TZif2", 5, err), "a truncated zone file: %s", err->p);
	cs_zone *utc = cs_zone_load("UTC", err);
	ok(utc && cs_zone_offset(utc, 0) == 0 && cs_zone_instant(utc, 1234) == 1234, "UTC needs no file");
	cs_zone_free(utc);
}

/* Open all day every day: calendar time. The far holiday keeps the
 * calendar off its fast path, so the week machinery is what is tested. */
static void calendar_time(cs_buf *err)
{
	cs_calendar *always = cs_calendar_load("share/calendars/24x7.json", err);
	ok(always != NULL, "24x7.json loads: %s", err->p);
	const char *day = "[[\"00:00\",\"24:00\"]]";
	char json[600];
	snprintf(json, sizeof json,
		 "{\"timezone\":\"America/New_York\",\"holidays\":[\"1999-01-01\"],\"hours\":"
		 "{\"mon\":%s,\"tue\":%s,\"wed\":%s,\"thu\":%s,\"fri\":%s,\"sat\":%s,\"sun\":%s}}",
		 day, day, day, day, day, day, day);
	cs_calendar *full = calendar(json, err);
	ok(full != NULL, "seven days of 00:00-24:00");
	/* 2026-03-08 has 23 hours in New York, and calendar time knows it. */
	elapsed_is(full, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23 * HOUR, "a 23-hour day");
	elapsed_is(full, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25 * HOUR, "a 25-hour day");
	uint64_t seed = 42;
	int same = 1;
	for (int i = 0; i < 2000 && same; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		int64_t from = at("2026-01-01T00:00:00Z") + (int64_t)(seed >> 33) % (366 * 24 * HOUR);
		int64_t span = (int64_t)(seed >> 20) % (40 * 24 * HOUR), due1, due2;
		same = cs_clock_elapsed(full, from, from + span) == span && cs_clock_elapsed(always, from, from + span) == span &&
		       cs_clock_due(full, from, span, &due1) == 0 && due1 == from + span &&
		       cs_clock_due(always, from, span, &due2) == 0 && due2 == from + span;
	}
	ok(same, "24x7 and 00:00-24:00 agree with wall-clock arithmetic on 2000 random spans");
	cs_calendar_free(always);
	cs_calendar_free(full);
}

/* ---- a minute-walking reference, written from the rules and not from svc_clock ---- */

struct ref_frame {
	int start, end;
};

struct ref_day {
	const char *date;   /* YYYY-MM-DD */
	int n;
	struct ref_frame f[2];
};

struct reference {
	const cs_zone *zone;
	struct ref_frame week[7][2];   /* Monday first; end 0 ends the list */
	const struct ref_day *days;
	int ndays;
};

static int ref_open(const struct reference *r, int64_t ms)
{
	int64_t s = ms / 1000;
	int64_t local = s + cs_zone_offset(r->zone, s);
	int64_t day = local / 86400 - (local % 86400 < 0);
	int minute = (int)((local - day * 86400) / 60);
	int64_t y;
	int m, d;
	cs_civil_from_days(day, &y, &m, &d);
	char date[16];
	snprintf(date, sizeof date, "%04d-%02d-%02d", (int)y, m, d);
	for (int i = 0; i < r->ndays; i++)
		if (strcmp(r->days[i].date, date) == 0) {
			for (int k = 0; k < r->days[i].n; k++)
				if (minute >= r->days[i].f[k].start && minute < r->days[i].f[k].end)
					return 1;
			return 0;
		}
	const struct ref_frame *f = r->week[((day + 3) % 7 + 7) % 7];
	for (int k = 0; k < 2 && f[k].end; k++)
		if (minute >= f[k].start && minute < f[k].end)
			return 1;
	return 0;
}

static int64_t ref_elapsed(const struct reference *r, int64_t from, int64_t to)
{
	int64_t sum = 0;
	for (int64_t t = from; t < to; t += MIN)
		sum += ref_open(r, t) ? MIN : 0;
	return sum;
}

static int64_t ref_due(const struct reference *r, int64_t from, int64_t target)
{
	int64_t t = from;
	for (; target > 0; t += MIN)
		target -= ref_open(r, t) ? MIN : 0;
	return t;
}

/* Random whole-minute starts and targets: due must match the reference,
 * elapsed(from, due(from, t)) must give t back, and elapsed must match the
 * reference on random spans. */
static void against_reference(const cs_calendar *cal, const struct reference *r, const char *first, int days,
			      int rounds, const char *what)
{
	uint64_t seed = 7;
	int due_ok = 0, inverse_ok = 0, elapsed_ok = 0;
	for (int i = 0; i < rounds; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		int64_t from = at(first) + (int64_t)(seed >> 33) % (days * 1440) * MIN;
		int64_t target = (int64_t)(seed >> 13) % (24 * 60) * MIN, due = -1;
		int64_t to = from + (int64_t)(seed >> 40) % (10 * 1440) * MIN;
		cs_clock_due(cal, from, target, &due);
		due_ok += due == ref_due(r, from, target);
		inverse_ok += cs_clock_elapsed(cal, from, due) == target;
		elapsed_ok += cs_clock_elapsed(cal, from, to) == ref_elapsed(r, from, to);
	}
	is_int(due_ok, rounds, "%s: due agrees with the minute walk", what);
	is_int(inverse_ok, rounds, "%s: elapsed(from, due(from, t)) == t", what);
	is_int(elapsed_ok, rounds, "%s: elapsed agrees with the minute walk", what);
}

static void reference_checks(const cs_calendar *split, cs_buf *err)
{
	static const struct ref_day split_days[] = {
		{"2026-10-01", 0, {{0, 0}}}, {"2026-10-02", 0, {{0, 0}}}, {"2026-10-03", 0, {{0, 0}}},
		{"2026-10-04", 0, {{0, 0}}}, {"2026-10-05", 0, {{0, 0}}}, {"2026-10-06", 0, {{0, 0}}},
		{"2026-10-07", 0, {{0, 0}}}, {"2026-12-24", 1, {{540, 720}}},
		{"2026-10-10", 2, {{540, 720}, {780, 1080}}}, {"2026-10-11", 1, {{600, 960}}},
	};
	struct reference r = {cs_calendar_zone(split), {{{0}}}, split_days, 10};
	for (int d = 0; d < 5; d++) {
		r.week[d][0] = (struct ref_frame){540, 720};
		r.week[d][1] = (struct ref_frame){780, 1080};
	}
	against_reference(split, &r, "2026-09-20T00:00:00+08:00", 110, 300, "Shanghai, split shifts and holidays");

	/* New York weekdays 09:00-17:00 with Thanksgiving, over both DST changes. */
	cs_calendar *ny = calendar("{\"timezone\":\"America/New_York\",\"hours\":{\"mon\":[[\"09:00\",\"17:00\"]],"
				   "\"tue\":[[\"09:00\",\"17:00\"]],\"wed\":[[\"09:00\",\"17:00\"]],\"thu\":[[\"09:00\",\"17:00\"]],"
				   "\"fri\":[[\"09:00\",\"17:00\"]]},\"holidays\":[\"2026-11-26\"]}", err);
	static const struct ref_day ny_days[] = {{"2026-11-26", 0, {{0, 0}}}};
	struct reference rn = {cs_calendar_zone(ny), {{{0}}}, ny_days, 1};
	for (int d = 0; d < 5; d++)
		rn.week[d][0] = (struct ref_frame){540, 1020};
	against_reference(ny, &rn, "2026-02-20T00:00:00Z", 300, 300, "New York over DST");
	cs_calendar_free(ny);
}

/* ---- files ---- */

static void shipped_calendars(cs_buf *err)
{
	cs_calendar *cn = cs_calendar_load("share/calendars/cn-2026.json", err);
	ok(cn != NULL, "cn-2026.json loads: %s", cn ? "" : err->p);
	/* 2026: 261 weekdays, 19 of them holidays, 6 make-up weekend days: 248 days of 8h. */
	elapsed_is(cn, "2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", 248 * 8 * HOUR, "China 2026: 248 days");
	/* Fri 02-13 09:00 + 16h: Friday's 8h, then Saturday 02-14, a make-up workday. */
	due_is(cn, "2026-02-13T09:00:00+08:00", 16 * HOUR, "2026-02-14T18:00:00+08:00", "China: Saturday 02-14 works");
	/* Wed 09-30 17:00 + 8h: 1h, the National Day week, then Thu 10-08 09:00-17:00 less lunch. */
	due_is(cn, "2026-09-30T17:00:00+08:00", 8 * HOUR, "2026-10-08T17:00:00+08:00", "China: over National Day");
	/* Ten business days (80h) from Mon 2026-09-21 09:00: 09-21..09-24 (4 days), 09-25 holiday,
	 * 09-28..09-30 (3), 10-08, 10-09, 10-10 (Saturday, make-up): the tenth ends 10-10 18:00. */
	due_is(cn, "2026-09-21T09:00:00+08:00", 80 * HOUR, "2026-10-10T18:00:00+08:00", "China: ten business days");
	cs_calendar_free(cn);
	const char *files[] = {"share/calendars/us-ny-business.json", "share/calendars/de-berlin-business.json"};
	for (int i = 0; i < 2; i++) {
		cs_calendar *cal = cs_calendar_load(files[i], err);
		ok(cal != NULL, "%s loads", files[i]);
		cs_calendar_free(cal);
	}
	cs_calendar *us = cs_calendar_load(files[0], err);
	/* Wed 2026-11-25 16:00 + 2h: 1h Wednesday, Thanksgiving, 1h Friday: 10:00 EST. */
	due_is(us, "2026-11-25T16:00:00-05:00", 2 * HOUR, "2026-11-27T10:00:00-05:00", "US: over Thanksgiving");
	cs_calendar_free(us);
	cs_calendar *de = cs_calendar_load(files[1], err);
	/* Thu 2026-12-24 keeps 09:00-12:00; 12-25 and 12-26 closed; Mon 12-28 09:00 + 1h. */
	due_is(de, "2026-12-24T11:00:00+01:00", 2 * HOUR, "2026-12-28T10:00:00+01:00", "Berlin: Christmas");
	cs_calendar_free(de);
	ok(!cs_calendar_load("share/calendars/none.json", err) && strstr(err->p, "none.json: "), "%s", err->p);
}

/* tests/data/calendar/ics.json imports holidays.ics: 10-01..10-07 all day
 * (DTEND 10-08 exclusive), 12-25 all day (no DTEND), 12-23 09:00-10:00
 * Shanghai time (01:00Z-02:00Z), 12-24 14:00-16:00 by TZID, 12-21 an
 * hour by a Berlin TZID; 11-02 is cancelled. Hours: Monday to Friday 09-12, 13-18. */
static void ics_import(cs_buf *err)
{
	cs_calendar *cal = cs_calendar_load("tests/data/calendar/ics.json", err);
	ok(cal != NULL, "a calendar with an .ics loads: %s", cal ? "" : err->p);
	elapsed_is(cal, "2026-10-01T00:00:00+08:00", "2026-10-08T00:00:00+08:00", 0, "ics: a week of all-day events");
	elapsed_is(cal, "2026-10-08T00:00:00+08:00", "2026-10-09T00:00:00+08:00", 8 * HOUR, "ics: DTEND is exclusive");
	elapsed_is(cal, "2026-12-25T00:00:00+08:00", "2026-12-26T00:00:00+08:00", 0, "ics: an event without DTEND");
	elapsed_is(cal, "2026-12-23T00:00:00+08:00", "2026-12-24T00:00:00+08:00", 7 * HOUR, "ics: a UTC closure of 1h");
	elapsed_is(cal, "2026-12-24T00:00:00+08:00", "2026-12-25T00:00:00+08:00", 6 * HOUR, "ics: a TZID closure of 2h");
	elapsed_is(cal, "2026-11-02T00:00:00+08:00", "2026-11-03T00:00:00+08:00", 8 * HOUR, "ics: a cancelled event");
	/* Mon 12-21 02:00-03:00 in Berlin (CET) is 01:00Z-02:00Z, 09:00-10:00 in Shanghai. */
	elapsed_is(cal, "2026-12-21T00:00:00+08:00", "2026-12-22T00:00:00+08:00", 7 * HOUR, "ics: a closure in another TZID");
	/* Thu 12-24 13:00 + 2h: 13-14, closed 14-16, 16-17. */
	due_is(cal, "2026-12-24T13:00:00+08:00", 2 * HOUR, "2026-12-24T17:00:00+08:00", "ics: due over a closure");
	cs_calendar_free(cal);
	refused(cs_calendar_load("tests/data/calendar/rrule.json", err), "rrule.ics:5: a repeating event", "%s", err->p);
	refused(cs_calendar_load("tests/data/calendar/clash.json", err), "clash.json:5: 2026-10-03 is both a holiday and a workday",
		"%s", err->p);
}

/* A calendar open on Monday mornings in UTC, for the keys that follow. */
#define MONDAYS "{\"timezone\":\"UTC\",\"hours\":{\"mon\":[[\"09:00\",\"12:00\"]]},"
#define HOURS(frames) "{\"timezone\":\"UTC\",\"hours\":{" frames "}}"

static void refusals(cs_buf *err)
{
	static const struct {
		const char *json, *want;
	} bad[] = {
		{MONDAYS "\n\"holidays\":[[\"2026-10-01\",\"2026-10-07\"]],\n\"workdays\":[\"2026-10-03\"]}",
		 "cal.json:3: 2026-10-03 is both a holiday and a workday"},
		{MONDAYS "\"workdays\":[\"2026-10-10\",\"2026-10-10\"]}", "given twice in \"workdays\""},
		{MONDAYS "\"holidays\":[[\"2026-12-20\",\"2026-12-31\"],{\"date\":\"2026-12-24\",\"hours\":[]}]}",
		 "2026-12-24 is given twice as a holiday"},
		{HOURS("\"mon\":[[\"09:00\",\"12:00\"],[\"11:00\",\"13:00\"]]"), "must be in order and must not overlap"},
		{HOURS("\"mon\":[[\"13:00\",\"18:00\"],[\"09:00\",\"12:00\"]]"), "must be in order"},
		{HOURS("\"mon\":[[\"12:00\",\"12:00\"]]"), "open before it closes"},
		{HOURS("\"mon\":[[\"24:00\",\"24:00\"]]"), "open before it closes"},
		{HOURS("\"mon\":[[\"09:00\",\"24:30\"]]"), "\"HH:MM\""},
		{HOURS("\"mon\":[[\"9:00\",\"12:00\"]]"), "\"HH:MM\""},
		{HOURS("\"mon\":[[\"09:00\",\"12:60\"]]"), "\"HH:MM\""},
		{HOURS("\"mon\":[[\"09:00\"]]"), "a frame is"},
		{HOURS("\"monday\":[]"), "unknown key \"monday\""},
		{HOURS("\"sat\":[]"), "opens on no day"},
		{"{\"hours\":{\"mon\":[[\"09:00\",\"12:00\"]]}}", "cal.json:1: the calendar has no \"timezone\""},
		{"{\"timezone\":\"Asia/Shanghia\",\"hours\":{\"mon\":[[\"09:00\",\"12:00\"]]}}", "no time zone \"Asia/Shanghia\""},
		{"{\"timezone\":\"UTC\"}", "no \"hours\""},
		{"{\"24x7\":true,\"hours\":{}}", "cannot both be given"},
		{"{\"timezone\":\"UTC\",\"hours\":{\"tue\":[[\"09:00\",\"12:00\"]]},\"workdays\":[\"2026-10-10\"]}", "Monday has none"},
		{MONDAYS "\"holidays\":[{\"date\":\"2026-12-24\"}]}", "needs \"hours\""},
		{MONDAYS "\"holidays\":[[\"2026-10-07\",\"2026-10-01\"]]}", "must not end before it starts"},
		{MONDAYS "\"holidays\":[\"2026-02-29\"]}", "a real one"},
		{MONDAYS "\"holidays\":[\"2026-1-5\"]}", "\"YYYY-MM-DD\""},
		{MONDAYS "\"holidays\":[20261001]}", "a date, a [first, last] range"},
		{MONDAYS "\"ics\":\"nowhere.ics\"}", "\"ics\": nowhere.ics: "},
		{MONDAYS "\"open\":true}", "unknown key \"open\""},
		{"{\"timezone\":\"UTC\",", "not valid JSON"},
	};
	const char *two = "{\"timezone\":\"Asia/Shanghai\",\n\"hours\":{\"mon\":[[\"09:00\",\"12:00\"]]},\n"
			  "\"holidays\":[\"2026-10-10\"],\n\"workdays\":[\"2026-10-10\"]}";
	ok(!calendar(two, err), "a date in both lists");
	is_str(err->p, "cal.json:4: 2026-10-10 is both a holiday and a workday", "...names the workday's line");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		refused(calendar(bad[i].json, err), bad[i].want, "refused: %s", err->p);
	cs_calendar *merged = calendar(MONDAYS "\"holidays\":[[\"2026-10-01\",\"2026-10-07\"],\"2026-10-05\",[\"2026-10-06\",\"2026-10-13\"]]}", err);
	ok(merged != NULL, "whole-day holidays may overlap");
	/* Mondays 10-05 and 10-12 are closed; 10-19 opens. */
	due_is(merged, "2026-10-01T00:00:00Z", HOUR, "2026-10-19T10:00:00Z", "...and merge");
	cs_calendar_free(merged);
	cs_calendar *plain = calendar("{\"description\":\"the issue's shape\",\"timezone\":\"Asia/Shanghai\",\"hours\":{"
				      "\"mon\":[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]]},"
				      "\"holidays\":[\"2026-10-01\",\"2026-10-02\"],\"workdays\":[\"2026-10-10\"]}", err);
	ok(plain != NULL, "the issue's example shape loads");
	cs_calendar_free(plain);
}

static void durations(void)
{
	static const struct {
		const char *s;
		int64_t ms;   /* -1: refused */
	} cases[] = {
		{"90m", 90 * MIN}, {"4h", 4 * HOUR}, {"1h30m", 90 * MIN}, {"2d", 48 * HOUR}, {"45s", 45000},
		{"1d2h3m4s", 93784000}, {"0m", 0}, {"", -1}, {"-5m", -1}, {"90", -1}, {"1w", -1}, {"500ms", -1},
		{"30m1h", -1}, {"1h 30m", -1}, {"1.5h", -1}, {"h", -1}, {"4hh", -1}, {"99999999999999999999d", -1},
		{"106751991168d", -1}, {"106751991167d", 106751991167LL * 24 * HOUR},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int64_t ms = -1;
		int r = cs_clock_duration(cases[i].s, &ms);
		is_int(r == 0 ? ms : -1, cases[i].ms, "duration \"%s\"", cases[i].s);
	}
	ok(cs_clock_duration(NULL, &(int64_t){0}) == -1, "a NULL duration");
}

/* Threads share one calendar and fill its weeks at once: every answer must
 * be the one a single thread gets. */
struct worker {
	const cs_calendar *cal;
	int64_t first;
	int64_t due[500];
};

static void *work(void *arg)
{
	struct worker *w = arg;
	for (int i = 0; i < 500; i++)
		if (cs_clock_due(w->cal, w->first + i * 7 * HOUR, 80 * HOUR, &w->due[i]) != 0)
			w->due[i] = -1;
	return NULL;
}

static void threads(cs_buf *err)
{
	cs_calendar *shared = cs_calendar_load("share/calendars/cn-2026.json", err), *alone = cs_calendar_load("share/calendars/cn-2026.json", err);
	struct worker w[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		w[i] = (struct worker){.cal = shared, .first = at("2026-01-01T00:00:00+08:00")};
		pthread_create(&t[i], NULL, work, &w[i]);
	}
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	struct worker one = {.cal = alone, .first = w[0].first};
	work(&one);
	int same = 1;
	for (int i = 0; i < 4; i++)
		same &= memcmp(w[i].due, one.due, sizeof one.due) == 0;
	ok(same, "four threads on one calendar agree with one thread alone");
	cs_calendar_free(shared);
	cs_calendar_free(alone);
}

int main(void)
{
	unsetenv("TZDIR");
	cs_buf err = CS_BUF_INIT;
	cs_calendar *split = calendar(split_json, &err);
	ok(split != NULL, "the split-shift calendar loads");
	split_shifts(split);
	holidays(split);
	year_end(split);
	reference_checks(split, &err);
	cs_calendar_free(split);
	special_cases(&err);
	dst_new_york(&err);
	dst_berlin(&err);
	zone_rules(&err);
	calendar_time(&err);
	shipped_calendars(&err);
	ics_import(&err);
	refusals(&err);
	durations();
	threads(&err);
	cs_buf_free(&err);
	return tap_done();
}
